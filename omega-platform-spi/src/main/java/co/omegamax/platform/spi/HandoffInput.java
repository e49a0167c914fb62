package co.omegamax.platform.spi;

import java.time.Instant;

/**
 * A handoff to {@link DataStore#recordHandoff record}.
 *
 * @param id            handoff id
 * @param workspaceId   workspace (must be the user's)
 * @param projectId     project of that workspace, or null
 * @param fromSessionId session of that workspace handing over
 * @param toSessionId   session of that workspace taking over, or null
 * @param summary       what is handed over
 * @param status        status (required)
 * @param createdAt     creation time, or null for now
 */
public record HandoffInput(String id, String workspaceId, String projectId, String fromSessionId, String toSessionId,
                           String summary, HandoffStatus status, Instant createdAt) {
    /** Validates and normalises the components. */
    public HandoffInput {
        id = Validate.id("handoff.id", id);
        workspaceId = Validate.id("handoff.workspaceId", workspaceId);
        projectId = Validate.optionalId("handoff.projectId", projectId);
        fromSessionId = Validate.id("handoff.fromSessionId", fromSessionId);
        toSessionId = Validate.optionalId("handoff.toSessionId", toSessionId);
        summary = Validate.content("handoff.summary", summary, Validate.MAX_TEXT_LENGTH);
        Validate.notNull("handoff.status", status);
    }
}
