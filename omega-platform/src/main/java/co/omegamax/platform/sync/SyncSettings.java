package co.omegamax.platform.sync;

import co.omegamax.platform.spi.InvalidInputException;
import co.omegamax.platform.spi.PlatformConfig;
import co.omegamax.platform.spi.Validate;
import java.time.Duration;

/**
 * Tuning of the {@link SyncEngine}: how many outbox entries one push takes, how retries back off while the
 * target is unreachable, and how often an idle pusher looks for entries other processes appended.
 *
 * @param batchSize      outbox entries per push, 1..{@value Validate#MAX_BATCH} (default 100)
 * @param initialBackoff wait after the first failed push (default 1 s); doubles per failure, with jitter
 * @param maxBackoff     longest wait between retries (default 5 min)
 * @param pollInterval   how often an idle pusher checks the outbox (default 5 s); new local events wake it at once
 */
public record SyncSettings(int batchSize, Duration initialBackoff, Duration maxBackoff, Duration pollInterval) {
    /** Config key of {@link #batchSize}. */
    public static final String BATCH_SIZE = "omega.sync.batch-size";
    /** Config key of {@link #maxBackoff}, in seconds. */
    public static final String MAX_BACKOFF_SECONDS = "omega.sync.max-backoff-seconds";

    /** Checks the values. */
    public SyncSettings {
        if (batchSize < 1 || batchSize > Validate.MAX_BATCH) {
            throw new InvalidInputException("sync.batchSize", "must be between 1 and " + Validate.MAX_BATCH
                    + ", was " + batchSize);
        }
        positive("sync.initialBackoff", initialBackoff);
        positive("sync.maxBackoff", maxBackoff);
        positive("sync.pollInterval", pollInterval);
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new InvalidInputException("sync.maxBackoff", "must not be shorter than initialBackoff ("
                    + initialBackoff + "), was " + maxBackoff);
        }
    }

    /** @return batches of 100, backoff from 1 s to 5 min, polling every 5 s */
    public static SyncSettings defaults() {
        return new SyncSettings(100, Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofSeconds(5));
    }

    /** @return the defaults with {@value #BATCH_SIZE} and {@value #MAX_BACKOFF_SECONDS} applied from config */
    public static SyncSettings from(PlatformConfig config) {
        Validate.notNull("config", config);
        SyncSettings d = defaults();
        int seconds = config.getInt(MAX_BACKOFF_SECONDS, (int) d.maxBackoff().toSeconds());
        Duration max = Duration.ofSeconds(Math.max(seconds, 1));
        return new SyncSettings(config.getInt(BATCH_SIZE, d.batchSize()), d.initialBackoff(), max, d.pollInterval());
    }

    /** @return a copy with another batch size */
    public SyncSettings withBatchSize(int size) {
        return new SyncSettings(size, initialBackoff, maxBackoff, pollInterval);
    }

    /** @return a copy with other backoff bounds */
    public SyncSettings withBackoff(Duration initial, Duration max) {
        return new SyncSettings(batchSize, initial, max, pollInterval);
    }

    /** @return a copy with another poll interval */
    public SyncSettings withPollInterval(Duration interval) {
        return new SyncSettings(batchSize, initialBackoff, maxBackoff, interval);
    }

    private static void positive(String field, Duration d) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new InvalidInputException(field, "must be a positive duration, was " + d);
        }
    }
}
