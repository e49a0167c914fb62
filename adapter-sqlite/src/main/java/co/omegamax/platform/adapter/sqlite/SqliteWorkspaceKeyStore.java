package co.omegamax.platform.adapter.sqlite;

import co.omegamax.platform.adapter.sqlite.internal.SqliteStore;
import co.omegamax.platform.spi.Validate;
import co.omegamax.platform.spi.WorkspaceKeyStore;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Opens the {@link WorkspaceKeyStore} (workspace API keys, spec §7.4) on the same SQLite file as
 * {@link SqliteDataStore}: keys are bound to a workspace of their owner, stored as SHA-256 hashes only
 * (migration {@code V2__workspace_keys.sql}), and deleted with their workspace.
 */
public final class SqliteWorkspaceKeyStore {
    private SqliteWorkspaceKeyStore() {
    }

    /** @return a key store on {@code file}, created and migrated as needed */
    public static WorkspaceKeyStore open(Path file) {
        return open(file, Clock.systemUTC());
    }

    /** @return a key store on {@code file} using {@code clock} for creation and revocation times */
    public static WorkspaceKeyStore open(Path file, Clock clock) {
        Validate.notNull("file", file);
        Validate.notNull("clock", clock);
        return new SqliteStore(file, clock, SqliteDataStore.DEFAULT_BUSY_TIMEOUT_MILLIS);
    }
}
