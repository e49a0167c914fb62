package co.omegamax.memory;

/** The database holds vectors of another model or dimension than the configured embedder produces. */
public class IncompatibleEmbeddingsException extends StorageException {
    private static final long serialVersionUID = 1L;

    /** With a message naming both models and how to fix it. */
    public IncompatibleEmbeddingsException(String message) {
        super(message);
    }
}
