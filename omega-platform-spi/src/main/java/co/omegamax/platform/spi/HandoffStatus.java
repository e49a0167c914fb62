package co.omegamax.platform.spi;

/** State of a session {@link Handoff}. Stored and exchanged as the lower-case constant name ({@link Validate#wireName}). */
public enum HandoffStatus {
    /** Offered, not yet taken. */
    PENDING,
    /** Taken by the receiving session. */
    ACCEPTED,
    /** Work handed over is done. */
    COMPLETED,
    /** Nobody took it in time. */
    EXPIRED
}
