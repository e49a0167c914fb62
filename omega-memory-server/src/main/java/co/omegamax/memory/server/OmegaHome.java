package co.omegamax.memory.server;

import co.omegamax.memory.Scope;
import co.omegamax.memory.StorageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.type.TypeReference;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Where OMEGA keeps its files and what the user configured.
 *
 * <ul>
 *   <li>home: {@code $OMEGA_HOME}, default {@code ~/.omega}</li>
 *   <li>database: {@code --db}, else {@code $OMEGA_DB}, else {@code <home>/memory.db}</li>
 *   <li>config: {@code <home>/config.yaml} with {@code user_id}, {@code default_workspace} and
 *       {@code default_project} (unknown keys such as {@code sync} are ignored here)</li>
 * </ul>
 *
 * @param home the OMEGA directory
 * @param database the memory database file
 * @param userId the configured user, or {@code null}
 * @param defaultScope default workspace and project for stores and queries
 */
public record OmegaHome(Path home, Path database, String userId, Scope defaultScope) {

    /** Checks the parts. */
    public OmegaHome {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(database, "database");
        defaultScope = defaultScope == null ? Scope.GLOBAL : defaultScope;
    }

    /** Resolves from the process environment. */
    public static OmegaHome resolve(Path dbOverride) {
        return resolve(dbOverride, System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** Resolves from an explicit environment (tests). */
    public static OmegaHome resolve(Path dbOverride, Map<String, String> env, Path userHome) {
        String homeVar = env.get("OMEGA_HOME");
        Path home = homeVar != null && !homeVar.isBlank() ? Path.of(homeVar) : userHome.resolve(".omega");
        String dbVar = env.get("OMEGA_DB");
        Path db = dbOverride != null ? dbOverride
                : dbVar != null && !dbVar.isBlank() ? Path.of(dbVar) : home.resolve("memory.db");
        Path config = home.resolve("config.yaml");
        String user = null;
        Scope scope = Scope.GLOBAL;
        if (Files.isRegularFile(config)) {
            Map<String, Object> values;
            try {
                values = YAMLMapper.builder().build().readValue(config.toFile(),
                        new TypeReference<Map<String, Object>>() { });
            } catch (RuntimeException e) {
                throw new StorageException("cannot read " + config + ": " + e.getMessage()
                        + " (fix the YAML or move the file away)", e);
            }
            if (values != null) {
                user = str(values.get("user_id"));
                String ws = str(values.getOrDefault("default_workspace", values.get("workspace")));
                String project = str(values.get("default_project"));
                scope = Scope.of(ws, project);
            }
        }
        return new OmegaHome(home, db, user, scope);
    }

    private static String str(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    /** The config file. */
    public Path configFile() {
        return home.resolve("config.yaml");
    }

    /** Where backups go by default. */
    public Path backups() {
        return home.resolve("backups");
    }
}
