package co.omegamax.platform.coordination;

import java.util.List;

/**
 * Result of ending a session.
 *
 * @param session  the ended session
 * @param released the claims it released, as {@code resource:key}
 */
public record DeregisterResult(SessionInfo session, List<String> released) {
    /** Copies the list. */
    public DeregisterResult {
        released = List.copyOf(released);
    }
}
