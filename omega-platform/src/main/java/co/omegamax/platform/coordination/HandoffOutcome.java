package co.omegamax.platform.coordination;

/**
 * Result of accepting a handoff; losing a race to another session is a normal outcome.
 *
 * @param accepted true if the caller now owns the handed-over work
 * @param handoff  the handoff after the attempt
 * @param holder   the session that accepted it (the caller when accepted), or null
 */
public record HandoffOutcome(boolean accepted, HandoffInfo handoff, ClaimInfo holder) {
}
