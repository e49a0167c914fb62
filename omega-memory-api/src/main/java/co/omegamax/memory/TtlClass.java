package co.omegamax.memory;

import java.time.Duration;
import java.util.Optional;

/** How long a memory of a given {@link EventType} lives before it expires. */
public enum TtlClass {
    /** Never expires. */
    PERMANENT(null),
    /** One year. */
    LONG(Duration.ofDays(365)),
    /** Thirty days. */
    MEDIUM(Duration.ofDays(30)),
    /** Seven days. */
    SHORT(Duration.ofDays(7)),
    /** One day. */
    EPHEMERAL(Duration.ofDays(1));

    private final Duration duration;

    TtlClass(Duration duration) {
        this.duration = duration;
    }

    /** The lifetime, empty for {@link #PERMANENT}. */
    public Optional<Duration> duration() {
        return Optional.ofNullable(duration);
    }
}
