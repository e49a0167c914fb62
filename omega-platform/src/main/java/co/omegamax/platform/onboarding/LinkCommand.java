package co.omegamax.platform.onboarding;

import co.omegamax.memory.spi.CommandContext;
import co.omegamax.memory.spi.CommandProvider;
import co.omegamax.platform.onboarding.internal.ConfigFile;
import co.omegamax.platform.onboarding.internal.LinkOptions;
import co.omegamax.platform.spi.ConfigurationException;
import co.omegamax.platform.spi.DataStore;
import co.omegamax.platform.spi.PlatformConfig;
import co.omegamax.platform.spi.PlatformException;
import co.omegamax.platform.spi.Project;
import co.omegamax.platform.spi.Providers;
import co.omegamax.platform.spi.Workspace;
import co.omegamax.platform.spi.WorkspaceKeyPrincipal;
import co.omegamax.platform.spi.WorkspaceKeyStore;
import co.omegamax.platform.spi.WorkspaceKeys;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code omega link}: connects this machine to a platform workspace (spec §7.4, the Vercel-style alternative to
 * pasting the snippet). It verifies the workspace key through the configured store (which must be a
 * {@link WorkspaceKeyStore}; {@code --no-verify} skips that offline) and merges {@code user_id}, {@code workspace},
 * {@code workspace_key} and optionally {@code project} and {@code sync} into {@code ~/.omega/config.yaml}
 * ({@code $OMEGA_CONFIG} or {@code --config} elsewhere), keeping the other keys, replacing the file atomically with
 * mode 0600, and printing the key only masked. Registered as a {@link CommandProvider}, so the memory CLI offers
 * it when this jar is on its classpath. Exit codes: 0 linked, 1 a problem the message explains, 2 bad usage.
 */
public final class LinkCommand implements CommandProvider {

    private final ClassLoader providers;

    /** ServiceLoader constructor: finds DataStore providers through this class's loader. */
    public LinkCommand() {
        this(LinkCommand.class.getClassLoader());
    }

    /** @param providers where to discover the {@code DataStoreProvider} that {@code omega.datastore} names */
    public LinkCommand(ClassLoader providers) {
        this.providers = java.util.Objects.requireNonNull(providers, "providers");
    }

    @Override
    public String name() {
        return "link";
    }

    @Override
    public String description() {
        return "Connect this machine to a platform workspace: verify a workspace key and write it to "
                + "~/.omega/config.yaml (platform).";
    }

    @Override
    public int run(List<String> args, CommandContext context) {
        LinkOptions options;
        try {
            options = LinkOptions.parse(args, context.environment().get(WorkspaceKeys.ENV_VAR));
        } catch (LinkOptions.UsageException e) {
            context.err().println("omega link: " + e.getMessage());
            context.err().print(LinkOptions.USAGE);
            return 2;
        }
        if (options.help()) {
            context.out().print(LinkOptions.USAGE);
            return 0;
        }
        if (options.key() == null) {
            context.err().println("omega link: no workspace key given; pass --key omk_live_... (from \"Connect your"
                    + " CLI\" in the dashboard) or set " + WorkspaceKeys.ENV_VAR);
            return 2;
        }
        try {
            return link(options, context);
        } catch (PlatformException e) {
            context.err().println("omega link: " + e.getMessage());
            return 1;
        }
    }

