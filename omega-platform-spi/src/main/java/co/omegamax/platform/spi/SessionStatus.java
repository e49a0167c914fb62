package co.omegamax.platform.spi;

/** State of an agent coordination {@link Session}. Stored and exchanged as the lower-case constant name ({@link Validate#wireName}). */
public enum SessionStatus {
    /** The agent is working. */
    ACTIVE,
    /** Connected but idle. */
    IDLE,
    /** Finished. */
    ENDED
}
