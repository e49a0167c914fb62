package co.omegamax.memory;

/** Lifecycle state of a memory. */
public enum MemoryStatus {
    /** Current; returned by queries. */
    ACTIVE,
    /** Replaced by a newer memory (see {@link Memory#supersededBy()}); hidden unless asked for. */
    SUPERSEDED,
    /** Kept for history only; hidden unless asked for. */
    ARCHIVED
}
