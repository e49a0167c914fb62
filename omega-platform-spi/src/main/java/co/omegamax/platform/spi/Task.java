package co.omegamax.platform.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A coordination task.
 *
 * @param id          task id, unique per user
 * @param userId      owner
 * @param workspaceId workspace
 * @param projectId   project, or null
 * @param sessionId   session that owns the task, or null
 * @param title       title
 * @param description description, or null
 * @param status      status
 * @param priority    priority, 0 (lowest) .. 10
 * @param createdAt   creation time
 * @param updatedAt   last change
 */
public record Task(String id, String userId, String workspaceId, String projectId, String sessionId, String title,
                   String description, TaskStatus status, int priority, Instant createdAt, Instant updatedAt) {
    /** Checks required components. */
    public Task {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
