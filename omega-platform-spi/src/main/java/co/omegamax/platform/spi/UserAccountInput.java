package co.omegamax.platform.spi;

import java.util.Map;

/**
 * What {@link DataStore#saveUserAccount} writes for the acting user.
 *
 * @param plan       subscription plan (required)
 * @param licenseKey license key, or null for none
 * @param settings   JSON-like settings (null = empty)
 */
public record UserAccountInput(Plan plan, String licenseKey, Map<String, Object> settings) {
    /** Validates and normalises the components. */
    public UserAccountInput {
        Validate.notNull("plan", plan);
        licenseKey = Validate.optionalText("licenseKey", licenseKey, Validate.MAX_NAME_LENGTH);
        settings = Validate.jsonObject("settings", settings);
    }

    /** @return an input with only a plan */
    public static UserAccountInput of(Plan plan) {
        return new UserAccountInput(plan, null, null);
    }
}
