package co.omegamax.platform.coordination;

import java.util.List;

/**
 * Result of announcing an intent.
 *
 * @param intent   the stored intent
 * @param overlaps other live sessions' claims and intents on the same files
 */
public record AnnounceResult(IntentInfo intent, List<Overlap> overlaps) {
    /** Copies the list. */
    public AnnounceResult {
        overlaps = List.copyOf(overlaps);
    }
}
