package co.omegamax.platform.adapter.sqlite.internal;

import co.omegamax.platform.jdbi.SqlDialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** SQLite stores timestamps as epoch milliseconds (INTEGER) and binds values unchanged. */
final class SqliteDialect implements SqlDialect {
    static final SqliteDialect INSTANCE = new SqliteDialect();

    private SqliteDialect() {
    }

    /** @return the epoch-millisecond timestamp in {@code column}, or {@code null} */
    static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    @Override
    public Instant readInstant(ResultSet rs, String column) throws SQLException {
        return instant(rs, column);
    }
}
