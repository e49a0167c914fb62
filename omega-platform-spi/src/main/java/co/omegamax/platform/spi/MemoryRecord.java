package co.omegamax.platform.spi;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A memory (decision, lesson, preference, error pattern, …) as the platform stores it, tagged with its
 * workspace and optional project.
 *
 * @param id          memory id, unique per user (chosen by the writer, e.g. the local engine's id)
 * @param userId      owner
 * @param workspaceId workspace
 * @param projectId   project within the workspace, or null
 * @param eventType   event type token, e.g. {@code decision}
 * @param memoryType  memory type token, or null
 * @param content     the memory text
 * @param tags        tags
 * @param metadata    JSON-like metadata
 * @param createdAt   creation time as given by the writer
 * @param updatedAt   last write to the platform
 */
public record MemoryRecord(String id, String userId, String workspaceId, String projectId, String eventType,
                           String memoryType, String content, List<String> tags, Map<String, Object> metadata,
                           Instant createdAt, Instant updatedAt) {
    /** Checks required components and copies collections. */
    public MemoryRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        tags = tags == null ? List.of() : List.copyOf(tags);
        metadata = Validate.jsonObject("metadata", metadata);
    }
}
