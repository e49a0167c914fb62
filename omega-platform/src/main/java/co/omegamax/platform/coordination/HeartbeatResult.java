package co.omegamax.platform.coordination;

import java.util.List;

/**
 * Result of a heartbeat.
 *
 * @param session         the session after the heartbeat
 * @param refreshedClaims how many of its claims were refreshed
 * @param lostClaims      claims another session took over while this one was stale (now held by them)
 */
public record HeartbeatResult(SessionInfo session, int refreshedClaims, List<ClaimInfo> lostClaims) {
    /** Copies the list. */
    public HeartbeatResult {
        lostClaims = List.copyOf(lostClaims);
    }
}
