package co.omegamax.platform.spi;

/** Subscription plan of a {@link UserAccount}. Stored and exchanged as the lower-case constant name ({@link Validate#wireName}). */
public enum Plan {
    /** Free tier. */
    FREE,
    /** Paid individual plan. */
    PRO,
    /** Enterprise contract. */
    ENTERPRISE
}
