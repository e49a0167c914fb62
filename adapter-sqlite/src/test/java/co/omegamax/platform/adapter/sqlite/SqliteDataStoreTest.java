package co.omegamax.platform.adapter.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.omegamax.platform.spi.ConfigurationException;
import co.omegamax.platform.spi.CreateWorkspaceInput;
import co.omegamax.platform.spi.DataStore;
import co.omegamax.platform.spi.DataStoreException;
import co.omegamax.platform.spi.MemoryFilters;
import co.omegamax.platform.spi.MemoryInput;
import co.omegamax.platform.spi.Page;
import co.omegamax.platform.spi.PlatformConfig;
import co.omegamax.platform.spi.PlatformServices;
import co.omegamax.platform.spi.Providers;
import co.omegamax.platform.spi.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQLite-specific behaviour beyond the conformance kit: file format, migrations, discovery, concurrency. */
class SqliteDataStoreTest {
    @TempDir
    Path dir;

    private static String query(Path db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void createsParentDirectoriesRunsInWalModeAndRecordsMigrations() throws SQLException {
        Path db = dir.resolve("nested/dir/platform.db");
        try (DataStore store = SqliteDataStore.open(db)) {
            store.createWorkspace("u1", CreateWorkspaceInput.named("Acme"));
            assertThat(query(db, "PRAGMA journal_mode")).isEqualTo("wal");
        }
        assertThat(query(db, "SELECT group_concat(version || ':' || name) FROM schema_migrations"))
                .isEqualTo("1:V1__tenancy_and_data.sql,2:V2__workspace_keys.sql");
        assertThat(query(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name LIKE 'coord_%'"))
                .as("every coord_* table of the spec exists").isEqualTo("10");
    }

    @Test
    void dataSurvivesReopenAndMigrationsAreNotReapplied() throws SQLException {
        Path db = dir.resolve("p.db");
        String wsId;
        try (DataStore store = SqliteDataStore.open(db)) {
            wsId = store.createWorkspace("u1", CreateWorkspaceInput.named("Acme")).id();
            store.upsertMemories("u1", List.of(MemoryInput.of("m1", wsId, "decision", "persisted")));
        }
        try (DataStore store = SqliteDataStore.open(db)) {
            assertThat(store.getMemories("u1", MemoryFilters.workspace(wsId), Page.first()))
                    .singleElement().extracting(m -> m.content()).isEqualTo("persisted");
        }
        assertThat(query(db, "SELECT count(*) FROM schema_migrations")).isEqualTo("2");
    }

    @Test
    void refusesChangedOrNewerMigrations() throws SQLException {
        Path db = dir.resolve("p.db");
        SqliteDataStore.open(db).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("UPDATE schema_migrations SET checksum = 'tampered' WHERE version = 1");
        }
        assertThatThrownBy(() -> SqliteDataStore.open(db)).isInstanceOf(DataStoreException.class)
                .hasMessageContaining("was changed after it was applied");
        Path newer = dir.resolve("newer.db");
        SqliteDataStore.open(newer).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + newer); Statement s = c.createStatement()) {
            s.execute("INSERT INTO schema_migrations VALUES (99, 'V99__future.sql', 'x', 0)");
        }
        assertThatThrownBy(() -> SqliteDataStore.open(newer)).isInstanceOf(DataStoreException.class)
                .hasMessageContaining("upgrade co.omegamax:adapter-sqlite");
    }

    @Test
    void refusesAFileThatIsNotADatabase() throws IOException {
        Path junk = dir.resolve("junk.db");
        Files.writeString(junk, "this is not a database, just text that is long enough to have a header".repeat(20));
        assertThatThrownBy(() -> SqliteDataStore.open(junk)).isInstanceOf(DataStoreException.class)
                .hasMessageContaining(junk.getFileName().toString());
    }

    @Test
    void timestampsComeFromTheGivenClock() {
        Instant fixed = Instant.parse("2030-01-02T03:04:05.678Z");
        try (DataStore store = SqliteDataStore.open(dir.resolve("c.db"), Clock.fixed(fixed, ZoneOffset.UTC), 1000)) {
            Workspace ws = store.createWorkspace("u1", CreateWorkspaceInput.named("Acme"));
            assertThat(ws.createdAt()).isEqualTo(fixed);
            assertThat(ws.updatedAt()).isEqualTo(fixed);
        }
    }

    @Test
    void closedStoreRejectsCalls() {
        DataStore store = SqliteDataStore.open(dir.resolve("x.db"));
        store.close();
        store.close();
        assertThatThrownBy(() -> store.getWorkspaces("u1", Page.first())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void concurrentWritersOnOneFileDoNotLoseRows() throws Exception {
        Path db = dir.resolve("busy.db");
        try (DataStore a = SqliteDataStore.open(db); DataStore b = SqliteDataStore.open(db)) {
            String ws = a.createWorkspace("u1", CreateWorkspaceInput.named("W")).id();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                DataStore store = t % 2 == 0 ? a : b;
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        store.upsertMemories("u1", List.of(MemoryInput.of("m-" + thread + "-" + i, ws, "decision", "x")));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertThat(a.getDashboardMetrics("u1", ws).memoryCount()).isEqualTo(100);
        }
    }

    @Test
    void isDiscoveredByServiceLoaderAndConfiguredByKeys() throws IOException {
        assertThat(Providers.dataStoreNames(getClass().getClassLoader())).contains("sqlite");
        Path yaml = dir.resolve("config.yaml");
        Files.writeString(yaml, "datastore: sqlite\nsqlite:\n  path: " + dir.resolve("from-yaml.db") + "\n  busy-timeout: 250\n");
        PlatformConfig config = PlatformConfig.builder().configFile(yaml).build();
        try (PlatformServices services = PlatformServices.builder().config(config).build()) {
            services.dataStore().createWorkspace("u1", CreateWorkspaceInput.named("Acme"));
            assertThat(services.authProvider()).isEmpty();
        }
        assertThat(dir.resolve("from-yaml.db")).exists();
    }

    @Test
    void providerValidatesItsConfigBeforeOpening() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("folder"));
        PlatformConfig bad = PlatformConfig.of(Map.of("omega.datastore", "sqlite", "omega.sqlite.path", folder.toString()));
        assertThatThrownBy(() -> Providers.openDataStore(bad)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("is a directory");
        PlatformConfig badTimeout = PlatformConfig.of(Map.of("omega.datastore", "sqlite",
                "omega.sqlite.path", dir.resolve("t.db").toString(), "omega.sqlite.busy-timeout", "-5"));
        assertThatThrownBy(() -> Providers.openDataStore(badTimeout)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("busy-timeout");
        assertThat(dir.resolve("t.db")).doesNotExist();
        PlatformConfig postgres = PlatformConfig.of(Map.of("omega.datastore", "postgres"));
        assertThatThrownBy(() -> Providers.openDataStore(postgres)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Available: [sqlite]").hasMessageContaining("co.omegamax:adapter-postgres");
    }

    @Test
    void builderPathTakesAnInstanceWithoutDiscovery() {
        DataStore mine = SqliteDataStore.open(dir.resolve("mine.db"));
        try (PlatformServices services = PlatformServices.builder().dataStore(mine)
                .config(PlatformConfig.of(Map.of())).build()) {
            assertThat(services.dataStore()).isSameAs(mine);
        }
        assertThat(mine.getWorkspaces("u1", Page.first())).as("caller keeps ownership; not closed").isEmpty();
        mine.close();
    }
}
