package co.omegamax.platform.adapter.supabase.gateway;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes of one table, built as PostgREST builds them: the statement runs inside a CTE and PostgreSQL
 * itself renders the rows with {@code coalesce(json_agg(_postgrest_t), '[]')}, so every value has exactly the JSON
 * type PostgREST would give it.
 */
final class TableRequests {
    private static final Pattern RANGE = Pattern.compile("\\s*(\\d+)-(\\d*)\\s*");
    private static final String OUTER = "SELECT %s, pg_catalog.count(_postgrest_t),"
            + " coalesce(json_agg(_postgrest_t), '[]')::text, coalesce((json_agg(_postgrest_t) -> 0)::text, 'null')"
            + " FROM (%s) _postgrest_t";

    /** What the request asked for besides the table. */
    record Ask(QueryString query, Prefer prefer, boolean single, String rangeHeader, String body) {
    }

    private final SchemaCache.Table table;
    private final String ref;

    TableRequests(SchemaCache.Table table) {
        this.table = table;
        this.ref = Sql.ident("public") + "." + Sql.ident(table.name());
    }

    /** GET (and HEAD): filters, order, limit/offset or Range, optional exact count. */
    Response read(Connection c, Ask ask, boolean head) throws SQLException {
        Filters filters = new Filters(table, ref);
        Sql where = filters.where(ask.query());
        String whereSql = where.isEmpty() ? "" : " WHERE " + where;
        long[] range = range(ask);
        long offset = range[0];
        String limit = range[1] < 0 ? "" : " LIMIT " + range[1];
        Sql sql = new Sql();
        if (ask.prefer().countExact()) {
            sql.add("(SELECT pg_catalog.count(*) FROM " + ref + whereSql + ")");
            sql.params.addAll(where.params);
        } else {
            sql.add("null::bigint");
        }
        String inner = "SELECT " + SelectList.sql(ask.query().get("select"), table, ref) + " FROM " + ref + whereSql
                + filters.orderBy(ask.query().get("order")) + limit + (offset > 0 ? " OFFSET " + offset : "");
        Sql statement = new Sql().add(String.format(OUTER, sql.text, inner));
        statement.params.addAll(sql.params);
        statement.params.addAll(where.params);
        Result r = run(c, statement);
        if (ask.single() && r.rows != 1) {
            throw PgrstError.notSingular(r.rows);
        }
        int status = 200;
        String total = r.total == null ? "*" : Long.toString(r.total);
        if (r.total != null) {
            if (offset > r.total) {
                throw new PgrstError(416, "PGRST103", "Requested range not satisfiable", "An offset of " + offset
                        + " was requested, but there are only " + r.total + " rows.", null);
            }
            if (r.rows < r.total) {
                status = 206;
            }
        }
        String contentRange = r.rows == 0 ? "*/" + total : offset + "-" + (offset + r.rows - 1) + "/" + total;
        Response response = Response.of(status, head ? null : ask.single() ? r.first : r.array)
                .header("Content-Range", contentRange);
        return applied(response, ask.prefer());
    }

    /** POST: insert one object or an array (json_populate_recordset), optionally upserting. */
    Response insert(Connection c, Ask ask) throws SQLException {
        List<String> columns = payloadColumns(ask, true);
        String returning = returning(ask.prefer());
        Sql statement = new Sql();
        if (columns.isEmpty()) {
            statement.add(String.format(OUTER, "null::bigint", "SELECT * FROM " + ref + " WHERE false"));
        } else {
            String cols = quotedList(columns);
            StringBuilder insert = new StringBuilder("INSERT INTO " + ref + " (" + cols + ") SELECT " + cols
                    + " FROM json_populate_recordset(null::" + ref + ", (SELECT val FROM pgrst_body)) _");
            String resolution = ask.prefer().resolution();
            if (resolution != null) {
                List<String> target = conflictTarget(ask.query().get("on_conflict"));
                insert.append(" ON CONFLICT (").append(quotedList(target)).append(")");
                if (resolution.equals("ignore-duplicates")) {
                    insert.append(" DO NOTHING");
                } else {
                    insert.append(" DO UPDATE SET ");
                    for (int i = 0; i < columns.size(); i++) {
                        String col = Sql.ident(columns.get(i));
                        insert.append(i == 0 ? "" : ", ").append(col).append(" = EXCLUDED.").append(col);
                    }
                }
            }
            insert.append(" RETURNING ").append(returning);
            statement.add(withBody(ask.body(), insert.toString(), ask));
            statement.params.add(ask.body());
        }
        Result r = run(c, statement);
        return written(ask, r, 201, true);
    }

