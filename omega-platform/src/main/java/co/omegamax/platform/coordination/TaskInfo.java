package co.omegamax.platform.coordination;

import java.time.Instant;
import java.util.List;

/**
 * A coordination task as the tools report it.
 *
 * @param id              task id
 * @param title           title
 * @param description     description, or null
 * @param status          {@code pending}, {@code in_progress}, {@code blocked}, {@code completed}, {@code failed}
 *                        or {@code cancelled}
 * @param priority        0 (lowest) .. 10
 * @param projectId       project, or null
 * @param sessionId       session working on it (the claim holder), or null
 * @param agentName       agent working on it, or null
 * @param dependsOn       ids of tasks that must complete first
 * @param blockedBy       those of {@code dependsOn} not completed yet: the task cannot be claimed while non-empty
 * @param progressPercent latest reported progress, or null
 * @param notes           progress notes, oldest first (the latest {@value Tasks#MAX_NOTES})
 * @param result          what completing it produced, or null
 * @param failureReason   why it failed or was cancelled, or null
 * @param createdBy       session that created it, or null
 * @param createdAt       creation time
 * @param updatedAt       last change
 */
public record TaskInfo(String id, String title, String description, String status, int priority, String projectId,
                       String sessionId, String agentName, List<String> dependsOn, List<String> blockedBy,
                       Integer progressPercent, List<TaskNote> notes, String result, String failureReason,
                       String createdBy, Instant createdAt, Instant updatedAt) {
    /** Copies the lists. */
    public TaskInfo {
        dependsOn = List.copyOf(dependsOn);
        blockedBy = List.copyOf(blockedBy);
        notes = List.copyOf(notes);
    }
}
