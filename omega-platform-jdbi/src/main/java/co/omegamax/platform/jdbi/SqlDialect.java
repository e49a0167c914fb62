package co.omegamax.platform.jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * What differs between the databases the JDBI stores run on, as seen by the shared query and mapping code: how
 * timestamps are read and how bound values are converted. Dialect-specific SQL stays in each adapter.
 */
public interface SqlDialect {
    /** @return the timestamp in {@code column} of the current row, or {@code null} if it is SQL NULL */
    Instant readInstant(ResultSet rs, String column) throws SQLException;

    /**
     * Converts a value store code passes for {@code column} into what the driver should bind.
     *
     * @return the value to bind; by default {@code value} unchanged
     */
    default Object toDb(String column, Object value) {
        return value;
    }

    /**
     * Whether {@code value} can never equal {@code column} of {@code table} (for example a malformed id for a UUID
     * column), so an equality condition on it matches nothing instead of failing.
     *
     * @return {@code false} by default
     */
    default boolean cannotMatch(Table table, String column, Object value) {
        return false;
    }
}
