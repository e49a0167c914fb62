package co.omegamax.platform.adapter.sqlite.internal;

import co.omegamax.platform.jdbi.JdbiStore;
import co.omegamax.platform.jdbi.ScopedQuery;
import co.omegamax.platform.spi.WorkspaceKeyStore;
import java.nio.file.Path;
import java.time.Clock;

/**
 * {@link co.omegamax.platform.spi.DataStore} on one SQLite file. All database work goes through
 * {@link TenantScope}; the shared {@link JdbiStore} logic never sees a raw handle, so every statement is filtered by
 * the acting user. Like every {@link JdbiStore} it is also the {@link WorkspaceKeyStore} of its file.
 */
public final class SqliteStore extends JdbiStore {
    private final Path file;

    /** Opens (creating and migrating as needed) the store at {@code file}. */
    public SqliteStore(Path file, Clock clock, int busyTimeoutMillis) {
        super(new TenantScope(Database.open(file.toAbsolutePath(), busyTimeoutMillis), file.toAbsolutePath().toString()),
                SqliteDialect.INSTANCE, clock, "SQLite store " + file.toAbsolutePath());
        this.file = file.toAbsolutePath();
    }

    @Override
    protected void whereContentContains(ScopedQuery q, String search) {
        q.where("content LIKE :search ESCAPE '\\'").bind("search", "%" + escapeLike(search) + "%");
    }

    @Override
    public String toString() {
        return "SqliteDataStore[" + file + "]";
    }
}
