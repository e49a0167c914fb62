package co.omegamax.platform.spi;

import java.util.Objects;

/**
 * Outcome of {@link DataStore#claimCoordinationEvent}: whether the claim was granted, and the event that holds the
 * claim now (the caller's own claim when granted, the current holder's otherwise).
 *
 * @param granted whether the caller holds the claim now
 * @param holder  the stored event holding the claim
 */
public record ClaimResult(boolean granted, CoordinationEvent holder) {
    /** Checks the components. */
    public ClaimResult {
        Objects.requireNonNull(holder, "holder");
    }
}
