package co.omegamax.platform.spi;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One memory of an {@link DataStore#upsertMemories upsert batch}: inserted if the user has no memory with
 * this id, else replaced.
 *
 * @param id          memory id, unique per user
 * @param workspaceId workspace tag (required; must be the user's)
 * @param projectId   project tag (must belong to the workspace), or null
 * @param eventType   event type token, e.g. {@code decision}, {@code lesson_learned}
 * @param memoryType  memory type token, or null
 * @param content     memory text, 1..100,000 chars
 * @param tags        tags (tokens), or null
 * @param metadata    JSON-like metadata, or null
 * @param createdAt   creation time, or null for now
 */
public record MemoryInput(String id, String workspaceId, String projectId, String eventType, String memoryType,
                          String content, List<String> tags, Map<String, Object> metadata, Instant createdAt) {
    /** Validates and normalises the components. */
    public MemoryInput {
        id = Validate.id("memory.id", id);
        workspaceId = Validate.id("memory.workspaceId", workspaceId);
        projectId = Validate.optionalId("memory.projectId", projectId);
        eventType = Validate.token("memory.eventType", eventType);
        memoryType = Validate.optionalToken("memory.memoryType", memoryType);
        content = Validate.content("memory.content", content, Validate.MAX_CONTENT_LENGTH);
        tags = Validate.tags("memory.tags", tags);
        metadata = Validate.jsonObject("memory.metadata", metadata);
    }

    /** @return a memory with only the required components */
    public static MemoryInput of(String id, String workspaceId, String eventType, String content) {
        return new MemoryInput(id, workspaceId, null, eventType, null, content, null, null, null);
    }
}
