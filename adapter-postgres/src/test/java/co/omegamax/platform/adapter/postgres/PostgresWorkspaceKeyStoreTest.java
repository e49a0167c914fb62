package co.omegamax.platform.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import co.omegamax.platform.spi.DataStore;
import co.omegamax.platform.spi.WorkspaceKeys;
import co.omegamax.platform.tck.WorkspaceKeyStoreCompatibilityKit;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The workspace-key kit on PostgreSQL as the application role under RLS, plus the database's view: only hashes
 * are stored, and without the presented key's hash the application role sees no key of anybody.
 */
class PostgresWorkspaceKeyStoreTest extends WorkspaceKeyStoreCompatibilityKit {
    @Override
    protected DataStore createDataStore() {
        TestPostgres pg = TestPostgres.get();
        pg.truncateAll();
        return PostgresDataStore.open(pg.appConfig(TestPostgres.DATABASE));
    }

    @Test
    void onlyHashesAreStoredAndTheAppRoleSeesNoKeyWithoutItsHash() throws Exception {
        String secret = keys.create("alice", wsA, "laptop").secret();
        TestPostgres pg = TestPostgres.get();
        try (Connection c = DriverManager.getConnection(pg.url(TestPostgres.DATABASE), TestPostgres.APP,
                TestPostgres.APP_PASSWORD); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select count(*) from workspace_keys")) {
                rs.next();
                assertThat(rs.getInt(1)).as("no claims, no key hash: nothing visible").isZero();
            }
            st.execute("select set_config('omega.key_hash', '" + WorkspaceKeys.hash(WorkspaceKeys.generate()) + "', false)");
            try (ResultSet rs = st.executeQuery("select count(*) from workspace_keys")) {
                rs.next();
                assertThat(rs.getInt(1)).as("another key's hash shows nothing").isZero();
            }
            st.execute("select set_config('omega.key_hash', '" + WorkspaceKeys.hash(secret) + "', false)");
            try (ResultSet rs = st.executeQuery("select key_hash, prefix, last_four from workspace_keys")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(WorkspaceKeys.hash(secret));
                assertThat(rs.getString(2) + rs.getString(3)).doesNotContain(secret.substring(9));
                assertThat(rs.next()).as("exactly the presented key").isFalse();
            }
            try (ResultSet rs = st.executeQuery("select count(*) from workspace_keys where user_id = 'alice'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }
}
