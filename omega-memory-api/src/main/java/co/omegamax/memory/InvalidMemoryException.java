package co.omegamax.memory;

/** Content or attributes of a memory were rejected (empty, too large, bad priority). */
public class InvalidMemoryException extends MemoryException {
    private static final long serialVersionUID = 1L;

    /** With a message a user can act on. */
    public InvalidMemoryException(String message) {
        super(message);
    }

    /** With a message and the underlying cause. */
    public InvalidMemoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
