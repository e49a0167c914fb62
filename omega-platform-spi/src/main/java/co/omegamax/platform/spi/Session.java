package co.omegamax.platform.spi;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An agent coordination session.
 *
 * @param id          session id, unique per user
 * @param userId      owner
 * @param workspaceId workspace
 * @param projectId   project, or null
 * @param agentName   name of the agent
 * @param status      status
 * @param startedAt   start time
 * @param endedAt     end time, or null while running
 * @param metadata    JSON-like metadata
 */
public record Session(String id, String userId, String workspaceId, String projectId, String agentName,
                      SessionStatus status, Instant startedAt, Instant endedAt, Map<String, Object> metadata) {
    /** Checks required components and copies metadata. */
    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(agentName, "agentName");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
        metadata = Validate.jsonObject("metadata", metadata);
    }
}
