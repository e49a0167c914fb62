package co.omegamax.memory;

/** The database failed or could not be opened; the message says how to fix it. */
public class StorageException extends MemoryException {
    private static final long serialVersionUID = 1L;

    /** With a message a user can act on. */
    public StorageException(String message) {
        super(message);
    }

    /** With a message and the underlying cause. */
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
