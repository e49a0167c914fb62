package co.omegamax.platform.adapter.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import co.omegamax.platform.spi.DataStore;
import co.omegamax.platform.spi.NewWorkspaceKey;
import co.omegamax.platform.spi.WorkspaceKeyPrincipal;
import co.omegamax.platform.spi.WorkspaceKeyStore;
import co.omegamax.platform.spi.WorkspaceKeys;
import co.omegamax.platform.tck.WorkspaceKeyStoreCompatibilityKit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workspace-key kit on a SQLite file, plus what only a file can show: the secret is nowhere on disk. */
class SqliteWorkspaceKeyStoreTest extends WorkspaceKeyStoreCompatibilityKit {
    @TempDir
    Path dir;

    private Path db() {
        return dir.resolve("platform.db");
    }

    @Override
    protected DataStore createDataStore() {
        return SqliteDataStore.open(db());
    }

    @Test
    void onlyTheHashReachesTheFile() throws Exception {
        String secret = keys.create("alice", wsA, "laptop CLI").secret();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM workspace_keys")) {
            rs.next();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                assertThat(String.valueOf(rs.getString(i))).doesNotContain(secret.substring(9));
            }
            assertThat(rs.getString("key_hash")).isEqualTo(WorkspaceKeys.hash(secret));
        }
        byte[] file = Files.readAllBytes(db());
        assertThat(new String(file, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(secret.substring(9));
    }

    @Test
    void aSeparatelyOpenedKeyStoreSharesTheFile() {
        WorkspaceKeyStore separate = SqliteWorkspaceKeyStore.open(db());
        NewWorkspaceKey k = keys.create("alice", wsA, "from the store");
        assertThat(separate.verify(k.secret())).contains(new WorkspaceKeyPrincipal("alice", wsA, k.key().id()));
        separate.revoke("alice", k.key().id());
        assertThat(keys.verify(k.secret())).isEmpty();
    }
}
