package co.omegamax.platform.coordination;

import co.omegamax.platform.adapter.postgres.PostgresConfig;
import co.omegamax.platform.adapter.postgres.PostgresDataStore;
import co.omegamax.platform.spi.DataStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The claim races with two PostgreSQL stores (two connection pools, application role under RLS) over one embedded
 * PostgreSQL database listening on 127.0.0.1 only.
 */
class PostgresClaimRaceTest extends ClaimRaceKit {
    private static final String APP = "coord_app";
    private static final String OWNER = "coord_owner";
    private static final String SECRET = "coord-test-secret";
    private static EmbeddedPostgres pg;
    private static String url;

    @BeforeAll
    static void startPostgres() throws IOException, SQLException {
        pg = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("fsync", "off").start();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE ROLE " + OWNER + " LOGIN PASSWORD '" + SECRET + "' NOSUPERUSER NOBYPASSRLS");
            st.execute("CREATE ROLE " + APP + " LOGIN PASSWORD '" + SECRET + "' NOSUPERUSER NOBYPASSRLS NOINHERIT");
            st.execute("CREATE DATABASE coord OWNER " + OWNER);
        }
        url = "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/coord";
        PostgresDataStore.open(PostgresConfig.app(url, APP, SECRET).withOwner(OWNER, SECRET).withPoolSize(1)).close();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        pg.close();
    }

    @Override
    protected DataStore openStore(Clock clock) {
        return PostgresDataStore.open(PostgresConfig.app(url, APP, SECRET).withPoolSize(4), clock);
    }
}
