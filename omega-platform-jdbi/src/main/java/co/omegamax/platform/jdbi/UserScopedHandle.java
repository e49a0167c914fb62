package co.omegamax.platform.jdbi;

import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

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
        insertStatement(table, columns, "").execute();
    }

    /**
     * Inserts a row owned by the acting user; if the user already has a row with this {@code id}, overwrites it
     * only where {@code takeOverCondition} holds for the existing row, in one atomic statement
     * ({@code INSERT ... ON CONFLICT (user_id, id) DO UPDATE ... WHERE}). The condition is store code, never user
     * input: it names the existing row's columns as {@code <table>.<column>}, the offered ones as
     * {@code excluded.<column>}, and binds {@code :__c_<column>} from {@code conditionValues}, converted like
     * that column.
     *
     * @param columns must contain {@code id} and not {@code user_id}
     * @return whether the row was inserted or overwritten ({@code false}: the existing row was kept)
     */
    public boolean insertOrTakeOver(Table table, Map<String, ?> columns, String takeOverCondition,
                                    Map<String, ?> conditionValues) {
        if (!columns.containsKey("id")) {
            throw new IllegalArgumentException("insertOrTakeOver needs the id column");
        }
        StringBuilder updates = new StringBuilder();
        for (String column : columns.keySet()) {
            if (!column.equals("id")) {
                updates.append(updates.length() == 0 ? "" : ", ").append(column).append(" = excluded.").append(column);
            }
        }
        Update upsert = insertStatement(table, columns,
                " ON CONFLICT (user_id, id) DO UPDATE SET " + updates + " WHERE " + takeOverCondition);
        conditionValues.forEach((c, v) -> {
            ScopedQuery.checkWritableColumn(c);
            upsert.bind("__c_" + c, dialect.toDb(c, v));
        });
        return upsert.execute() > 0;
    }

    /** @return {@code INSERT INTO table (user_id, columns...) VALUES (...)} + {@code suffix}, values bound */
    private Update insertStatement(Table table, Map<String, ?> columns, String suffix) {
        StringBuilder names = new StringBuilder("user_id");
        StringBuilder values = new StringBuilder(":__uid");
        for (String column : columns.keySet()) {
            ScopedQuery.checkWritableColumn(column);
            names.append(", ").append(column);
            values.append(", :__v_").append(column);
        }
        Update insert = handle.createUpdate("INSERT INTO " + table.sqlName() + " (" + names + ") VALUES (" + values + ")"
                + suffix);
        insert.bind("__uid", userId);
        columns.forEach((c, v) -> insert.bind("__v_" + c, dialect.toDb(c, v)));
        return insert;
    }
}
