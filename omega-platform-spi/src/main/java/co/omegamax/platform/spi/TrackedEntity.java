package co.omegamax.platform.spi;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A person, company or organisation tracked within a workspace (not a tenant; see {@link Workspace}).
 *
 * @param id          entity id, unique per user
 * @param userId      owner
 * @param workspaceId workspace
 * @param name        display name
 * @param entityType  type token, e.g. {@code person}, {@code company}
 * @param status      status token, or null
 * @param attributes  JSON-like attributes
 * @param createdAt   creation time
 * @param updatedAt   last change
 */
public record TrackedEntity(String id, String userId, String workspaceId, String name, String entityType,
                            String status, Map<String, Object> attributes, Instant createdAt, Instant updatedAt) {
    /** Checks required components and copies attributes. */
    public TrackedEntity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        attributes = Validate.jsonObject("attributes", attributes);
    }
}
