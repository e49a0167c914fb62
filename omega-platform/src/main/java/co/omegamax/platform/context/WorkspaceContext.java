package co.omegamax.platform.context;

import co.omegamax.platform.spi.ConfigurationException;
import co.omegamax.platform.spi.DataStore;
import co.omegamax.platform.spi.InvalidInputException;
import co.omegamax.platform.spi.PlatformConfig;
import co.omegamax.platform.spi.Project;
import co.omegamax.platform.spi.Validate;
import co.omegamax.platform.spi.Workspace;
import co.omegamax.platform.spi.WorkspaceKeyPrincipal;
import co.omegamax.platform.spi.WorkspaceKeyStore;
import co.omegamax.platform.spi.WorkspaceKeys;
import java.util.Objects;
import java.util.Optional;

/**
 * Who and where the local agent works: the user, the workspace and optionally the project that everything the
 * platform runtime records locally (coordination records, synced memories) is tagged with. Resolved once from
 * configuration ({@code ~/.omega/config.yaml}, {@code OMEGA_*} environment variables, system properties):
 *
 * <ul>
 *   <li>a workspace key ({@code workspace_key} / {@code OMEGA_WORKSPACE_KEY}), verified through the store, which
 *       names both the user and the workspace; or</li>
 *   <li>{@code user_id} plus {@code workspace} (a slug, alias {@code default_workspace}) or {@code workspace_id};</li>
 *   <li>optionally {@code project} (a project id of that workspace, alias {@code default_project}).</li>
 * </ul>
 *
 * @param userId      the acting user
 * @param workspaceId the workspace records are tagged with
 * @param projectId   the project records are tagged with, or {@code null}
 */
public record WorkspaceContext(String userId, String workspaceId, String projectId) {
    /** Config key of the user id ({@code user_id} in YAML, {@code OMEGA_USER_ID}). */
    public static final String USER_ID = "omega.user-id";
    /** Config key of the workspace slug ({@code workspace} in YAML, {@code OMEGA_WORKSPACE}). */
    public static final String WORKSPACE = "omega.workspace";
    /** Config key of the workspace id ({@code workspace_id} in YAML, {@code OMEGA_WORKSPACE_ID}). */
    public static final String WORKSPACE_ID = "omega.workspace-id";
    /** Config key of the project id ({@code project} in YAML, {@code OMEGA_PROJECT}). */
    public static final String PROJECT = "omega.project";
    private static final String DEFAULT_WORKSPACE = "omega.default-workspace";
    private static final String DEFAULT_PROJECT = "omega.default-project";

    /** Validates the ids. */
    public WorkspaceContext {
        userId = Validate.userId(userId);
        workspaceId = Validate.id("workspaceId", workspaceId);
        projectId = Validate.optionalId("projectId", projectId);
    }

    /** @return this context tagged with another project of the same workspace ({@code null}: none) */
    public WorkspaceContext withProject(String projectId) {
        return new WorkspaceContext(userId, workspaceId, projectId);
    }

