package co.omegamax.memory.spi;

import co.omegamax.memory.EventType;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How memories of one event type rank, on top of the engine's defaults: a weight and, optionally, a
 * recency half-life with a floor. At most one profile per event type may be registered.
 *
 * @param eventType the type it applies to
 * @param weight multiplier in (0, 10]
 * @param halfLife age at which the recency factor is 0.5, or {@code null} for no extra decay
 * @param floor lowest recency factor, in [0, 1]
 */
public record RetrievalProfile(EventType eventType, double weight, Duration halfLife, double floor) {

    /** Validates. */
    public RetrievalProfile {
        Objects.requireNonNull(eventType, "eventType");
        if (!(weight > 0 && weight <= 10)) {
            throw new IllegalArgumentException("profile weight must be in (0, 10], was " + weight);
        }
        if (halfLife != null && (halfLife.isNegative() || halfLife.isZero())) {
            throw new IllegalArgumentException("profile half-life must be positive, was " + halfLife);
        }
        if (!(floor >= 0 && floor <= 1)) {
            throw new IllegalArgumentException("profile floor must be in [0, 1], was " + floor);
        }
    }

    /** A weight only, no extra decay. */
    public static RetrievalProfile weight(EventType type, double weight) {
        return new RetrievalProfile(type, weight, null, 1.0);
    }

    /** This profile as a score modifier that leaves other event types alone. */
    public ScoreModifier asModifier(String owner) {
        String name = owner + " profile " + eventType.wireName();
        return new ScoreModifier() {
            @Override
            public ScoreAdjustment adjust(co.omegamax.memory.Memory memory, co.omegamax.memory.MemoryQuery query,
                                          java.time.Instant now) {
                if (memory.eventType() != eventType) {
                    return ScoreAdjustment.NONE;
                }
                double f = weight;
                if (halfLife != null) {
                    double age = Math.max(0, Duration.between(memory.validFrom(), now).toMillis());
                    f *= Math.max(floor, Math.pow(0.5, age / halfLife.toMillis()));
                }
                f = Math.min(10, f);
                return ScoreAdjustment.of(f, String.format(Locale.ROOT, "%s x%.2f", name, f));
            }

            @Override
            public String name() {
                return name;
            }
        };
    }
}
