package co.omegamax.platform.adapter.postgres.internal;

import co.omegamax.platform.jdbi.SqlDialect;
import co.omegamax.platform.jdbi.Table;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** PostgreSQL: TIMESTAMPTZ timestamps and UUID id columns, converted by {@link DbValues}. */
final class PgDialect implements SqlDialect {
    static final PgDialect INSTANCE = new PgDialect();

    private PgDialect() {
    }

    @Override
    public Instant readInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime v = rs.getObject(column, OffsetDateTime.class);
        return v == null ? null : v.toInstant();
    }

    @Override
    public Object toDb(String column, Object value) {
        return DbValues.toDb(column, value);
    }

    @Override
    public boolean cannotMatch(Table table, String column, Object value) {
        return DbValues.isUuidColumn(table, column) && !DbValues.isUuid(value);
    }
}
