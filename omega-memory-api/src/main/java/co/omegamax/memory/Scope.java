package co.omegamax.memory;

import java.util.Optional;

/**
 * Where a memory belongs: a workspace and a project inside it, both optional. As a filter, a
 * {@code null} part matches anything; a set part matches only memories with that exact value.
 *
 * @param workspace workspace identifier or {@code null}
 * @param project project identifier or {@code null}
 */
public record Scope(String workspace, String project) {

    /** No workspace, no project: local use, and a filter that matches everything. */
    public static final Scope GLOBAL = new Scope(null, null);

    /** Validates and normalises blank parts to {@code null}. */
    public Scope {
        workspace = clean(workspace, "workspace");
        project = clean(project, "project");
    }

    /** A scope of one workspace and optionally one project in it. */
    public static Scope of(String workspace, String project) {
        return new Scope(workspace, project);
    }

    /** A scope of one workspace. */
    public static Scope workspace(String workspace) {
        return new Scope(workspace, null);
    }

    /** The workspace, if set. */
    public Optional<String> workspaceId() {
        return Optional.ofNullable(workspace);
    }

    /** The project, if set. */
    public Optional<String> projectId() {
        return Optional.ofNullable(project);
    }

    /** True when neither part is set. */
    public boolean isGlobal() {
        return workspace == null && project == null;
    }

    private static String clean(String value, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > 200) {
            throw new InvalidQueryException(what + " id is longer than 200 characters");
        }
        return trimmed;
    }
}
