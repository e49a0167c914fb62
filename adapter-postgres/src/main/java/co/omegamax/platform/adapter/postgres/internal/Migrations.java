package co.omegamax.platform.adapter.postgres.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** The Flyway migrations shipped in this jar and the settings every caller uses for them. */
public final class Migrations {
    /** Classpath folder of the versioned scripts. */
    public static final String LOCATION = "co/omegamax/platform/adapter/postgres/migrations";
    /** Flyway history table (kept apart from any other Flyway history in the same schema). */
    public static final String HISTORY_TABLE = "omega_schema_history";
    /** The schema version this jar needs (the highest {@code V<n>__} script). */
    public static final int REQUIRED_VERSION = 3;
    private static final String[] SCRIPTS = {"V1__tenancy_and_data.sql", "V2__social_and_pending_events.sql",
            "V3__auth_uid_hardening.sql"};

    private Migrations() {
    }

    /** @return Flyway over {@code ownerDataSource}, with the application role filled into the policies */
    public static Flyway flyway(DataSource ownerDataSource, String appRole) {
        return Flyway.configure()
                .dataSource(ownerDataSource)
                .locations("classpath:" + LOCATION)
                .table(HISTORY_TABLE)
                .placeholders(Map.of("app_role", appRole))
                .cleanDisabled(true)
                .validateMigrationNaming(true)
                .load();
    }

    /** Migrates to {@link #REQUIRED_VERSION}. @return Flyway's result */
    public static MigrateResult migrate(DataSource ownerDataSource, String appRole) {
        return flyway(ownerDataSource, appRole).migrate();
    }

    /** @return the SQL of every script above {@code currentVersion}, placeholders filled in, for review */
    public static String sqlAfter(int currentVersion, String appRole) {
        StringBuilder sb = new StringBuilder();
        for (int i = currentVersion; i < SCRIPTS.length; i++) {
            sb.append("-- ").append(SCRIPTS[i]).append(" (run as the owner role; Flyway records it in ")
                    .append(HISTORY_TABLE).append(")\n");
            sb.append(read(SCRIPTS[i]).replace("${app_role}", appRole)
                    .replace("${flyway:defaultSchema}.${flyway:table}", "public." + HISTORY_TABLE)).append('\n');
        }
        return sb.toString();
    }

    private static String read(String file) {
        try (InputStream in = Migrations.class.getResourceAsStream("/" + LOCATION + "/" + file)) {
            if (in == null) {
                throw new IllegalStateException("migration " + file + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + file, e);
        }
    }
}
