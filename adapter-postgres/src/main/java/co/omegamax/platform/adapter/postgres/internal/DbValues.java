package co.omegamax.platform.adapter.postgres.internal;

import co.omegamax.platform.jdbi.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

/** Conversions between store values and PostgreSQL column types (TIMESTAMPTZ, UUID). */
final class DbValues {
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private DbValues() {
    }

    /** Store code passes timestamps ({@code *_at} columns) as epoch milliseconds; PostgreSQL gets TIMESTAMPTZ. */
    static Object toDb(String column, Object value) {
        if (value instanceof Long millis && column.endsWith("_at")) {
            return OffsetDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
        }
        return value;
    }

    /** @return whether {@code column} of {@code table} has type UUID */
    static boolean isUuidColumn(Table table, String column) {
        return column.equals("workspace_id") || column.equals("project_id")
                || (column.equals("id") && (table == Table.WORKSPACES || table == Table.PROJECTS));
    }

    static boolean isUuid(Object value) {
        return value instanceof String s && UUID.matcher(s).matches();
    }
}
