package co.omegamax.platform.spi;

import java.util.Map;

/**
 * A change to a project; null components are left unchanged, at least one must be set.
 *
 * @param name        new name, or null
 * @param description new description, or null
 * @param status      new status, or null
 * @param settings    settings replacing the current ones, or null
 */
public record UpdateProjectInput(String name, String description, ProjectStatus status, Map<String, Object> settings) {
    /** Validates the components; rejects an update that changes nothing. */
    public UpdateProjectInput {
        if (name == null && description == null && status == null && settings == null) {
            throw new InvalidInputException("update", "sets nothing; set at least one of name, description, status, settings");
        }
        name = name == null ? null : Validate.name("name", name);
        description = description == null ? null : Validate.optionalText("description", description, Validate.MAX_TEXT_LENGTH);
        settings = settings == null ? null : Validate.jsonObject("settings", settings);
    }

    /** @return an update of the status only */
    public static UpdateProjectInput status(ProjectStatus status) {
        return new UpdateProjectInput(null, null, status, null);
    }
}
