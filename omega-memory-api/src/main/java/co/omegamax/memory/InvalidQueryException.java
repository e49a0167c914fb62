package co.omegamax.memory;

/** A query, filter or argument was rejected (bad limit, unknown type, inverted time range). */
public class InvalidQueryException extends MemoryException {
    private static final long serialVersionUID = 1L;

    /** With a message a user can act on. */
    public InvalidQueryException(String message) {
        super(message);
    }

    /** With a message and the underlying cause. */
    public InvalidQueryException(String message, Throwable cause) {
        super(message, cause);
    }
}
