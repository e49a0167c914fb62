package co.omegamax.memory;

/** The embedding model failed to load or to embed; the message says what is missing. */
public class EmbeddingException extends MemoryException {
    private static final long serialVersionUID = 1L;

    /** With a message a user can act on. */
    public EmbeddingException(String message) {
        super(message);
    }

    /** With a message and the underlying cause. */
    public EmbeddingException(String message, Throwable cause) {
        super(message, cause);
    }
}
