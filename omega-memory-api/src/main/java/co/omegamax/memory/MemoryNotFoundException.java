package co.omegamax.memory;

/** No memory has the given id. */
public class MemoryNotFoundException extends MemoryException {
    private static final long serialVersionUID = 1L;

    /** With a message a user can act on. */
    public MemoryNotFoundException(String message) {
        super(message);
    }

    /** With a message and the underlying cause. */
    public MemoryNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
