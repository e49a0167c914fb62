package co.omegamax.platform.coordination;

import java.time.Instant;

/**
 * A claim on a file, branch, task or handoff, and who holds it.
 *
 * @param resource    {@code file}, {@code branch}, {@code task} or {@code handoff}
 * @param key         the normalised path, branch name, task id or handoff id
 * @param claimId     the stored claim id ({@code <resource>:<hash>}, a {@code FILE_CLAIM} coordination event)
 * @param sessionId   holding session, or null if that session was deleted
 * @param agentName   holding agent
 * @param claimedAt   when the holder first claimed it
 * @param refreshedAt last claim or heartbeat of the holder
 * @param stale       the holder has been silent longer than the session TTL: the claim may be taken over
 * @param purpose     what the holder said it is doing, or null
 */
public record ClaimInfo(String resource, String key, String claimId, String sessionId, String agentName,
                        Instant claimedAt, Instant refreshedAt, boolean stale, String purpose) {
}
