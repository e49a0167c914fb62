package co.omegamax.memory;

/** Base of every exception the memory engine throws on purpose. */
public class MemoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** With a message a user can act on. */
    public MemoryException(String message) {
        super(message);
    }

    /** With a message and the underlying cause. */
    public MemoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
