package co.omegamax.platform.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * Work handed from one session to another.
 *
 * @param id            handoff id, unique per user
 * @param userId        owner
 * @param workspaceId   workspace
 * @param projectId     project, or null
 * @param fromSessionId session handing over
 * @param toSessionId   session taking over, or null while pending
 * @param summary       what is handed over
 * @param status        status
 * @param createdAt     creation time
 * @param updatedAt     last change
 */
public record Handoff(String id, String userId, String workspaceId, String projectId, String fromSessionId,
                      String toSessionId, String summary, HandoffStatus status, Instant createdAt, Instant updatedAt) {
    /** Checks required components. */
    public Handoff {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(fromSessionId, "fromSessionId");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
