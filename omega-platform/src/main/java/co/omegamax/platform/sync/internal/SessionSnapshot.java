package co.omegamax.platform.sync.internal;

import co.omegamax.platform.spi.Session;
import co.omegamax.platform.spi.SessionStatus;
import java.time.Instant;
import java.util.Map;

/**
 * A session as queued in the outbox, whether the memory engine's hooks reported its start or stop or the
 * coordination service recorded it.
 *
 * @param agentName agent name or kind, or null
 * @param status    status
 * @param startedAt when it started
 * @param endedAt   when it stopped, or null while running
 * @param metadata  JSON-like metadata, or null
 */
public record SessionSnapshot(String agentName, SessionStatus status, Instant startedAt, Instant endedAt,
                              Map<String, Object> metadata) {

    /** @return the snapshot of a coordination session */
    public static SessionSnapshot of(Session s) {
        return new SessionSnapshot(s.agentName(), s.status(), s.startedAt(), s.endedAt(), s.metadata());
    }
}
