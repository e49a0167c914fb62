package co.omegamax.platform.coordination;

import java.time.Instant;

/**
 * Work handed from one session to another.
 *
 * @param id            handoff id
 * @param fromSessionId session handing over
 * @param fromAgent     its agent, or null if the session is gone
 * @param toSessionId   session that accepted (or that it is offered to), or null
 * @param toAgent       its agent, or null
 * @param summary       what is handed over
 * @param status        {@code pending}, {@code accepted}, {@code completed} or {@code expired}
 * @param projectId     project, or null
 * @param createdAt     creation time
 * @param updatedAt     last change
 */
public record HandoffInfo(String id, String fromSessionId, String fromAgent, String toSessionId, String toAgent,
                          String summary, String status, String projectId, Instant createdAt, Instant updatedAt) {
}
