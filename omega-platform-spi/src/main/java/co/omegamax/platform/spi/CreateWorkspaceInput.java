package co.omegamax.platform.spi;

import java.util.Map;

/**
 * A new workspace.
 *
 * @param name     display name (required, at most 200 chars)
 * @param type     business/client/personal, or null
 * @param slug     explicit slug, or null to derive a unique one from the name
 * @param settings JSON-like settings (null = empty)
 */
public record CreateWorkspaceInput(String name, WorkspaceType type, String slug, Map<String, Object> settings) {
    /** Validates and normalises the components. */
    public CreateWorkspaceInput {
        name = Validate.name("name", name);
        slug = slug == null ? null : Slugs.validate(slug);
        settings = Validate.jsonObject("settings", settings);
    }

    /** @return an input with only a name (slug derived from it) */
    public static CreateWorkspaceInput named(String name) {
        return new CreateWorkspaceInput(name, null, null, null);
    }

    /** @return an input with a name and type */
    public static CreateWorkspaceInput named(String name, WorkspaceType type) {
        return new CreateWorkspaceInput(name, type, null, null);
    }
}
