package co.omegamax.platform.spi;

/** State of a coordination {@link Task}. Stored and exchanged as the lower-case constant name. */
public enum TaskStatus {
    /** Not started. */
    PENDING,
    /** Someone works on it. */
    IN_PROGRESS,
    /** Waiting on something else. */
    BLOCKED,
    /** Done. */
    COMPLETED,
    /** Dropped. */
    CANCELLED,
    /** Given up: the work was attempted and did not succeed (e.g. reported by a coordination tool). */
    FAILED;

    /** @return true while the task still needs work (pending, in progress or blocked) */
    public boolean isOpen() {
        return this == PENDING || this == IN_PROGRESS || this == BLOCKED;
    }
}