    /**
     * Resolves the context from configuration, checking every id against the store.
     *
     * @throws ConfigurationException saying what is missing or wrong and what to set, without showing a key
     */
    public static WorkspaceContext resolve(PlatformConfig config, DataStore store) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(store, "store");
        Optional<String> key = WorkspaceKeys.fromConfig(config);
        String userId;
        String workspaceId;
        if (key.isPresent()) {
            WorkspaceKeyPrincipal principal = verify(config, store, key.get());
            userId = principal.userId();
            workspaceId = principal.workspaceId();
            config.get(USER_ID).filter(u -> !u.equals(principal.userId())).ifPresent(u -> {
                throw new ConfigurationException(USER_ID + " (from " + config.sourceOf(USER_ID) + ") names another user"
                        + " than the workspace key; remove " + USER_ID + " or use that user's key");
            });
        } else {
            userId = config.get(USER_ID).orElseThrow(() -> new ConfigurationException("the platform does not know who"
                    + " you are: set a workspace key (" + WorkspaceKeys.ENV_VAR + ", or 'workspace_key' in"
                    + " ~/.omega/config.yaml; 'omega link' writes it), or " + USER_ID + " and " + WORKSPACE + "; "
                    + PlatformConfig.howToSet(USER_ID)));
            workspaceId = workspaceOf(config, store, checked(USER_ID, userId, Validate::userId)).id();
        }
        String projectId = projectOf(config, store, userId, workspaceId);
        return new WorkspaceContext(userId, workspaceId, projectId);
    }

    private static WorkspaceKeyPrincipal verify(PlatformConfig config, DataStore store, String key) {
        String source = config.sourceOf(WorkspaceKeys.CONFIG_KEY);
        if (!(store instanceof WorkspaceKeyStore keys)) {
            throw new ConfigurationException("a workspace key is configured (" + source + ") but the configured store "
                    + store.getClass().getSimpleName() + " cannot verify workspace keys; use a store that keeps"
                    + " them (adapter-sqlite) or set " + USER_ID + " and " + WORKSPACE + " instead");
        }
        if (!WorkspaceKeys.isWellFormed(key)) {
            throw new ConfigurationException("the workspace key from " + source + " is malformed: keys start with "
                    + WorkspaceKeys.PREFIX + " followed by " + WorkspaceKeys.RANDOM_LENGTH + " letters and digits;"
                    + " copy it again from 'connect CLI'");
        }
        return keys.verify(key).orElseThrow(() -> new ConfigurationException("the workspace key ending in '"
                + WorkspaceKeys.lastFour(key) + "' from " + source + " is unknown or revoked; create a new key"
                + " ('connect CLI' or 'omega link') and configure it"));
    }

    private static Workspace workspaceOf(PlatformConfig config, DataStore store, String userId) {
        Optional<String> id = config.get(WORKSPACE_ID);
        if (id.isPresent()) {
            String wsId = checked(WORKSPACE_ID, id.get(), v -> Validate.id("workspaceId", v));
            return store.getWorkspaceById(userId, wsId).orElseThrow(() -> new ConfigurationException(WORKSPACE_ID
                    + "='" + wsId + "' (from " + config.sourceOf(WORKSPACE_ID) + ") is not a workspace of user '"
                    + userId + "'; check the id or set " + WORKSPACE + " to the workspace's slug"));
        }
        String key = config.get(WORKSPACE).isPresent() ? WORKSPACE : DEFAULT_WORKSPACE;
        String slug = config.get(key).orElseThrow(() -> new ConfigurationException("no workspace is configured: set "
                + WORKSPACE + " (the workspace's slug) or " + WORKSPACE_ID + "; " + PlatformConfig.howToSet(WORKSPACE)));
        return store.getWorkspace(userId, slug).orElseThrow(() -> new ConfigurationException(key + "='" + slug
                + "' (from " + config.sourceOf(key) + ") is not a workspace slug of user '" + userId
                + "'; create the workspace or correct the slug"));
    }

    private static String projectOf(PlatformConfig config, DataStore store, String userId, String workspaceId) {
        String key = config.get(PROJECT).isPresent() ? PROJECT : DEFAULT_PROJECT;
        Optional<String> id = config.get(key);
        if (id.isEmpty()) {
            return null;
        }
        String projectId = checked(key, id.get(), v -> Validate.id("projectId", v));
        Optional<Project> project = store.getProject(userId, projectId);
        if (project.isEmpty() || !project.get().workspaceId().equals(workspaceId)) {
            throw new ConfigurationException(key + "='" + projectId + "' (from " + config.sourceOf(key)
                    + ") is not a project of the configured workspace; use a project id of that workspace or remove "
                    + key);
        }
        return projectId;
    }

    private static String checked(String key, String value, java.util.function.UnaryOperator<String> validator) {
        try {
            return validator.apply(value);
        } catch (InvalidInputException e) {
            throw new ConfigurationException(key + " is invalid: " + e.getMessage(), e);
        }
    }
}
