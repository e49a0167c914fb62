package co.omegamax.memory;

import java.util.Map;

/**
 * Counts and sizes of a store.
 *
 * @param total every memory, whatever its status
 * @param active active, unexpired memories
 * @param byType active memories per event type
 * @param byStatus memories per status
 * @param withVectors memories that have an embedding
 * @param embeddingModel model name of the stored vectors, or {@code null} in degraded mode
 * @param dimension vector dimension, 0 in degraded mode
 * @param degraded true when running without an embedding model (words only)
 * @param databaseBytes size of the database file(s) on disk
 * @param edges number of graph edges
 */
public record MemoryStats(long total, long active, Map<EventType, Long> byType, Map<MemoryStatus, Long> byStatus,
                          long withVectors, String embeddingModel, int dimension, boolean degraded,
                          long databaseBytes, long edges) {

    /** Copies the maps. */
    public MemoryStats {
        byType = Map.copyOf(byType);
        byStatus = Map.copyOf(byStatus);
    }
}
