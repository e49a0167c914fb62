package co.omegamax.platform.spi;

/**
 * Kinds of {@link CoordinationEvent} agents record while they work together; each is kept in its own
 * {@code coord_*} table. Stored and exchanged as the lower-case constant name.
 */
public enum CoordinationKind {
    /** An agent announces what it is about to change ({@code coord_intents}). */
    INTENT,
    /** A decision taken during a session ({@code coord_decisions}). */
    DECISION,
    /** A commit, branch or merge ({@code coord_git_events}). */
    GIT_EVENT,
    /** A measured value, e.g. tokens used ({@code coord_metrics}). */
    METRIC,
    /** A session claims a file for editing ({@code coord_file_claims}). */
    FILE_CLAIM,
    /** A session read a file ({@code coord_file_reads}). */
    FILE_READ
}
