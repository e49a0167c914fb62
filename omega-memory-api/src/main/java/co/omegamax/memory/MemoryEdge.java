package co.omegamax.memory;

/**
 * A directed link in the memory graph.
 *
 * @param sourceId from
 * @param targetId to
 * @param kind kind of link
 * @param weight strength in [0, 1] (cosine similarity for {@link EdgeKind#RELATED})
 */
public record MemoryEdge(String sourceId, String targetId, EdgeKind kind, double weight) {
}
