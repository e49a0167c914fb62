package co.omegamax.platform.sync.internal;

import co.omegamax.platform.spi.DataStoreException;
import co.omegamax.platform.sync.DeadLetter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The durable outbox: a small SQLite file holding local changes in a monotonic sequence, the cursor of the
 * last sequence the target acknowledged, parked dead letters and a little state. Appends are one short
 * transaction each; acknowledging a batch moves the cursor, parks the rejected entries and drops the
 * acknowledged rows in one transaction, so a crash at any point either re-sends a batch (harmless: pushes are
 * idempotent by id) or loses nothing. Safe for concurrent use by threads of one engine and by several
 * processes on the same file (SQLite locking, WAL).
 */
public final class Outbox implements AutoCloseable {
    private static final String CURSOR = "cursor";
    private static final String LAST_SUCCESS = "last_success_at";

    private final Path file;
    private final Connection connection;

    private Outbox(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens (creating if needed) the outbox file and its parent directories. */
    public static Outbox open(Path file) {
        Path absolute = file.toAbsolutePath();
        try {
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
        } catch (IOException e) {
            throw new DataStoreException("cannot create the directory of the sync outbox " + absolute
                    + ": " + e.getMessage() + "; set omega.sync.outbox to a writable path", e);
        }
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + absolute);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 5000");
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = NORMAL"); // as the memory database: durable across process crashes
                s.execute("CREATE TABLE IF NOT EXISTS outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                        + " kind TEXT NOT NULL, op TEXT NOT NULL, record_id TEXT NOT NULL, local_workspace TEXT,"
                        + " local_project TEXT, payload TEXT, enqueued_at TEXT NOT NULL)");
                s.execute("CREATE TABLE IF NOT EXISTS dead_letters (seq INTEGER PRIMARY KEY, kind TEXT NOT NULL,"
                        + " op TEXT NOT NULL, record_id TEXT NOT NULL, local_workspace TEXT, local_project TEXT,"
                        + " payload TEXT, reason TEXT NOT NULL, parked_at TEXT NOT NULL)");
                s.execute("CREATE TABLE IF NOT EXISTS sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
                s.execute("CREATE TABLE IF NOT EXISTS session_starts (session_id TEXT PRIMARY KEY,"
                        + " started_at TEXT NOT NULL)");
                s.execute("INSERT OR IGNORE INTO sync_state (key, value) VALUES ('" + CURSOR + "', '0')");
            }
            return new Outbox(absolute, c);
        } catch (SQLException e) {
            throw new DataStoreException("cannot open the sync outbox " + absolute + ": " + e.getMessage()
                    + "; check that the file is a writable SQLite database or point omega.sync.outbox elsewhere", e);
        }
    }

    /** @return the outbox file */
    public Path file() {
        return file;
    }

    /** Appends changes in one transaction, in order. */
    public synchronized void append(List<Change> changes, Instant now) {
        if (changes.isEmpty()) {
            return;
        }
        inTransaction(() -> appendRows(changes, now), "append to");
    }

    private void appendRows(List<Change> changes, Instant now) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO outbox (kind, op, record_id,"
                + " local_workspace, local_project, payload, enqueued_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (Change c : changes) {
                bind(ps, 1, c);
                ps.setString(7, now.toString());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Binds kind, op, record_id, local_workspace, local_project and payload from parameter {@code first} on. */
    private static void bind(PreparedStatement ps, int first, Change c) throws SQLException {
        ps.setString(first, c.kind().wire());
        ps.setString(first + 1, c.operation().wire());
        ps.setString(first + 2, c.recordId());
        ps.setString(first + 3, c.localWorkspace());
        ps.setString(first + 4, c.localProject());
        ps.setString(first + 5, c.payload());
    }

    /** @return up to {@code limit} entries after the cursor, oldest first */
    public synchronized List<OutboxEntry> next(int limit) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT seq, kind, op, record_id, local_workspace,"
                + " local_project, payload, enqueued_at FROM outbox WHERE seq > (SELECT CAST(value AS INTEGER)"
                + " FROM sync_state WHERE key = '" + CURSOR + "') ORDER BY seq LIMIT ?")) {
            ps.setInt(1, limit);
            List<OutboxEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Change c = new Change(RecordKind.parse(rs.getString(2)), Operation.parse(rs.getString(3)),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7));
                    out.add(new OutboxEntry(rs.getLong(1), c, Instant.parse(rs.getString(8))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    /**
     * Records that the target acknowledged every entry up to {@code upToSeq}: parks the rejected ones, moves the
     * cursor (never backwards) and removes the acknowledged rows, all in one transaction.
     */
    public synchronized void acknowledge(long upToSeq, List<Parked> parked, Instant now) {
        inTransaction(() -> {
            try (PreparedStatement ps = connection.prepareStatement("INSERT OR REPLACE INTO dead_letters (seq, kind,"
                    + " op, record_id, local_workspace, local_project, payload, reason, parked_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Parked p : parked) {
                    ps.setLong(1, p.entry().seq());
                    bind(ps, 2, p.entry().change());
                    ps.setString(8, p.reason());
                    ps.setString(9, now.toString());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = connection.prepareStatement("UPDATE sync_state SET value ="
                    + " CAST(max(CAST(value AS INTEGER), ?) AS TEXT) WHERE key = '" + CURSOR + "'")) {
                ps.setLong(1, upToSeq);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = connection.prepareStatement("DELETE FROM outbox WHERE seq <= ?")) {
                ps.setLong(1, upToSeq);
                ps.executeUpdate();
            }
            putState(LAST_SUCCESS, now.toString());
        }, "acknowledge in");
    }

    /** @return the sequence the target acknowledged last (0 before the first push) */
    public synchronized long cursor() {
        return state(CURSOR).map(Long::parseLong).orElse(0L);
    }

    /** @return entries waiting after the cursor */
    public synchronized long pending() {
        return count("SELECT count(*) FROM outbox WHERE seq > (SELECT CAST(value AS INTEGER) FROM sync_state"
                + " WHERE key = '" + CURSOR + "')");
    }

    /** @return parked entries */
    public synchronized long deadLetterCount() {
        return count("SELECT count(*) FROM dead_letters");
    }

    /** @return the oldest parked entries */
    public synchronized List<DeadLetter> deadLetters(int limit) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT seq, kind, op, record_id, reason, parked_at"
                + " FROM dead_letters ORDER BY seq LIMIT ?")) {
            ps.setInt(1, limit);
            List<DeadLetter> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new DeadLetter(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), Instant.parse(rs.getString(6))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("read dead letters of", e);
        }
    }

    /** @return when the target last acknowledged a batch (persisted across restarts) */
    public synchronized Optional<Instant> lastSuccess() {
        return state(LAST_SUCCESS).map(Instant::parse);
    }

    /** @return a state value */
    public synchronized Optional<String> state(String key) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT value FROM sync_state WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read state of", e);
        }
    }

    /**
     * Appends changes and sets a state flag in one transaction, unless the flag is already set.
     *
     * @return true if appended, false if the flag was already set
     */
    public synchronized boolean appendOnce(String flag, List<Change> changes, Instant now) {
        if (state(flag).isPresent()) {
            return false;
        }
        inTransaction(() -> {
            putState(flag, now.toString());
            if (!changes.isEmpty()) {
                appendRows(changes, now);
            }
        }, "append to");
        return true;
    }

    /** Remembers when a session started, so its stop can carry the start time. */
    public synchronized void rememberSessionStart(String sessionId, Instant startedAt) {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT OR IGNORE INTO session_starts (session_id, started_at) VALUES (?, ?)")) {
            ps.setString(1, sessionId);
            ps.setString(2, startedAt.toString());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("write to", e);
        }
    }

    /** Forgets a session's start once its stop was queued. */
    public synchronized void forgetSessionStart(String sessionId) {
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM session_starts WHERE session_id = ?")) {
            ps.setString(1, sessionId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("write to", e);
        }
    }

    /** @return when a session started, if its start was seen */
    public synchronized Optional<Instant> sessionStart(String sessionId) {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT started_at FROM session_starts WHERE session_id = ?")) {
            ps.setString(1, sessionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Instant.parse(rs.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure("close", e);
        }
    }

    private void putState(String key, String value) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)")) {
            ps.setString(1, key);
            ps.setString(2, value);
            ps.executeUpdate();
        }
    }

    private long count(String sql) {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw failure("count entries of", e);
        }
    }

    private interface SqlWork {
        void run() throws SQLException;
    }

    private void inTransaction(SqlWork work, String verb) {
        try {
            connection.setAutoCommit(false);
            try {
                work.run();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(verb, e);
        }
    }

    private DataStoreException failure(String verb, SQLException e) {
        return new DataStoreException("cannot " + verb + " the sync outbox " + file + ": " + e.getMessage(), e);
    }
}
