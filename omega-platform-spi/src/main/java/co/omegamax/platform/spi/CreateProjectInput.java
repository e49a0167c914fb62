package co.omegamax.platform.spi;

import java.util.Map;

/**
 * A new project.
 *
 * @param name        display name (required)
 * @param description description, or null
 * @param status      status, or null for {@link ProjectStatus#ACTIVE}
 * @param settings    JSON-like settings (null = empty)
 */
public record CreateProjectInput(String name, String description, ProjectStatus status, Map<String, Object> settings) {
    /** Validates and normalises the components. */
    public CreateProjectInput {
        name = Validate.name("name", name);
        description = Validate.optionalText("description", description, Validate.MAX_TEXT_LENGTH);
        status = status == null ? ProjectStatus.ACTIVE : status;
        settings = Validate.jsonObject("settings", settings);
    }

    /** @return an active project with only a name */
    public static CreateProjectInput named(String name) {
        return new CreateProjectInput(name, null, null, null);
    }
}
