package co.omegamax.platform.adapter.sqlite;

import co.omegamax.platform.adapter.sqlite.internal.SqliteStore;
import co.omegamax.platform.spi.DataStore;
import co.omegamax.platform.spi.Validate;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Opens the OMEGA {@link DataStore} on a SQLite file (JDBI 3 + sqlite-jdbc, WAL mode, versioned migrations
 * shipped in this jar). For single-node and air-gapped deployments; every query is filtered by the acting user.
 * The store returned also implements {@link co.omegamax.platform.spi.WorkspaceKeyStore} for the same file.
 */
public final class SqliteDataStore {
    /** Default busy timeout for a locked database, in milliseconds. */
    public static final int DEFAULT_BUSY_TIMEOUT_MILLIS = 5_000;

    private SqliteDataStore() {
    }

    /** @return a store on {@code file}, created and migrated as needed; close it when done */
    public static DataStore open(Path file) {
        return open(file, Clock.systemUTC(), DEFAULT_BUSY_TIMEOUT_MILLIS);
    }

    /**
     * @param file              database file (parent directories are created)
     * @param clock             source of the store-assigned timestamps
     * @param busyTimeoutMillis how long to wait for a lock held by another connection
     * @return a store on {@code file}
     */
    public static DataStore open(Path file, Clock clock, int busyTimeoutMillis) {
        Validate.notNull("file", file);
        Validate.notNull("clock", clock);
        return new SqliteStore(file, clock, busyTimeoutMillis);
    }
}
