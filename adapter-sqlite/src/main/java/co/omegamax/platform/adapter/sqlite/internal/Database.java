package co.omegamax.platform.adapter.sqlite.internal;

import co.omegamax.platform.spi.DataStoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** Opens a SQLite file in WAL mode with foreign keys on and immediate write transactions, and migrates it. */
public final class Database {
    private Database() {
    }

    /** @return a migrated database at {@code file} (parent directories are created) */
    public static Jdbi open(Path file, int busyTimeoutMillis) {
        Path absolute = file.toAbsolutePath();
        try {
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
        } catch (IOException e) {
            throw new DataStoreException("cannot create the directory of SQLite store " + absolute + ": " + e.getMessage(), e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(busyTimeoutMillis);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + absolute);
        Jdbi jdbi = Jdbi.create(dataSource);
        try {
            Migrator.migrate(jdbi, absolute.toString());
        } catch (org.jdbi.v3.core.JdbiException e) {
            throw new DataStoreException("cannot open SQLite store " + absolute + ": " + e.getMessage()
                    + " (is it a SQLite database, and writable?)", e);
        }
        return jdbi;
    }

    /** @return the journal mode the database actually runs in (expected: {@code wal}) */
    public static String journalMode(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("PRAGMA journal_mode").mapTo(String.class).one());
    }
}
