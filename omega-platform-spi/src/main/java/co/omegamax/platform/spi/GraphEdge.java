package co.omegamax.platform.spi;

import java.util.Objects;

/**
 * An edge of a {@link GraphData}; both ends are nodes of the same graph.
 *
 * @param sourceId source node id
 * @param targetId target node id
 * @param relation relation token
 * @param weight   weight in 0..1
 */
public record GraphEdge(String sourceId, String targetId, String relation, double weight) {
    /** Checks the components. */
    public GraphEdge {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(relation, "relation");
    }
}
