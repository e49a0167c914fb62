package co.omegamax.platform.coordination;

import java.time.Instant;
import java.util.Map;

/**
 * An agent session as the coordination tools report it.
 *
 * @param id              session id
 * @param agentName       agent that runs it
 * @param status          {@code active}, {@code idle} or {@code ended}
 * @param projectId       project, or null
 * @param startedAt       registration time
 * @param endedAt         deregistration time, or null
 * @param lastHeartbeatAt last heartbeat (the registration time before the first one)
 * @param stale           not ended, but silent for longer than the session TTL: its claims may be taken over
 * @param metadata        what the agent registered with (e.g. {@code branch}, {@code cwd})
 */
public record SessionInfo(String id, String agentName, String status, String projectId, Instant startedAt,
                          Instant endedAt, Instant lastHeartbeatAt, boolean stale, Map<String, Object> metadata) {
    /** @return true if the session is neither ended nor stale */
    public boolean live() {
        return !stale && endedAt == null && !"ended".equals(status);
    }
}
