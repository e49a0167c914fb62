package co.omegamax.memory.sqlite.internal;

import co.omegamax.memory.Embedder;
import co.omegamax.memory.EmbeddingException;
import co.omegamax.memory.sqlite.EngineSettings;
import java.time.Clock;
import java.util.List;

/**
 * What the write and read paths share: the database, the optional embedder and vector index, the
 * settings and the clock.
 *
 * @param db the database
 * @param embedder the embedder, or {@code null} in degraded (words-only) mode
 * @param sync the vector index and its sync, or {@code null} in degraded mode
 * @param settings thresholds and limits
 * @param clock time source
 */
public record EngineContext(Database db, Embedder embedder, IndexSync sync, EngineSettings settings, Clock clock) {

    /** True when running words-only. */
    public boolean degraded() {
        return embedder == null;
    }

    /** Embeds texts in one batch, or returns {@code null} in degraded mode. */
    public List<float[]> embedAll(List<String> texts) {
        if (embedder == null) {
            return null;
        }
        List<float[]> vectors = embedder.embedAll(texts);
        if (vectors.size() != texts.size()) {
            throw new EmbeddingException("embedder " + embedder.modelName() + " returned " + vectors.size()
                    + " vectors for " + texts.size() + " texts");
        }
        return vectors;
    }

    /** Embeds one text, or returns {@code null} in degraded mode. */
    public float[] embed(String text) {
        return embedder == null ? null : embedder.embed(text);
    }

    /** The vector index, or {@code null} in degraded mode. */
    public VectorIndex index() {
        return sync == null ? null : sync.index();
    }
}
