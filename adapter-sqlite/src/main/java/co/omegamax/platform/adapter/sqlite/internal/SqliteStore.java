package co.omegamax.platform.adapter.sqlite.internal;

import co.omegamax.platform.jdbi.JdbiStore;
import co.omegamax.platform.jdbi.JdbiWorkspaceKeys;
import co.omegamax.platform.jdbi.ScopedQuery;
import co.omegamax.platform.spi.NewWorkspaceKey;
import co.omegamax.platform.spi.WorkspaceKey;
import co.omegamax.platform.spi.WorkspaceKeyPrincipal;
import co.omegamax.platform.spi.WorkspaceKeyStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * {@link co.omegamax.platform.spi.DataStore} on one SQLite file. All database work goes through
 * {@link TenantScope}; the shared {@link JdbiStore} logic never sees a raw handle, so every statement is filtered by
 * the acting user. It is also the {@link WorkspaceKeyStore} of that file (delegating to {@link JdbiWorkspaceKeys}), so code
 * holding only the configured store can verify and mint workspace keys.
 */
public final class SqliteStore extends JdbiStore implements WorkspaceKeyStore {
    private final Path file;
    private final JdbiWorkspaceKeys keys;

    /** Opens (creating and migrating as needed) the store at {@code file}. */
    public SqliteStore(Path file, Clock clock, int busyTimeoutMillis) {
        this(new TenantScope(Database.open(file.toAbsolutePath(), busyTimeoutMillis), file.toAbsolutePath().toString()),
                file.toAbsolutePath(), clock);
    }

    private SqliteStore(TenantScope scope, Path file, Clock clock) {
        super(scope, SqliteDialect.INSTANCE, clock, "SQLite store " + file);
        this.file = file;
        this.keys = new JdbiWorkspaceKeys(scope, SqliteDialect.INSTANCE, clock);
    }

    @Override
    protected void whereContentContains(ScopedQuery q, String search) {
        q.where("content LIKE :search ESCAPE '\\'").bind("search", "%" + escapeLike(search) + "%");
    }

    @Override
    public NewWorkspaceKey create(String userId, String workspaceId, String name) {
        return keys.create(userId, workspaceId, name);
    }

    @Override
    public List<WorkspaceKey> list(String userId, String workspaceId) {
        return keys.list(userId, workspaceId);
    }

    @Override
    public void revoke(String userId, String keyId) {
        keys.revoke(userId, keyId);
    }

    @Override
    public Optional<WorkspaceKeyPrincipal> verify(String presentedKey) {
        return keys.verify(presentedKey);
    }

    @Override
    public String toString() {
        return "SqliteDataStore[" + file + "]";
    }
}
