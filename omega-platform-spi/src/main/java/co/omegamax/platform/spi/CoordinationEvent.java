package co.omegamax.platform.spi;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An intent, decision, git event, metric, file claim or file read recorded by an agent session.
 *
 * @param id          event id, unique per user and kind
 * @param userId      owner
 * @param kind        what happened
 * @param workspaceId workspace
 * @param projectId   project, or null
 * @param sessionId   session that recorded it, or null
 * @param summary     the intent, decision text, commit message, metric name or file path
 * @param attributes  JSON-like details (e.g. {@code commit}, {@code branch}, {@code value}, {@code targetFiles})
 * @param occurredAt  when it happened
 */
public record CoordinationEvent(String id, String userId, CoordinationKind kind, String workspaceId, String projectId,
                                String sessionId, String summary, Map<String, Object> attributes, Instant occurredAt) {
    /** Checks required components and copies attributes. */
    public CoordinationEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(occurredAt, "occurredAt");
        attributes = Validate.jsonObject("attributes", attributes);
    }
}
