package co.omegamax.platform.coordination;

/**
 * Result of claiming one resource. A refused claim is a normal outcome, not an error: {@code holder} names the
 * session and agent that hold it and since when.
 *
 * @param granted  true if the caller now holds the claim
 * @param resource {@code file}, {@code branch}, {@code task} or {@code handoff}
 * @param key      the normalised key that was claimed
 * @param holder   the claim as stored now: the caller's when granted, the other holder's when refused
 */
public record ClaimOutcome(boolean granted, String resource, String key, ClaimInfo holder) {
}
