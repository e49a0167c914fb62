package co.omegamax.platform.spi;

import java.time.Instant;
import java.util.Map;

/**
 * A job to {@link DataStore#recordJob record} (inserted, or replaced if the user has one with this id).
 *
 * @param id          job id
 * @param workspaceId workspace (must be the user's)
 * @param projectId   project of that workspace, or null
 * @param name        job name
 * @param status      status (required)
 * @param payload     JSON-like parameters and results, or null
 * @param error       error message, or null
 * @param createdAt   creation time, or null for now
 */
public record JobInput(String id, String workspaceId, String projectId, String name, JobStatus status,
                       Map<String, Object> payload, String error, Instant createdAt) {
    /** Validates and normalises the components. */
    public JobInput {
        id = Validate.id("job.id", id);
        workspaceId = Validate.id("job.workspaceId", workspaceId);
        projectId = Validate.optionalId("job.projectId", projectId);
        name = Validate.name("job.name", name);
        Validate.notNull("job.status", status);
        payload = Validate.jsonObject("job.payload", payload);
        error = Validate.optionalText("job.error", error, Validate.MAX_TEXT_LENGTH);
    }

    /** @return a queued job with no payload */
    public static JobInput queued(String id, String workspaceId, String name) {
        return new JobInput(id, workspaceId, null, name, JobStatus.QUEUED, null, null, null);
    }
}
