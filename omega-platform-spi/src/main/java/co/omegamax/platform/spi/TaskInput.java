package co.omegamax.platform.spi;

import java.time.Instant;

/**
 * A task to {@link DataStore#recordTask record} (inserted, or replaced if the user has one with this id).
 *
 * @param id          task id
 * @param workspaceId workspace (must be the user's)
 * @param projectId   project of that workspace, or null
 * @param sessionId   session of that workspace, or null
 * @param title       title
 * @param description description, or null
 * @param status      status (required)
 * @param priority    0..10
 * @param createdAt   creation time, or null for now
 */
public record TaskInput(String id, String workspaceId, String projectId, String sessionId, String title,
                        String description, TaskStatus status, int priority, Instant createdAt) {
    /** Validates and normalises the components. */
    public TaskInput {
        id = Validate.id("task.id", id);
        workspaceId = Validate.id("task.workspaceId", workspaceId);
        projectId = Validate.optionalId("task.projectId", projectId);
        sessionId = Validate.optionalId("task.sessionId", sessionId);
        title = Validate.name("task.title", title);
        description = Validate.optionalText("task.description", description, Validate.MAX_TEXT_LENGTH);
        Validate.notNull("task.status", status);
        if (priority < 0 || priority > 10) {
            throw new InvalidInputException("task.priority", "must be between 0 and 10, was " + priority);
        }
    }

    /** @return a pending task of priority 5 */
    public static TaskInput pending(String id, String workspaceId, String title) {
        return new TaskInput(id, workspaceId, null, null, title, null, TaskStatus.PENDING, 5, null);
    }
}
