package co.omegamax.platform.pgschema;

import co.omegamax.platform.pgschema.internal.MigrationScripts;
import co.omegamax.platform.spi.InvalidInputException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The one OMEGA migration set for PostgreSQL and Supabase: the versioned Flyway scripts under
 * {@value #LOCATION} (on the classpath) and the settings every caller uses for them.
 *
 * <p>To change the schema, add a script {@code V<n>__<what>.sql} (n = the next number) to that folder;
 * {@link #requiredVersion()} is the highest version found there, so nothing else needs editing. Never edit a script
 * that has shipped: Flyway checks their checksums. Scripts may use the placeholder {@code ${app_role}}: the role the
 * Row Level Security policies and grants name (the store's login role on raw PostgreSQL, {@code authenticated}
 * on Supabase).
 */
public final class PgSchema {
    /** Classpath folder of the versioned scripts. */
    public static final String LOCATION = "co/omegamax/platform/pgschema/migrations";
    /** Flyway history table (kept apart from any other Flyway history in the same schema). */
    public static final String HISTORY_TABLE = "omega_schema_history";

    private static final MigrationScripts SCRIPTS = new MigrationScripts(LOCATION, PgSchema.class.getClassLoader());

    private PgSchema() {
    }

    /** @return the schema version this jar needs: the highest {@code V<n>__} script on the classpath */
    public static int requiredVersion() {
        List<MigrationScripts.Script> all = SCRIPTS.all();
        return all.get(all.size() - 1).version();
    }

    /** @return the script file names, ordered by version */
    public static List<String> scriptNames() {
        return SCRIPTS.all().stream().map(MigrationScripts.Script::fileName).toList();
    }

    /**
     * @param ownerDataSource connections as the role that owns (or will own) the OMEGA tables
     * @param appRole         the role named in the policies and grants
     * @return Flyway over {@code ownerDataSource}, with the application role filled into the policies
     */
    public static Flyway flyway(DataSource ownerDataSource, String appRole) {
        if (ownerDataSource == null) {
            throw new InvalidInputException("ownerDataSource", "is required: migrations run as the owner role");
        }
        return Flyway.configure()
                .dataSource(ownerDataSource)
                .locations("classpath:" + LOCATION)
                .table(HISTORY_TABLE)
                .placeholders(Map.of("app_role", checkRole(appRole)))
                .cleanDisabled(true)
                .validateMigrationNaming(true)
                .load();
    }

    /** Migrates to {@link #requiredVersion()}. @return Flyway's result (throws FlywayException on failure) */
    public static MigrateResult migrate(DataSource ownerDataSource, String appRole) {
        return flyway(ownerDataSource, appRole).migrate();
    }

    /**
     * @param currentVersion the database's version (0 for an empty one)
     * @param appRole        the role named in the policies
     * @return the SQL of every script above {@code currentVersion}, placeholders filled in, for review by a DBA
     */
    public static String sqlAfter(int currentVersion, String appRole) {
        if (currentVersion < 0) {
            throw new InvalidInputException("currentVersion", currentVersion + " must be 0 or more");
        }
        String role = checkRole(appRole);
        StringBuilder sb = new StringBuilder();
        for (MigrationScripts.Script script : SCRIPTS.all()) {
            if (script.version() <= currentVersion) {
                continue;
            }
            sb.append("-- ").append(script.fileName()).append(" (run as the owner role; Flyway records it in ")
                    .append(HISTORY_TABLE).append(")\n");
            sb.append(SCRIPTS.read(script).replace("${app_role}", role)
                    .replace("${flyway:defaultSchema}.${flyway:table}", "public." + HISTORY_TABLE)).append('\n');
        }
        return sb.toString();
    }

    /** @return {@code role} if it is a plain PostgreSQL identifier, else InvalidInputException */
    static String checkRole(String role) {
        if (role == null || !role.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
            throw new InvalidInputException("appRole", "'" + role + "' must be a plain identifier"
                    + " (letters, digits, underscore), e.g. omega_app or authenticated");
        }
        return role;
    }
}
