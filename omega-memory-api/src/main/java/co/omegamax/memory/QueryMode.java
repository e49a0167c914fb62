package co.omegamax.memory;

/** How {@link MemoryEngine#query(MemoryQuery)} searches. */
public enum QueryMode {
    /** Meaning and words fused (vectors, BM25, tag/word overlap). The default. */
    HYBRID,
    /** Meaning only (vector similarity); falls back to words when the engine has no model. */
    SEMANTIC,
    /** Words only (BM25 over the full-text index). */
    WORDS,
    /** The exact phrase, as written. */
    PHRASE,
    /** Newest first within the filters; the query text, if any, must occur in the content. */
    TIMELINE
}
