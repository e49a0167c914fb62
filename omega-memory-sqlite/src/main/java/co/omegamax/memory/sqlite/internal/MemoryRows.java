package co.omegamax.memory.sqlite.internal;

import co.omegamax.memory.EventType;
import co.omegamax.memory.Memory;
import co.omegamax.memory.MemoryQuery;
import co.omegamax.memory.MemoryStatus;
import co.omegamax.memory.Scope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** SQL of the memories table: column list, row mapping and the one place that turns filters into SQL. */
public final class MemoryRows {
    /** Columns read by {@link #map(ResultSet)}, prefixed with {@code m.}. */
    public static final String COLUMNS = "m.rowid, m.id, m.content, m.event_type, m.tags, m.metadata, m.session_id, "
            + "m.agent_type, m.entity_id, m.workspace, m.project, m.priority, m.created_at, m.updated_at, "
            + "m.last_accessed_at, m.access_count, m.status, m.valid_from, m.valid_until, m.superseded_by, "
            + "m.expires_at, m.feedback_score, m.flagged";

    private MemoryRows() {
    }

    /** A memory with its row id. */
    public record Row(long rowid, Memory memory) {
    }

    /** A WHERE fragment (starting with {@code 1=1}) and its parameters. */
    public record Where(String sql, List<Object> params) {
    }

    /** Maps the current row (selected with {@link #COLUMNS}). */
    public static Row map(ResultSet rs) throws SQLException {
        Memory memory = new Memory(
                rs.getString(2),
                rs.getString(3),
                EventType.fromWireName(rs.getString(4)),
                Json.readList(rs.getString(5)),
                Json.readMap(rs.getString(6)),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                new Scope(rs.getString(10), rs.getString(11)),
                rs.getInt(12),
                instant(rs, 13),
                instant(rs, 14),
                instant(rs, 15),
                rs.getLong(16),
                MemoryStatus.valueOf(rs.getString(17)),
                instant(rs, 18),
                instant(rs, 19),
                rs.getString(20),
                instant(rs, 21),
                rs.getInt(22),
                rs.getInt(23) != 0);
        return new Row(rs.getLong(1), memory);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    /**
     * Every exclusive filter of a query as SQL over alias {@code m}. Used for candidates from every
     * source (vectors, words, graph) so that no source can admit a memory the caller excluded.
     */
    public static Where where(MemoryQuery q, Instant now, boolean applyTimeRange) {
        StringBuilder sql = new StringBuilder("1=1");
        List<Object> params = new ArrayList<>();
        if (!q.includeSuperseded()) {
            sql.append(" AND m.status = 'ACTIVE'");
        }
        if (!q.includeExpired()) {
            sql.append(" AND (m.expires_at IS NULL OR m.expires_at > ?)");
            params.add(now.toEpochMilli());
        }
        if (!q.includeFlagged()) {
            sql.append(" AND m.flagged = 0");
        }
        if (!q.eventTypes().isEmpty()) {
            StringJoiner in = new StringJoiner(",", " AND m.event_type IN (", ")");
            for (EventType t : q.eventTypes()) {
                in.add("?");
                params.add(t.wireName());
            }
            sql.append(in);
        }
        if (!q.tags().isEmpty()) {
            StringJoiner in = new StringJoiner(",",
                    " AND m.rowid IN (SELECT memory_rowid FROM memory_tags WHERE tag IN (", "))");
            for (String tag : q.tags()) {
                in.add("?");
                params.add(tag);
            }
            sql.append(in);
        }
        eq(sql, params, "m.workspace", q.scope().workspace());
        eq(sql, params, "m.project", q.scope().project());
        eq(sql, params, "m.session_id", q.sessionId());
        eq(sql, params, "m.agent_type", q.agentType());
        eq(sql, params, "m.entity_id", q.entityId());
        if (applyTimeRange && q.from() != null) {
            sql.append(" AND m.valid_from >= ?");
            params.add(q.from().toEpochMilli());
        }
        if (applyTimeRange && q.to() != null) {
            sql.append(" AND m.valid_from <= ?");
            params.add(q.to().toEpochMilli());
        }
        return new Where(sql.toString(), params);
    }

    private static void eq(StringBuilder sql, List<Object> params, String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            params.add(value);
        }
    }

    /** Binds parameters starting at index {@code from}; returns the next free index. */
    public static int bind(PreparedStatement ps, List<Object> params, int from) throws SQLException {
        int i = from;
        for (Object p : params) {
            ps.setObject(i++, p);
        }
        return i;
    }

    /** Loads rows by row id that also pass {@code where}; result keyed by row id, in no particular order. */
    public static Map<Long, Row> loadFiltered(Connection c, Collection<Long> rowids, Where where) throws SQLException {
        Map<Long, Row> out = new LinkedHashMap<>();
        forEachAdmitted(c, rowids, where, COLUMNS, rs -> {
            Row row = map(rs);
            out.put(row.rowid(), row);
        });
        return out;
    }

    /** Reads one result row. */
    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /** Selects {@code columns} of the given rows that pass {@code where}, 500 ids per statement. */
    private static void forEachAdmitted(Connection c, Collection<Long> rowids, Where where, String columns,
                                        RowReader reader) throws SQLException {
        List<Long> ids = new ArrayList<>(rowids);
        for (int start = 0; start < ids.size(); start += 500) {
            List<Long> chunk = ids.subList(start, Math.min(ids.size(), start + 500));
            StringJoiner in = new StringJoiner(",", "(", ")");
            chunk.forEach(id -> in.add("?"));
            try (PreparedStatement ps = c.prepareStatement("SELECT " + columns + " FROM memories m WHERE m.rowid IN "
                    + in + " AND " + where.sql())) {
                int i = 1;
                for (Long id : chunk) {
                    ps.setLong(i++, id);
                }
                bind(ps, where.params(), i);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        reader.read(rs);
                    }
                }
            }
        }
    }

    /** The subset of row ids that pass {@code where}. */
    public static java.util.Set<Long> filterIds(Connection c, Collection<Long> rowids, Where where) throws SQLException {
        java.util.Set<Long> out = new java.util.HashSet<>();
        forEachAdmitted(c, rowids, where, "m.rowid", rs -> out.add(rs.getLong(1)));
        return out;
    }

    /** One memory by its public id, or {@code null}. */
    public static Row byId(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM memories m WHERE m.id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? map(rs) : null;
            }
        }
    }

    /** Rows matching a full SQL tail (after FROM memories m). */
    public static List<Row> select(Connection c, String tail, List<Object> params) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM memories m " + tail)) {
            bind(ps, params, 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(map(rs));
                }
            }
        }
        return out;
    }
}
