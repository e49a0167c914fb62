package co.omegamax.platform.spi;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A product, initiative or campaign within a workspace.
 *
 * @param id          store-generated id
 * @param userId      owner
 * @param workspaceId the workspace it belongs to
 * @param name        display name
 * @param description description, or null
 * @param status      lifecycle status
 * @param settings    JSON-like settings
 * @param createdAt   creation time
 * @param updatedAt   last change
 */
public record Project(String id, String userId, String workspaceId, String name, String description,
                      ProjectStatus status, Map<String, Object> settings, Instant createdAt, Instant updatedAt) {
    /** Checks required components and copies settings. */
    public Project {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        settings = Validate.jsonObject("settings", settings);
    }
}
