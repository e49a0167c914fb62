package co.omegamax.platform.spi;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A user's subscription account (one per user).
 *
 * @param userId     the user
 * @param plan       subscription plan
 * @param licenseKey license key, or null
 * @param settings   JSON-like account settings
 * @param createdAt  when the account was first saved
 */
public record UserAccount(String userId, Plan plan, String licenseKey, Map<String, Object> settings,
                          Instant createdAt) {
    /** Checks required components and copies settings. */
    public UserAccount {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(createdAt, "createdAt");
        settings = Validate.jsonObject("settings", settings);
    }
}