    /** PATCH: update the filtered rows with the object's keys. */
    Response update(Connection c, Ask ask) throws SQLException {
        if (ask.body() == null || !ask.body().stripLeading().startsWith("{")) {
            throw PgrstError.body("PATCH needs a JSON object body");
        }
        List<String> columns = payloadColumns(ask, false);
        Filters filters = new Filters(table, ref);
        Sql where = filters.where(ask.query());
        Sql statement = new Sql();
        if (columns.isEmpty()) {
            statement.add(String.format(OUTER, "null::bigint", "SELECT * FROM " + ref + " WHERE false"));
        } else {
            StringBuilder update = new StringBuilder("UPDATE " + ref + " SET ");
            for (int i = 0; i < columns.size(); i++) {
                String col = Sql.ident(columns.get(i));
                update.append(i == 0 ? "" : ", ").append(col).append(" = _.").append(col);
            }
            update.append(" FROM (SELECT * FROM json_populate_recordset(null::").append(ref)
                    .append(", (SELECT val FROM pgrst_body))) _");
            update.append(where.isEmpty() ? "" : " WHERE " + where.text);
            update.append(" RETURNING ").append(returning(ask.prefer()));
            statement.add(withBody(ask.body(), update.toString(), ask));
            statement.params.add(ask.body());
            statement.params.addAll(where.params);
        }
        return written(ask, run(c, statement), 204, false);
    }

    /** DELETE: delete the filtered rows. */
    Response delete(Connection c, Ask ask) throws SQLException {
        Filters filters = new Filters(table, ref);
        Sql where = filters.where(ask.query());
        String delete = "DELETE FROM " + ref + (where.isEmpty() ? "" : " WHERE " + where.text) + " RETURNING "
                + returning(ask.prefer());
        Sql statement = new Sql().add("WITH pgrst_source AS (" + delete + ") " + String.format(OUTER, "null::bigint",
                "SELECT " + outputList(ask) + " FROM pgrst_source"));
        statement.params.addAll(where.params);
        return written(ask, run(c, statement), 204, false);
    }

    private String withBody(String body, String mutation, Ask ask) {
        return "WITH pgrst_payload AS (SELECT ?::json AS json_data),"
                + " pgrst_body AS (SELECT CASE WHEN json_typeof(json_data) = 'array' THEN json_data"
                + " ELSE json_build_array(json_data) END AS val FROM pgrst_payload),"
                + " pgrst_source AS (" + mutation + ") "
                + String.format(OUTER, "null::bigint", "SELECT " + outputList(ask) + " FROM pgrst_source");
    }

    private String outputList(Ask ask) {
        return ask.prefer().representation() ? SelectList.sql(ask.query().get("select"), table, "pgrst_source")
                : "pgrst_source.*";
    }

    /** RETURNING list: all columns for a representation, the key for a Location header, else a constant. */
    private String returning(Prefer prefer) {
        if (prefer.representation()) {
            return ref + ".*";
        }
        if ("headers-only".equals(prefer.returning()) && !table.primaryKey().isEmpty()) {
            List<String> pk = new ArrayList<>();
            for (String k : table.primaryKey()) {
                pk.add(ref + "." + Sql.ident(k));
            }
            return String.join(", ", pk);
        }
        return "1 AS pgrst_row";
    }

    private Response written(Ask ask, Result r, int minimalStatus, boolean insert) {
        if (ask.single() && r.rows != 1) {
            throw PgrstError.notSingular(r.rows); // the gateway rolls the transaction back
        }
        String total = ask.prefer().countExact() ? Long.toString(r.rows) : "*";
        String contentRange = insert || r.rows == 0 ? "*/" + total : "0-" + (r.rows - 1) + "/" + total;
        Response response;
        if (ask.prefer().representation()) {
            response = Response.of(insert ? 201 : 200, ask.single() ? r.first : r.array);
        } else {
            response = Response.of(minimalStatus, null);
            if (insert && "headers-only".equals(ask.prefer().returning()) && r.rows > 0
                    && !table.primaryKey().isEmpty()) {
                response.header("Location", location(r.first));
            }
        }
        response.header("Content-Range", contentRange);
        return applied(response, ask.prefer());
    }

    private String location(String rowJson) {
        try {
            Map<String, Object> row = JSONObjectUtils.parse(rowJson);
            StringBuilder b = new StringBuilder("/").append(table.name()).append('?');
            for (int i = 0; i < table.primaryKey().size(); i++) {
                String k = table.primaryKey().get(i);
                b.append(i == 0 ? "" : "&").append(java.net.URLEncoder.encode(k, java.nio.charset.StandardCharsets.UTF_8))
                        .append("=eq.").append(java.net.URLEncoder.encode(String.valueOf(row.get(k)),
                                java.nio.charset.StandardCharsets.UTF_8));
            }
            return b.toString();
        } catch (ParseException e) {
            throw new IllegalStateException("PostgreSQL returned a row that is not a JSON object", e);
        }
    }

    private static Response applied(Response response, Prefer prefer) {
        if (!prefer.applied().isEmpty()) {
            response.header("Preference-Applied", String.join(", ", prefer.applied()));
        }
        return response;
    }

