package co.omegamax.platform.spi;

import java.time.Instant;
import java.util.Map;

/**
 * A session to {@link DataStore#recordSession record} (inserted, or replaced if the user has one with this id).
 *
 * @param id          session id
 * @param workspaceId workspace (must be the user's)
 * @param projectId   project of that workspace, or null
 * @param agentName   agent name
 * @param status      status (required)
 * @param startedAt   start time, or null for now
 * @param endedAt     end time, or null
 * @param metadata    JSON-like metadata, or null
 */
public record SessionInput(String id, String workspaceId, String projectId, String agentName, SessionStatus status,
                           Instant startedAt, Instant endedAt, Map<String, Object> metadata) {
    /** Validates and normalises the components. */
    public SessionInput {
        id = Validate.id("session.id", id);
        workspaceId = Validate.id("session.workspaceId", workspaceId);
        projectId = Validate.optionalId("session.projectId", projectId);
        agentName = Validate.name("session.agentName", agentName);
        Validate.notNull("session.status", status);
        if (startedAt != null && endedAt != null && endedAt.isBefore(startedAt)) {
            throw new InvalidInputException("session.endedAt", "must not be before startedAt");
        }
        metadata = Validate.jsonObject("session.metadata", metadata);
    }

    /** @return an active session started now */
    public static SessionInput active(String id, String workspaceId, String agentName) {
        return new SessionInput(id, workspaceId, null, agentName, SessionStatus.ACTIVE, null, null, null);
    }
}
