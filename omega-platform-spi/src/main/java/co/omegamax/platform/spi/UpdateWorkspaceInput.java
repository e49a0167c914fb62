package co.omegamax.platform.spi;

import java.util.Map;

/**
 * A change to a workspace; null components are left unchanged, at least one must be set.
 *
 * @param name     new display name, or null
 * @param type     new type, or null
 * @param slug     new slug (must stay unique for the user), or null
 * @param settings settings replacing the current ones, or null
 */
public record UpdateWorkspaceInput(String name, WorkspaceType type, String slug, Map<String, Object> settings) {
    /** Validates the components; rejects an update that changes nothing. */
    public UpdateWorkspaceInput {
        if (name == null && type == null && slug == null && settings == null) {
            throw new InvalidInputException("update", "sets nothing; set at least one of name, type, slug, settings");
        }
        name = name == null ? null : Validate.name("name", name);
        slug = slug == null ? null : Slugs.validate(slug);
        settings = settings == null ? null : Validate.jsonObject("settings", settings);
    }

    /** @return an update of the name only */
    public static UpdateWorkspaceInput rename(String name) {
        return new UpdateWorkspaceInput(name, null, null, null);
    }

    /** @return an update of the slug only */
    public static UpdateWorkspaceInput reslug(String slug) {
        return new UpdateWorkspaceInput(null, null, slug, null);
    }
}