    /** The columns the payload sets: {@code columns=} if given, else the body's keys (uniform across an array). */
    private List<String> payloadColumns(Ask ask, boolean allowArray) {
        String body = ask.body();
        if (body == null || body.isBlank()) {
            throw PgrstError.body("Empty or invalid json");
        }
        Set<String> keys;
        try {
            String t = body.stripLeading();
            if (t.startsWith("[") && allowArray) {
                keys = null;
                for (Object element : JSONArrayUtils.parse(t)) {
                    if (!(element instanceof Map<?, ?> object)) {
                        throw PgrstError.body("All array elements must be JSON objects");
                    }
                    Set<String> these = new LinkedHashSet<>();
                    object.keySet().forEach(k -> these.add(String.valueOf(k)));
                    if (keys != null && !keys.equals(these)) {
                        throw PgrstError.body("All object keys must match");
                    }
                    keys = these;
                }
                if (keys == null) {
                    keys = Set.of();
                }
            } else if (t.startsWith("{")) {
                keys = new LinkedHashSet<>(JSONObjectUtils.parse(t).keySet());
            } else {
                throw PgrstError.body("Empty or invalid json");
            }
        } catch (ParseException e) {
            throw PgrstError.body("Empty or invalid json");
        }
        String columnsParam = ask.query().get("columns");
        List<String> columns = new ArrayList<>();
        if (columnsParam != null) {
            if (keys.isEmpty()) {
                return columns;
            }
            for (String raw : columnsParam.split(",")) {
                columns.add(raw.trim().replaceAll("^\"|\"$", ""));
            }
        } else {
            columns.addAll(keys);
        }
        for (String col : columns) {
            if (!table.columns().containsKey(col)) {
                throw PgrstError.noColumn(col, table.name());
            }
        }
        return columns;
    }

    private List<String> conflictTarget(String onConflict) {
        List<String> target = new ArrayList<>();
        if (onConflict == null || onConflict.isBlank()) {
            if (table.primaryKey().isEmpty()) {
                throw new PgrstError(400, "PGRST100", "\"failed to parse on_conflict\"", "table " + table.name()
                        + " has no primary key: name the unique columns with on_conflict=col1,col2", null);
            }
            return table.primaryKey();
        }
        for (String raw : onConflict.split(",")) {
            target.add(table.column(raw.trim()).name());
        }
        return target;
    }

    private static String quotedList(List<String> names) {
        List<String> quoted = new ArrayList<>();
        names.forEach(n -> quoted.add(Sql.ident(n)));
        return String.join(", ", quoted);
    }

    /** Offset and limit (-1: none) from {@code offset}/{@code limit} and the {@code Range} header (intersected). */
    private static long[] range(Ask ask) {
        long offset = 0;
        long limit = -1;
        String rangeHeader = ask.rangeHeader();
        if (rangeHeader != null && !rangeHeader.isBlank()) {
            Matcher m = RANGE.matcher(rangeHeader);
            if (!m.matches()) {
                throw new PgrstError(416, "PGRST103", "Requested range not satisfiable", "Range header \""
                        + rangeHeader + "\" is not \"<first>-[<last>]\"", null);
            }
            offset = Long.parseLong(m.group(1));
            if (!m.group(2).isEmpty()) {
                long last = Long.parseLong(m.group(2));
                if (last < offset) {
                    throw new PgrstError(416, "PGRST103", "Requested range not satisfiable",
                            "the last item " + last + " is before the first " + offset, null);
                }
                limit = last - offset + 1;
            }
        }
        String limitParam = ask.query().get("limit");
        String offsetParam = ask.query().get("offset");
        long paramOffset = offsetParam == null ? 0 : number(offsetParam, "offset");
        long paramLimit = limitParam == null ? -1 : number(limitParam, "limit");
        long start = Math.max(offset, paramOffset);
        long endA = limit < 0 ? Long.MAX_VALUE : offset + limit;
        long endB = paramLimit < 0 ? Long.MAX_VALUE : paramOffset + paramLimit;
        long end = Math.min(endA, endB);
        return new long[] {start, end == Long.MAX_VALUE ? -1 : Math.max(0, end - start)};
    }

    private static long number(String value, String name) {
        try {
            long n = Long.parseLong(value);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw PgrstError.parse(name + " (" + value + ")", "expecting a non-negative integer");
        }
    }

    /** The outer select's columns: total (or null), rows, the array body, its first element. */
    private record Result(Long total, long rows, String array, String first) {
    }

    private static Result run(Connection c, Sql sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.text.toString())) {
            for (int i = 0; i < sql.params.size(); i++) {
                ps.setString(i + 1, sql.params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long total = rs.getLong(1);
                Long t = rs.wasNull() ? null : total;
                return new Result(t, rs.getLong(2), rs.getString(3), rs.getString(4));
            }
        }
    }
}
