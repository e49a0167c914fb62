package co.omegamax.platform.sync;

import static org.assertj.core.api.Assertions.assertThat;

import co.omegamax.memory.sqlite.SqliteMemoryEngine;
import co.omegamax.memory.spi.HookRegistry;
import co.omegamax.memory.spi.HookedMemoryEngine;
import co.omegamax.platform.adapter.postgres.PostgresConfig;
import co.omegamax.platform.adapter.postgres.PostgresDataStore;
import co.omegamax.platform.adapter.postgres.PostgresSchemaTools;
import co.omegamax.platform.context.WorkspaceContext;
import co.omegamax.platform.pgschema.StepResult;
import co.omegamax.platform.spi.CreateWorkspaceInput;
import co.omegamax.platform.spi.DataStore;
import co.omegamax.platform.spi.MemoryFilters;
import co.omegamax.platform.spi.MemoryRecord;
import co.omegamax.platform.spi.Page;
import co.omegamax.platform.spi.Workspace;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real offline period: the sync target is PostgreSQL (embedded, loopback only) that is stopped while memories
 * are stored, then started again on the same data directory and port; the backlog arrives once, complete.
 */
class SyncPostgresOfflineTest {
    private static final String OWNER = "omega_owner";
    private static final String APP = "omega_app";
    private static final String PASSWORD = "test-only-password";
    private static final String DATABASE = "omega_sync";

    @TempDir
    Path dir;

    private EmbeddedPostgres start(Path data, int port) throws IOException {
        EmbeddedPostgres.Builder b = EmbeddedPostgres.builder()
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setDataDirectory(data)
                .setCleanDataDirectory(false);
        if (port > 0) {
            b.setPort(port);
        }
        return b.start();
    }

    private static void superExec(String url, String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    @Test
    void memoriesStoredWhilePostgresIsDownArriveOnceItIsBack() throws Exception {
        Path data = dir.resolve("pgdata");
        EmbeddedPostgres pg = start(data, 0);
        int port = pg.getPort();
        String server = "jdbc:postgresql://127.0.0.1:" + port + "/";
        try {
            superExec(server + "postgres",
                    "CREATE ROLE " + OWNER + " LOGIN PASSWORD '" + PASSWORD + "' NOSUPERUSER NOBYPASSRLS",
                    "CREATE ROLE " + APP + " LOGIN PASSWORD '" + PASSWORD + "' NOSUPERUSER NOBYPASSRLS NOINHERIT",
                    "CREATE DATABASE " + DATABASE + " OWNER " + OWNER);
            PostgresConfig app = PostgresConfig.app(server + DATABASE, APP, PASSWORD).withPoolSize(2);
            StepResult migrated = PostgresSchemaTools.migrate(app.withOwner(OWNER, PASSWORD));
            assertThat(migrated.ok()).as(migrated.toString()).isTrue();

            try (DataStore target = PostgresDataStore.open(app)) {
                Workspace ws = target.createWorkspace("pg-user", CreateWorkspaceInput.named("Acme"));
                SyncSettings fast = SyncSettings.defaults().withBackoff(Duration.ofMillis(50), Duration.ofMillis(500))
                        .withPollInterval(Duration.ofMillis(100));
                try (SyncEngine sync = SyncEngine.builder().target(target)
                        .context(new WorkspaceContext("pg-user", ws.id(), null)).outbox(dir.resolve("outbox.db"))
                        .settings(fast).build();
                     HookedMemoryEngine local = new HookedMemoryEngine(
                             SqliteMemoryEngine.builder(dir.resolve("local.db")).withoutEmbeddings().build(),
                             HookRegistry.builder().add(new SyncHookProvider(sync)).build())) {
                    List<String> before = SyncEngineTest.storeMany(local, 3);
                    assertThat(sync.flush(Duration.ofSeconds(30))).isTrue();

                    pg.close(); // the platform database goes away
                    List<String> during = SyncEngineTest.storeMany(local, 4);
                    SyncEngineTest.awaitFailures(sync, 1, Duration.ofSeconds(60));
                    SyncStatus offline = sync.status();
                    assertThat(offline.consecutiveFailures()).isGreaterThanOrEqualTo(1);
                    assertThat(offline.pending()).isEqualTo(4);
                    assertThat(offline.lastError()).doesNotContain(PASSWORD);

                    pg = start(data, port); // back on the same port and data
                    assertThat(sync.flush(Duration.ofSeconds(60))).isTrue();

                    List<MemoryRecord> remote = target.getMemories("pg-user", MemoryFilters.workspace(ws.id()),
                            Page.first(100));
                    List<String> expected = new ArrayList<>(before);
                    expected.addAll(during);
                    assertThat(remote).extracting(MemoryRecord::id).containsExactlyInAnyOrderElementsOf(expected);
                    assertThat(sync.status().consecutiveFailures()).isZero();
                }
            }
        } finally {
            pg.close();
        }
    }
}
