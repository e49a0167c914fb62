package co.omegamax.platform.coordination;

import java.time.Instant;
import java.util.List;

/**
 * An announced intent: what a session is about to change.
 *
 * @param id          intent id
 * @param sessionId   announcing session
 * @param agentName   announcing agent
 * @param description what it is about to do
 * @param files       normalised paths (files or directories) it will touch
 * @param announcedAt announcement time
 * @param expiresAt   when the intent stops counting
 * @param active      not expired and its session is live
 */
public record IntentInfo(String id, String sessionId, String agentName, String description, List<String> files,
                         Instant announcedAt, Instant expiresAt, boolean active) {
    /** Copies the list. */
    public IntentInfo {
        files = List.copyOf(files);
    }
}
