package co.omegamax.memory.sqlite.internal;

import co.omegamax.memory.EventType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a process's {@link VectorIndex} equal to the database, including writes of other processes,
 * by replaying the {@code memory_changes} log (filled by triggers) from the last sequence it saw.
 */
public final class IndexSync {
    private static final Logger LOG = LoggerFactory.getLogger(IndexSync.class);
    private static final String ROW_SQL = "SELECT m.rowid, m.event_type, m.workspace, m.project, m.agent_type, "
            + "m.status, m.flagged, v.vector FROM memories m JOIN memory_vectors v ON v.memory_rowid = m.rowid "
            + "WHERE v.model = ?";
    private static final long KEEP_CHANGES = 200_000;

    private final VectorIndex index;
    private final String model;
    private long lastSeq = -1;

    /** Syncs {@code index} with vectors of {@code model}. */
    public IndexSync(VectorIndex index, String model) {
        this.index = index;
        this.model = model;
    }

    /** The index kept in sync. */
    public VectorIndex index() {
        return index;
    }

    /** Forces a full reload at the next {@link #catchUp}. */
    public void invalidate() {
        lastSeq = -1;
    }

    /** Applies every change since the last call (a full load the first time or after invalidation). */
    public void catchUp(Connection c) throws SQLException {
        long max = scalar(c, "SELECT MAX(seq) FROM memory_changes");
        if (lastSeq >= 0 && max == lastSeq) {
            return;
        }
        long min = scalar(c, "SELECT MIN(seq) FROM memory_changes");
        if (lastSeq < 0 || (min > lastSeq + 1)) {
            fullLoad(c, max);
            return;
        }
        List<Long> changed = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT DISTINCT memory_rowid FROM memory_changes WHERE seq > ? AND seq <= ?")) {
            ps.setLong(1, lastSeq);
            ps.setLong(2, max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    changed.add(rs.getLong(1));
                }
            }
        }
        for (long rowid : changed) {
            reload(c, rowid);
        }
        lastSeq = max;
    }

    /** Re-reads one row into the index (removes it if it is gone or has no vector). */
    public void reload(Connection c, long rowid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ROW_SQL + " AND m.rowid = ?")) {
            ps.setString(1, model);
            ps.setLong(2, rowid);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    put(rs);
                } else {
                    index.remove(rowid);
                }
            }
        }
    }

    /** Deletes change-log entries no process should still need. */
    public static void prune(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM memory_changes WHERE seq < ?")) {
            ps.setLong(1, scalar(c, "SELECT MAX(seq) FROM memory_changes") - KEEP_CHANGES);
            ps.executeUpdate();
        }
    }

    private void fullLoad(Connection c, long max) throws SQLException {
        long start = System.nanoTime();
        index.clear();
        try (PreparedStatement ps = c.prepareStatement(ROW_SQL)) {
            ps.setString(1, model);
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    put(rs);
                }
            }
        }
        lastSeq = max;
        if (index.size() > 0) {
            LOG.info("loaded {} vectors into the index in {} ms", index.size(), (System.nanoTime() - start) / 1_000_000);
        }
    }

    private void put(ResultSet rs) throws SQLException {
        EventType type = EventType.fromWireName(rs.getString(2));
        boolean visible = "ACTIVE".equals(rs.getString(6)) && rs.getInt(7) == 0;
        index.upsert(rs.getLong(1), Vectors.fromBlob(rs.getBytes(8)),
                new VectorIndex.Attrs(type.ordinal(), rs.getString(3), rs.getString(4), rs.getString(5), visible));
    }

    /** The first column of the first row as a long; 0 for no row or NULL. */
    static long scalar(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
