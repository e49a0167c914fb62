package co.omegamax.memory;

/** Kind of link between two memories. */
public enum EdgeKind {
    /** Semantically close (nearest neighbours at store time). */
    RELATED,
    /** The source memory replaced the target memory. */
    SUPERSEDES,
    /** The source memory absorbed content that was stored as a near-duplicate. */
    EVOLVED
}
