package co.omegamax.platform.spi;

/** State of a background {@link Job}. Stored and exchanged as the lower-case constant name ({@link Validate#wireName}). */
public enum JobStatus {
    /** Waiting to run. */
    QUEUED,
    /** Running. */
    RUNNING,
    /** Finished successfully. */
    SUCCEEDED,
    /** Finished with an error. */
    FAILED,
    /** Stopped before finishing. */
    CANCELLED
}
