package co.omegamax.platform.sync.internal;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: after the n-th consecutive failure wait
 * {@code min(max, initial * 2^(n-1))} scaled by a random factor in [0.5, 1).
 */
public final class Backoff {
    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;

    /** @param initial first wait; @param max cap; @param random source of numbers in [0, 1) */
    public Backoff(Duration initial, Duration max, DoubleSupplier random) {
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /** @return how long to wait after {@code failures} (at least 1) consecutive failures */
    public Duration delay(int failures) {
        int n = Math.max(1, failures);
        long base = initial.toMillis();
        long capped = n > 40 ? max.toMillis() : Math.min(max.toMillis(), base << Math.min(n - 1, 40));
        if (capped < 0) {
            capped = max.toMillis();
        }
        double factor = 0.5 + 0.5 * Math.min(Math.max(random.getAsDouble(), 0.0), 1.0);
        return Duration.ofMillis(Math.max(1, Math.round(capped * factor)));
    }
}
