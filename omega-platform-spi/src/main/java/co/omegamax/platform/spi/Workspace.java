package co.omegamax.platform.spi;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A business, client or personal space the user manages: the tenant boundary every data row belongs to.
 *
 * @param id        store-generated id
 * @param userId    owner
 * @param name      display name
 * @param type      what the workspace stands for, or null
 * @param slug      URL segment, unique per user
 * @param settings  JSON-like settings
 * @param createdAt creation time
 * @param updatedAt last change
 */
public record Workspace(String id, String userId, String name, WorkspaceType type, String slug,
                        Map<String, Object> settings, Instant createdAt, Instant updatedAt) {
    /** Checks required components and copies settings. */
    public Workspace {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        settings = Validate.jsonObject("settings", settings);
    }
}
