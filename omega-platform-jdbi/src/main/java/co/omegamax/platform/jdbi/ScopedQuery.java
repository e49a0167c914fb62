package co.omegamax.platform.jdbi;

import co.omegamax.platform.spi.Page;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * A query on one tenant table whose SQL always starts with {@code WHERE user_id = :__uid} (on PostgreSQL the
 * application-level filter, with Row Level Security as the safety net under it); callers only add
 * further conditions (code constants; values go through binds). Obtained from {@link UserScopedHandle#from}.
 */
public final class ScopedQuery {
    private static final Pattern COLUMN = Pattern.compile("[a-z][a-z0-9_]*");
    private static final String UID = "__uid";

    private final Handle handle;
    private final String userId;
    private final Table table;
    private final SqlDialect dialect;
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> binds = new LinkedHashMap<>();
    private final Map<String, Collection<?>> listBinds = new LinkedHashMap<>();
    private String orderBy;
    private Integer limit;
    private Integer offset;

    ScopedQuery(Handle handle, String userId, Table table, SqlDialect dialect) {
        this.handle = handle;
        this.userId = userId;
        this.table = table;
        this.dialect = dialect;
    }

    /**
     * Adds a condition, AND-ed with the user filter and the others. A condition is a code constant (values go
     * through {@link #bind}); one that could escape its parentheses or mentions {@code user_id} is refused.
     *
     * @return this
     */
    public ScopedQuery where(String condition) {
        conditions.add(checkCondition(condition));
        return this;
    }

    static String checkCondition(String condition) {
        int depth = 0;
        for (int i = 0; i < condition.length(); i++) {
            char c = condition.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0) {
                break;
            }
        }
        String lower = condition.toLowerCase(java.util.Locale.ROOT);
        if (depth != 0 || lower.contains(";") || lower.contains("--") || lower.contains("/*")
                || lower.contains("user_id") || lower.contains(":__")) {
            throw new IllegalArgumentException("refused SQL condition (unbalanced, comment, statement separator or"
                    + " user_id): " + condition);
        }
        return condition;
    }

    /** Adds {@code column = :column} with the value bound. @return this */
    public ScopedQuery whereEq(String column, Object value) {
        checkColumn(column);
        if (dialect.cannotMatch(table, column, value)) {
            // e.g. a malformed id for a UUID column: behave like an unknown id instead of failing the cast
            conditions.add("false");
            return this;
        }
        conditions.add(column + " = :" + column);
        return bind(column, dialect.toDb(column, value));
    }

    /** Binds a named value. @return this */
    public ScopedQuery bind(String name, Object value) {
        if (name.startsWith("__")) {
            throw new IllegalArgumentException("bind names starting with __ are reserved: " + name);
        }
        binds.put(name, value);
        return this;
    }

    /** Binds a list for an {@code IN (<name>)} condition. @return this */
    public ScopedQuery bindList(String name, Collection<?> values) {
        listBinds.put(name, List.copyOf(values));
        return this;
    }

    /** Sets the ORDER BY clause (column list). @return this */
    public ScopedQuery orderBy(String clause) {
        this.orderBy = clause;
        return this;
    }

    /** Applies a page. @return this */
    public ScopedQuery page(Page page) {
        this.limit = page.limit();
        this.offset = page.offset();
        return this;
    }

    /** Limits the rows. @return this */
    public ScopedQuery limit(int max) {
        this.limit = max;
        this.offset = 0;
        return this;
    }

    /** @return the mapped rows */
    public <T> List<T> list(RowMapper<T> mapper) {
        return bindAll(handle.createQuery(sql("SELECT *") + tail())).map(mapper).list();
    }

    /** @return the only (or first) row, or empty */
    public <T> Optional<T> one(RowMapper<T> mapper) {
        return bindAll(handle.createQuery(sql("SELECT *") + tail())).map(mapper).findFirst();
    }

    /** @return whether any row matches */
    public boolean exists() {
        return bindAll(handle.createQuery(sql("SELECT 1") + " LIMIT 1")).mapTo(Integer.class).findFirst().isPresent();
    }

    /** @return the number of matching rows */
    public long count() {
        return bindAll(handle.createQuery(sql("SELECT count(*)"))).mapTo(Long.class).one();
    }

    /** @return the number of matching rows per value of {@code column} */
    public Map<String, Long> countBy(String column) {
        checkColumn(column);
        Map<String, Long> out = new LinkedHashMap<>();
        bindAll(handle.createQuery(sql("SELECT " + column + " AS k, count(*) AS n") + " GROUP BY " + column))
                .map((rs, ctx) -> Map.entry(rs.getString("k"), rs.getLong("n")))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** Deletes the matching rows. @return how many */
    public int delete() {
        return bindAll(handle.createUpdate(sql("DELETE"))).execute();
    }

    /** Sets columns on the matching rows ({@code user_id} cannot be set). @return how many rows changed */
    public int update(Map<String, ?> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("nothing to update");
        }
        StringBuilder set = new StringBuilder();
        for (String column : columns.keySet()) {
            checkWritableColumn(column);
            set.append(set.length() == 0 ? "" : ", ").append(column).append(" = :__set_").append(column);
        }
        String sql = "UPDATE " + table.sqlName() + " SET " + set + where();
        var update = bindAll(handle.createUpdate(sql));
        columns.forEach((c, v) -> update.bind("__set_" + c, dialect.toDb(c, v)));
        return update.execute();
    }

    private String sql(String head) {
        String from = head.equals("DELETE") ? "DELETE FROM " : head + " FROM ";
        return from + table.sqlName() + where();
    }

    private String where() {
        StringBuilder sb = new StringBuilder(" WHERE user_id = :" + UID);
        for (String c : conditions) {
            sb.append(" AND (").append(c).append(')');
        }
        return sb.toString();
    }

    private String tail() {
        String s = orderBy == null ? "" : " ORDER BY " + orderBy;
        if (limit != null) {
            s += " LIMIT " + limit + " OFFSET " + offset;
        }
        return s;
    }

    private <S extends SqlStatement<S>> S bindAll(S statement) {
        statement.bind(UID, userId);
        binds.forEach(statement::bind);
        listBinds.forEach(statement::bindList);
        return statement;
    }

    static void checkColumn(String column) {
        if (!COLUMN.matcher(column).matches()) {
            throw new IllegalArgumentException("not a column name: " + column);
        }
    }

    static void checkWritableColumn(String column) {
        checkColumn(column);
        if (column.equals("user_id")) {
            throw new IllegalArgumentException("user_id is set by the tenant scope only");
        }
    }
}
