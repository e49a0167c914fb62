package co.omegamax.platform.coordination;

import java.time.Instant;
import java.util.List;

/**
 * A git event in the audit trail.
 *
 * @param id         event id
 * @param type       {@code commit}, {@code push}, {@code merge}, {@code rebase}, {@code checkout}, {@code branch},
 *                   {@code tag}, {@code reset} or {@code other}
 * @param sessionId  session that did it, or null
 * @param agentName  its agent, or null
 * @param summary    commit message or description
 * @param commit     commit hash, or null
 * @param branch     branch, or null
 * @param files      changed paths (normalised)
 * @param occurredAt when
 */
public record GitEventInfo(String id, String type, String sessionId, String agentName, String summary, String commit,
                           String branch, List<String> files, Instant occurredAt) {
    /** Copies the list. */
    public GitEventInfo {
        files = List.copyOf(files);
    }
}
