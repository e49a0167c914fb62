package co.omegamax.platform.sync;

import java.time.Instant;

/**
 * Progress of a {@link SyncEngine}, for logs, a status command or a dashboard. Never contains record contents.
 *
 * @param pending             outbox entries not yet acknowledged by the target (backlog)
 * @param deadLettered        entries the target rejected permanently and that were parked (see {@link DeadLetter})
 * @param lastSuccessAt       when the target last acknowledged a batch, or null
 * @param lastErrorAt         when the last push failed, or null
 * @param lastError           short description of that failure (exception type and message), or null
 * @param consecutiveFailures failed pushes since the last success (0 while healthy)
 * @param batchesPushed       batches acknowledged by this engine since it was opened
 * @param recordsPushed       entries acknowledged (pushed or parked) by this engine since it was opened
 * @param pushing             true when this engine's pusher holds the outbox (another process may hold it instead)
 */
public record SyncStatus(long pending, long deadLettered, Instant lastSuccessAt, Instant lastErrorAt,
                         String lastError, int consecutiveFailures, long batchesPushed, long recordsPushed,
                         boolean pushing) {

    /** @return true when nothing waits and the last push did not fail */
    public boolean isIdle() {
        return pending == 0 && consecutiveFailures == 0;
    }
}
