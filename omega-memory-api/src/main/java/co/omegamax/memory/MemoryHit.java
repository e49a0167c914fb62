package co.omegamax.memory;

import java.util.List;

/**
 * One recalled memory with its final score and the reasons it ranked where it did.
 *
 * @param memory the memory
 * @param score final score; higher is better, comparable only within one result
 * @param rankingReasons e.g. {@code "vector rank 1 (cosine 0.83)"}, {@code "bm25 rank 3"}, {@code "recency x0.91"}
 */
public record MemoryHit(Memory memory, double score, List<String> rankingReasons) {

    /** Copies the reasons. */
    public MemoryHit {
        rankingReasons = List.copyOf(rankingReasons);
    }
}
