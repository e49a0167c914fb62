package co.omegamax.memory.spi;

/**
 * A multiplicative change of a hit's score and why.
 *
 * @param factor multiplier, finite and in [0, 10]; 1 leaves the score unchanged
 * @param reason short explanation shown among the hit's ranking reasons (may be empty)
 */
public record ScoreAdjustment(double factor, String reason) {
    /** Leaves the score unchanged. */
    public static final ScoreAdjustment NONE = new ScoreAdjustment(1.0, "");

    /** Validates the factor. */
    public ScoreAdjustment {
        if (!Double.isFinite(factor) || factor < 0 || factor > 10) {
            throw new IllegalArgumentException("score factor must be finite and in [0, 10], was " + factor);
        }
        reason = reason == null ? "" : reason;
    }

    /** A factor with a reason. */
    public static ScoreAdjustment of(double factor, String reason) {
        return new ScoreAdjustment(factor, reason);
    }
}
