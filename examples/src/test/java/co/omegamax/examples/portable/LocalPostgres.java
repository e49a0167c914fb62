package co.omegamax.examples.portable;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A real PostgreSQL 17 for the examples' tests: embedded binaries listening on 127.0.0.1 only, with the two roles
 * adapter-postgres expects (an owner that runs the migrations, an application role without BYPASSRLS) and one
 * empty database owned by the owner. Closing stops the server.
 */
final class LocalPostgres implements AutoCloseable {
    static final String DATABASE = "omega_examples";
    static final String OWNER = "omega_owner";
    static final String APP = "omega_app";
    private static final String OWNER_PASSWORD = "owner-pw-examples";
    private static final String APP_PASSWORD = "app-pw-examples";

    private final EmbeddedPostgres server;

    private LocalPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    static LocalPostgres start() throws IOException, SQLException {
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("fsync", "off")
                .start();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE ROLE " + OWNER + " LOGIN PASSWORD '" + OWNER_PASSWORD + "' NOSUPERUSER NOBYPASSRLS");
            st.execute("CREATE ROLE " + APP + " LOGIN PASSWORD '" + APP_PASSWORD + "' NOSUPERUSER NOBYPASSRLS");
            st.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER);
        } catch (SQLException | RuntimeException e) {
            server.close();
            throw e;
        }
        return new LocalPostgres(server);
    }

    /**
     * @return the config values that select adapter-postgres for this server: the store connects as the
     *     application role and migrates the empty database on first open with the owner role
     */
    Map<String, String> datastoreConfig() {
        return Map.of(
                "omega.datastore", "postgres",
                "omega.postgres.url", "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + DATABASE,
                "omega.postgres.user", APP,
                "omega.postgres.password", APP_PASSWORD,
                "omega.postgres.owner-user", OWNER,
                "omega.postgres.owner-password", OWNER_PASSWORD,
                "omega.postgres.pool-size", "2");
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
