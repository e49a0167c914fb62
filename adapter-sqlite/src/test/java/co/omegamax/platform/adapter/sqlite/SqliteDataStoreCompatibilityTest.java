package co.omegamax.platform.adapter.sqlite;

import co.omegamax.platform.spi.DataStore;
import co.omegamax.platform.tck.DataStoreCompatibilityKit;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Runs the whole DataStore conformance kit against a real SQLite file per test. */
class SqliteDataStoreCompatibilityTest extends DataStoreCompatibilityKit {
    @TempDir
    Path dir;

    @Override
    protected DataStore createDataStore() {
        return SqliteDataStore.open(dir.resolve("platform.db"));
    }
}
