package co.omegamax.platform.sync;

import java.time.Instant;

/**
 * An outbox entry the sync target rejected permanently (invalid input, unknown workspace or project, conflict).
 * It is parked so the rest of the queue keeps flowing; fix the cause, then re-store the record locally.
 *
 * @param seq       its position in the outbox
 * @param kind      record kind, e.g. {@code memory}, {@code session}, {@code intent}
 * @param operation {@code upsert}, {@code delete} or {@code supersede}
 * @param recordId  the record's id
 * @param reason    why the target rejected it and what to do
 * @param parkedAt  when it was parked
 */
public record DeadLetter(long seq, String kind, String operation, String recordId, String reason, Instant parkedAt) {
}
