package co.omegamax.platform.jdbi;

import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The only way store code reaches the database: every query it builds is filtered by the acting user, and every
 * insert writes the acting user's id. The raw JDBI handle is never exposed. Made only by each adapter's tenant
 * scope, the one place that opens database work for a user.
 */
public final class UserScopedHandle {
    private final Handle handle;
    private final String userId;
    private final SqlDialect dialect;

    /**
     * @param handle the open handle (never exposed); @param userId the validated acting user;
     * @param dialect how values are converted for the database
     */
    public UserScopedHandle(Handle handle, String userId, SqlDialect dialect) {
        this.handle = handle;
        this.userId = userId;
        this.dialect = dialect;
    }

    /** @return the acting user */
    public String userId() {
        return userId;
    }

    /** @return a query over the acting user's rows of {@code table} */
    public ScopedQuery from(Table table) {
        return new ScopedQuery(handle, userId, table, dialect);
    }

    /** Inserts a row owned by the acting user; {@code columns} must not contain {@code user_id}. */
    public void insert(Table table, Map<String, ?> columns) {
        StringBuilder names = new StringBuilder("user_id");
        StringBuilder values = new StringBuilder(":__uid");
        for (String column : columns.keySet()) {
            ScopedQuery.checkWritableColumn(column);
            names.append(", ").append(column);
            values.append(", :__v_").append(column);
        }
        var insert = handle.createUpdate("INSERT INTO " + table.sqlName() + " (" + names + ") VALUES (" + values + ")");
        insert.bind("__uid", userId);
        columns.forEach((c, v) -> insert.bind("__v_" + c, dialect.toDb(c, v)));
        insert.execute();
    }
}
