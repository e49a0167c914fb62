package co.omegamax.platform.sync.internal;

import java.time.Instant;

/**
 * A change as read back from the outbox.
 *
 * @param seq        monotonic position (the cursor moves past it once the target acknowledged it)
 * @param change     the change
 * @param enqueuedAt when it was appended
 */
public record OutboxEntry(long seq, Change change, Instant enqueuedAt) {
}
