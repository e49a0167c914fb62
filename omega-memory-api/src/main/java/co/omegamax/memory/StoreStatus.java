package co.omegamax.memory;

/** What a store call did. */
public enum StoreStatus {
    /** A new memory was created. */
    CREATED,
    /** The content was already known; the existing memory was touched and its id returned. */
    DEDUPED,
    /** A near-duplicate lesson or decision absorbed what was new in the content. */
    EVOLVED,
    /** A new memory was created and it supersedes an older one it contradicts. */
    SUPERSEDED,
    /** Nothing was stored (for example the content looked like a secret). */
    BLOCKED
}
