package co.omegamax.memory.spi;

import co.omegamax.memory.Memory;
import co.omegamax.memory.MemoryQuery;
import java.time.Instant;

/**
 * Changes the score of a retrieved memory after the engine's own ranking. The engine multiplies the
 * hit's score by {@link ScoreAdjustment#factor()} and adds the reason to the hit's ranking reasons. Must
 * be thread-safe and fast (it runs for every candidate of every query). A modifier that throws is
 * logged and ignored for that candidate.
 */
@FunctionalInterface
public interface ScoreModifier {

    /** The adjustment for one candidate. */
    ScoreAdjustment adjust(Memory memory, MemoryQuery query, Instant now);

    /** Name used in ranking reasons and messages (default: the class name). */
    default String name() {
        return getClass().getName();
    }
}
