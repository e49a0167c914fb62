package co.omegamax.memory;

/** The store holds the configured maximum number of memories. */
public class MemoryLimitExceededException extends MemoryException {
    private static final long serialVersionUID = 1L;

    /** With a message a user can act on. */
    public MemoryLimitExceededException(String message) {
        super(message);
    }

    /** With a message and the underlying cause. */
    public MemoryLimitExceededException(String message, Throwable cause) {
        super(message, cause);
    }
}
