package co.omegamax.platform.coordination;

import java.time.Instant;
import java.util.List;

/**
 * A decision recorded by a session.
 *
 * @param id        decision id
 * @param sessionId deciding session, or null
 * @param agentName deciding agent, or null
 * @param decision  what was decided
 * @param rationale why, or null
 * @param tags      tags
 * @param decidedAt when
 */
public record DecisionInfo(String id, String sessionId, String agentName, String decision, String rationale,
                           List<String> tags, Instant decidedAt) {
    /** Copies the list. */
    public DecisionInfo {
        tags = List.copyOf(tags);
    }
}
