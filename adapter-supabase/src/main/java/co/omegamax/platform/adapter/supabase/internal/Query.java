package co.omegamax.platform.adapter.supabase.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Builds the URL of one PostgREST table or RPC call in PostgREST's URL grammar: horizontal filters
 * ({@code col=eq.v}, {@code col=in.(a,"b,c")}, {@code col=is.null}), {@code select}, {@code order}, {@code limit},
 * {@code offset} and {@code on_conflict}. Column names are code constants (checked); values are encoded here: in
 * {@code in.(…)} lists a value containing a reserved character ({@code , . : ( ) "} or a backslash, blanks) or
 * spelling {@code null} is wrapped in double quotes with {@code "} and {@code \} escaped by a backslash, and OkHttp
 * percent-encodes the whole parameter.
 */
public final class Query {
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final Pattern ORDER = Pattern.compile("[a-z_][a-z0-9_]*\\.(asc|desc)(\\.nulls(first|last))?"
            + "(,[a-z_][a-z0-9_]*\\.(asc|desc)(\\.nulls(first|last))?)*");
    private static final Pattern SELECT = Pattern.compile("\\*|[a-z_][a-z0-9_]*(,[a-z_][a-z0-9_]*)*");

    private final HttpUrl.Builder url;
    private final String resource;
    private final List<String> described = new ArrayList<>();

    private Query(HttpUrl base, String... segments) {
        this.url = base.newBuilder();
        for (String s : segments) {
            url.addPathSegment(s);
        }
        this.resource = String.join("/", segments);
    }

    /** @return a query on a table (or view) under the REST endpoint */
    public static Query table(HttpUrl restBase, String table) {
        return new Query(restBase, name(table));
    }

    /** @return the URL of an RPC function under the REST endpoint */
    public static Query rpc(HttpUrl restBase, String function) {
        return new Query(restBase, "rpc", name(function));
    }

    /** Adds {@code column=eq.value}. @return this */
    public Query eq(String column, String value) {
        return param(name(column), "eq." + value);
    }

    /** Adds {@code column=is.null}. @return this */
    public Query isNull(String column) {
        return param(name(column), "is.null");
    }

    /** Adds {@code column=like.pattern} ({@code *} is the wildcard). @return this */
    public Query like(String column, String pattern) {
        return param(name(column), "like." + pattern);
    }

    /**
     * Adds {@code or=(c1,c2,…)}: rows matching any of the conditions.
     *
     * @param conditions made by {@link #condition}
     * @return this
     */
    public Query or(String... conditions) {
        if (conditions.length == 0) {
            throw new IllegalArgumentException("or=() needs at least one condition");
        }
        return param("or", "(" + String.join(",", conditions) + ")");
    }

    /**
     * @param column   column name
     * @param operator a PostgREST operator: eq, neq, lt, lte, gt, gte, like, ilike, is
     * @param value    the value (quoted here if it holds a reserved character)
     * @return {@code column.operator.value}, for {@link #or}
     */
    public static String condition(String column, String operator, String value) {
        if (!List.of("eq", "neq", "lt", "lte", "gt", "gte", "like", "ilike", "is").contains(operator)) {
            throw new IllegalArgumentException("not a PostgREST operator: " + operator);
        }
        return name(column) + "." + operator + "." + quoteIfNeeded(value);
    }

    /** Adds {@code column=in.(v1,v2,…)} with each value quoted as needed. @return this */
    public Query in(String column, Collection<String> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("in.() needs at least one value");
        }
        return param(name(column), "in." + list(values));
    }

    /** Sets {@code select} (a column list or {@code *}). @return this */
    public Query select(String columns) {
        if (!SELECT.matcher(columns).matches()) {
            throw new IllegalArgumentException("not a select list: " + columns);
        }
        return param("select", columns);
    }

    /** Sets {@code order}, e.g. {@code created_at.desc,id.asc}. @return this */
    public Query order(String order) {
        if (!ORDER.matcher(order).matches()) {
            throw new IllegalArgumentException("not an order clause: " + order);
        }
        return param("order", order);
    }

    /** Sets {@code limit} and {@code offset}. @return this */
    public Query page(int limit, int offset) {
        param("limit", Integer.toString(limit));
        return offset == 0 ? this : param("offset", Integer.toString(offset));
    }

    /** Sets {@code on_conflict} (the unique columns an upsert merges on). @return this */
    public Query onConflict(String... columns) {
        for (String c : columns) {
            name(c);
        }
        return param("on_conflict", String.join(",", columns));
    }

    private Query param(String key, String value) {
        url.addQueryParameter(key, value);
        described.add(key);
        return this;
    }

    /** @return the URL */
    public HttpUrl url() {
        return url.build();
    }

    /** @return a log-safe description: resource and parameter names, no values */
    public String describe(String method) {
        return method + " " + resource + (described.isEmpty() ? "" : " [" + String.join(",", described) + "]");
    }

    /** @return {@code (v1,v2,…)} with each value quoted if it needs to be */
    static String list(Collection<String> values) {
        StringBuilder sb = new StringBuilder("(");
        for (String v : values) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append(quoteIfNeeded(v));
        }
        return sb.append(')').toString();
    }

    /** @return the value as PostgREST reads it inside {@code in.(…)} or {@code or=(…)} */
    static String quoteIfNeeded(String v) {
        boolean reserved = v.isEmpty() || v.equalsIgnoreCase("null");
        for (int i = 0; i < v.length() && !reserved; i++) {
            char c = v.charAt(i);
            reserved = c == ',' || c == '.' || c == ':' || c == '(' || c == ')' || c == '"' || c == '\\'
                    || Character.isWhitespace(c);
        }
        if (!reserved) {
            return v;
        }
        return '"' + v.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String name(String n) {
        if (!NAME.matcher(n).matches()) {
            throw new IllegalArgumentException("not a table, column or function name: " + n);
        }
        return n;
    }
}
