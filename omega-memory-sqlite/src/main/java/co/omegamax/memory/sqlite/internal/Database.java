package co.omegamax.memory.sqlite.internal;

import co.omegamax.memory.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * One SQLite connection in WAL mode, guarded by a lock, with versioned migrations and a retry loop
 * for {@code SQLITE_BUSY} so that several processes can share one database file.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final List<String> MIGRATIONS = List.of("V1__memories.sql");
    private static final int MAX_ATTEMPTS = 8;

    private final Path path;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();

    /** Work done on the connection. */
    @FunctionalInterface
    public interface Work<T> {
        /** Runs with the connection. */
        T run(Connection connection) throws SQLException;
    }

    /** Opens (creating if needed) the database file and migrates it to the newest schema. */
    public Database(Path path, int busyTimeoutMillis) {
        this.path = path.toAbsolutePath();
        try {
            Path parent = this.path.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StorageException("cannot create directory for database " + this.path + ": " + e.getMessage(), e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(busyTimeoutMillis);
        config.enforceForeignKeys(true);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        try {
            this.connection = DriverManager.getConnection("jdbc:sqlite:" + this.path, config.toProperties());
        } catch (SQLException e) {
            throw new StorageException("cannot open database " + this.path + ": " + e.getMessage()
                    + " (check the path is writable and not a directory)", e);
        }
        migrate();
    }

    /** The database file. */
    public Path path() {
        return path;
    }

    /** Runs read work under the lock, retrying while another process holds the database. */
    public <T> T read(Work<T> work) {
        return withRetry(false, work);
    }

    /** Runs write work in one immediate transaction under the lock, retrying on {@code SQLITE_BUSY}. */
    public <T> T write(Work<T> work) {
        return withRetry(true, work);
    }

    private <T> T withRetry(boolean transactional, Work<T> work) {
        lock.lock();
        try {
            long backoff = 10;
            for (int attempt = 1; ; attempt++) {
                try {
                    return transactional ? inTransaction(work) : work.run(connection);
                } catch (SQLException e) {
                    if (!isBusy(e) || attempt >= MAX_ATTEMPTS) {
                        throw new StorageException("database operation failed on " + path + ": " + e.getMessage()
                                + (isBusy(e) ? " (database stayed locked by another process; retry later)" : ""), e);
                    }
                    LOG.debug("database busy, retry {} in {} ms", attempt, backoff);
                    sleep(backoff);
                    backoff = Math.min(backoff * 2, 1000);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private <T> T inTransaction(Work<T> work) throws SQLException {
        connection.setAutoCommit(false);
        boolean committed = false;
        try {
            T result = work.run(connection);
            connection.commit();
            committed = true;
            return result;
        } finally {
            if (!committed) {
                try {
                    connection.rollback();
                } catch (SQLException rollbackFailure) {
                    LOG.warn("rollback failed on {}: {}", path, rollbackFailure.getMessage());
                }
            }
            connection.setAutoCommit(true);
        }
    }

    /** True if the lock is held by the current thread (for assertions in callers). */
    public boolean isHeldByCurrentThread() {
        return lock.isHeldByCurrentThread();
    }

    static boolean isBusy(SQLException e) {
        if (e instanceof SQLiteException se) {
            SQLiteErrorCode code = se.getResultCode();
            return code == SQLiteErrorCode.SQLITE_BUSY || code == SQLiteErrorCode.SQLITE_LOCKED
                    || code.name().startsWith("SQLITE_BUSY") || code.name().startsWith("SQLITE_LOCKED");
        }
        String message = String.valueOf(e.getMessage());
        return message.contains("SQLITE_BUSY") || message.contains("database is locked");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while waiting for the database", e);
        }
    }

    private void migrate() {
        write(c -> {
            int current;
            try (Statement st = c.createStatement(); var rs = st.executeQuery("PRAGMA user_version")) {
                current = rs.next() ? rs.getInt(1) : 0;
            }
            if (current > MIGRATIONS.size()) {
                throw new StorageException("database " + path + " has schema version " + current
                        + " but this omega-memory-sqlite supports up to " + MIGRATIONS.size()
                        + "; upgrade omega-memory-sqlite");
            }
            for (int v = current + 1; v <= MIGRATIONS.size(); v++) {
                String sql = loadMigration(MIGRATIONS.get(v - 1));
                try (Statement st = c.createStatement()) {
                    for (String statement : SqlScript.split(sql)) {
                        st.execute(statement);
                    }
                    st.execute("PRAGMA user_version = " + v);
                }
                LOG.info("migrated {} to schema version {}", path, v);
            }
            return null;
        });
    }

    private static String loadMigration(String name) {
        String resource = "/co/omegamax/memory/sqlite/migrations/" + name;
        try (InputStream in = Database.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new StorageException("migration " + resource + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StorageException("cannot read migration " + resource, e);
        }
    }

    /** Closes the connection; the WAL is checkpointed by SQLite. */
    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("closing {} failed: {}", path, e.getMessage());
        } finally {
            lock.unlock();
        }
    }
}
