package co.omegamax.platform.coordination;

import java.time.Instant;

/**
 * A progress note on a task.
 *
 * @param at        when it was written
 * @param sessionId writing session
 * @param note      the note
 * @param percent   progress 0..100, or null
 */
public record TaskNote(Instant at, String sessionId, String note, Integer percent) {
}
