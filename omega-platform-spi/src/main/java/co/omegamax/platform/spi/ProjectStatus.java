package co.omegamax.platform.spi;

/** Lifecycle of a {@link Project}. Stored and exchanged as the lower-case constant name ({@link Validate#wireName}). */
public enum ProjectStatus {
    /** Being worked on (the default). */
    ACTIVE,
    /** On hold. */
    PAUSED,
    /** Done. */
    COMPLETED,
    /** Kept for reference only. */
    ARCHIVED
}
