package co.omegamax.platform.spi;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A background job (agent run, import, sync, …).
 *
 * @param id          job id, unique per user
 * @param userId      owner
 * @param workspaceId workspace
 * @param projectId   project, or null
 * @param name        job name
 * @param status      status
 * @param payload     JSON-like parameters and results
 * @param error       error message of a failed job, or null
 * @param createdAt   creation time
 * @param updatedAt   last change
 */
public record Job(String id, String userId, String workspaceId, String projectId, String name, JobStatus status,
                  Map<String, Object> payload, String error, Instant createdAt, Instant updatedAt) {
    /** Checks required components and copies the payload. */
    public Job {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        payload = Validate.jsonObject("payload", payload);
    }
}
