package co.omegamax.platform.coordination;

/**
 * Result of releasing one claim.
 *
 * @param resource {@code file} or {@code branch}
 * @param key      the normalised key
 * @param released true if the caller held it and it is now free
 * @param detail   why nothing was released ({@code not_held}), or {@code released}
 */
public record ReleaseOutcome(String resource, String key, boolean released, String detail) {
}