    private int link(LinkOptions options, CommandContext context) {
        String key = options.key();
        if (!WorkspaceKeys.isWellFormed(key)) {
            throw new ConfigurationException("that is not a workspace key: keys start with " + WorkspaceKeys.PREFIX
                    + " followed by " + WorkspaceKeys.RANDOM_LENGTH + " letters and digits; copy it again from"
                    + " \"Connect your CLI\"");
        }
        Path file = configFile(options, context);
        Map<String, Object> values = new LinkedHashMap<>();
        String linked;
        if (options.verify()) {
            Verified v = verify(key, options, context, file, providers);
            values.put("user_id", v.principal().userId());
            values.put("workspace", v.workspace().slug());
            linked = "workspace '" + v.workspace().slug() + "' of user '" + v.principal().userId() + "' (key verified)";
        } else {
            if (options.workspace() != null) {
                values.put("workspace", options.workspace());
            }
            linked = (options.workspace() == null ? "the key's workspace" : "workspace '" + options.workspace() + "'")
                    + " (key NOT verified: --no-verify)";
        }
        values.put("workspace_key", key);
        if (options.project() != null) {
            values.put("project", options.project());
        }
        if (options.syncUrl() != null) {
            values.put("sync.enabled", true);
            values.put("sync.url", options.syncUrl());
        }
        ConfigFile.merge(file, values);
        context.out().println("Linked " + linked + " with key " + WorkspaceKeys.PREFIX + "\u2026"
                + WorkspaceKeys.lastFour(key) + ".");
        context.out().println("Wrote " + file.toAbsolutePath() + " (mode 0600; other keys kept). Restart `omega serve`"
                + " to use it.");
        return 0;
    }

    private record Verified(WorkspaceKeyPrincipal principal, Workspace workspace) {
    }

    private static Verified verify(String key, LinkOptions options, CommandContext context, Path file,
                                   ClassLoader loader) {
        PlatformConfig.Builder builder = PlatformConfig.builder().systemProperties(System.getProperties())
                .environment(context.environment());
        if (java.nio.file.Files.isRegularFile(file)) {
            builder.configFile(file);
        }
        PlatformConfig config = builder.build();
        if (config.dataStoreName().isEmpty()) {
            throw new ConfigurationException("cannot verify the key: no store is configured (" + PlatformConfig.DATASTORE
                    + "); " + PlatformConfig.howToSet(PlatformConfig.DATASTORE) + ", or pass --no-verify to write the"
                    + " key unchecked");
        }
        try (DataStore store = Providers.openDataStore(config, loader)) {
            if (!(store instanceof WorkspaceKeyStore keys)) {
                throw new WorkspaceKeysUnsupportedException(store.getClass().getSimpleName() + " ("
                        + config.dataStoreName().get() + ")", "verify the workspace key (or pass --no-verify)");
            }
            WorkspaceKeyPrincipal principal = keys.verify(key).orElseThrow(() -> new ConfigurationException(
                    "the workspace key ending in '" + WorkspaceKeys.lastFour(key) + "' is unknown or revoked in the"
                            + " configured store; create a new one with \"Connect your CLI\" and run omega link again"));
            Workspace ws = store.getWorkspaceById(principal.userId(), principal.workspaceId())
                    .orElseThrow(() -> new ConfigurationException("the key's workspace no longer exists; create a new"
                            + " key in an existing workspace"));
            if (options.workspace() != null && !options.workspace().equals(ws.slug())) {
                throw new ConfigurationException("the key belongs to workspace '" + ws.slug() + "', not '"
                        + options.workspace() + "'; drop --workspace or use a key of that workspace");
            }
            if (options.project() != null) {
                Optional<Project> project = store.getProject(principal.userId(), options.project());
                if (project.isEmpty() || !project.get().workspaceId().equals(ws.id())) {
                    throw new ConfigurationException("project '" + options.project() + "' is not a project of workspace '"
                            + ws.slug() + "'; pass a project id of that workspace or drop --project");
                }
            }
            return new Verified(principal, ws);
        }
    }

    private static Path configFile(LinkOptions options, CommandContext context) {
        if (options.config() != null) {
            return Path.of(expand(options.config(), context.userHome()));
        }
        String env = context.environment().get("OMEGA_CONFIG");
        if (env != null && !env.isBlank()) {
            return Path.of(expand(env, context.userHome()));
        }
        return context.userHome().resolve(".omega").resolve("config.yaml");
    }

    private static String expand(String path, Path home) {
        return path.equals("~") || path.startsWith("~/") ? home + path.substring(1) : path;
    }
}
