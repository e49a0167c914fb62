package co.omegamax.platform.spi;

import java.time.Instant;
import java.util.Map;

/**
 * A coordination event to {@link DataStore#recordCoordinationEvent record} (inserted, or replaced if the user has
 * one of this kind with this id).
 *
 * @param id          event id
 * @param kind        what happened (required)
 * @param workspaceId workspace (must be the user's)
 * @param projectId   project of that workspace, or null
 * @param sessionId   session of that workspace, or null
 * @param summary     the intent, decision, commit message, metric name or file path (1..10,000 chars)
 * @param attributes  JSON-like details, or null
 * @param occurredAt  when it happened, or null for now
 */
public record CoordinationEventInput(String id, CoordinationKind kind, String workspaceId, String projectId,
                                     String sessionId, String summary, Map<String, Object> attributes,
                                     Instant occurredAt) {
    /** Validates and normalises the components. */
    public CoordinationEventInput {
        id = Validate.id("event.id", id);
        Validate.notNull("event.kind", kind);
        workspaceId = Validate.id("event.workspaceId", workspaceId);
        projectId = Validate.optionalId("event.projectId", projectId);
        sessionId = Validate.optionalId("event.sessionId", sessionId);
        summary = Validate.content("event.summary", summary, Validate.MAX_TEXT_LENGTH);
        attributes = Validate.jsonObject("event.attributes", attributes);
    }

    /** @return an event of a session with only the required components */
    public static CoordinationEventInput of(String id, CoordinationKind kind, String workspaceId, String sessionId,
                                            String summary) {
        return new CoordinationEventInput(id, kind, workspaceId, null, sessionId, summary, null, null);
    }
}
