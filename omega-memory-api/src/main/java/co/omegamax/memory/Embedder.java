package co.omegamax.memory;

import java.util.ArrayList;
import java.util.List;

/**
 * Port that turns text into an L2-normalised vector. Implementations must be thread-safe and
 * deterministic: the same text gives the same vector.
 */
public interface Embedder extends AutoCloseable {

    /** Stable model name stored beside every vector, e.g. {@code bge-small-en-v1.5-q}. */
    String modelName();

    /** Number of dimensions of every vector. */
    int dimension();

    /** Embeds one text. */
    float[] embed(String text);

    /** Embeds several texts; implementations should batch. Default: one at a time. */
    default List<float[]> embedAll(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (String text : texts) {
            out.add(embed(text));
        }
        return out;
    }

    /** Releases native resources. Default: nothing to release. */
    @Override
    default void close() {
    }
}
