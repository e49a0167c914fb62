package co.omegamax.platform.adapter.supabase.gateway;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code POST /rpc/<function>} with a JSON object of named arguments, called the way PostgREST calls it:
 * {@code json_to_record} types the arguments by the function's own parameter types, then
 * {@code fn(a := …, b := …)} runs with the caller's role (so a SECURITY INVOKER function stays under RLS).
 * Scalars (json included) come back as a JSON value, a single composite as an object, set-returning functions as an
 * array, void as 204.
 */
final class RpcRequests {
    private final SchemaCache schema;

    RpcRequests(SchemaCache schema) {
        this.schema = schema;
    }

    /** @return the overload whose named arguments fit {@code body}'s keys; PGRST202/PGRST203 otherwise */
    Resolved resolve(String name, String body) {
        Set<String> keys = keys(body);
        List<SchemaCache.Function> fits = new ArrayList<>();
        for (SchemaCache.Function f : schema.functions(name)) {
            List<String> args = f.argNames();
            boolean requiredPresent = keys.containsAll(args.subList(0, f.required()));
            if (args.containsAll(keys) && requiredPresent) {
                fits.add(f);
            }
        }
        if (fits.isEmpty()) {
            throw new PgrstError(404, "PGRST202", "Could not find the function public." + name + "("
                    + String.join(", ", keys) + ") in the schema cache",
                    "Searched for the function public." + name + " with parameters " + String.join(", ", keys)
                            + " or with a single unnamed json/jsonb parameter, but no matches were found in the"
                            + " schema cache.", null);
        }
        if (fits.size() > 1) {
            throw new PgrstError(300, "PGRST203", "Could not choose the best candidate function between: "
                    + fits.size() + " overloads of public." + name, null,
                    "Try renaming the parameters or the function itself in the database so function overloading"
                            + " can be resolved");
        }
        return new Resolved(fits.get(0), List.copyOf(keys));
    }

    /** A function and the arguments the call names. */
    record Resolved(SchemaCache.Function function, List<String> keys) {
    }

    Response call(Connection c, Resolved r, String body, boolean single) throws SQLException {
        SchemaCache.Function f = r.function();
        String fn = Sql.ident("public") + "." + Sql.ident(f.name());
        StringBuilder args = new StringBuilder();
        StringBuilder recordType = new StringBuilder();
        for (String key : r.keys()) {
            int i = f.argNames().indexOf(key);
            args.append(args.length() == 0 ? "" : ", ").append(Sql.ident(key)).append(" := pgrst_args.")
                    .append(Sql.ident(key));
            recordType.append(recordType.length() == 0 ? "" : ", ").append(Sql.ident(key)).append(' ')
                    .append(f.argTypes().get(i));
        }
        String from = r.keys().isEmpty() ? "(SELECT 1) pgrst_args"
                : "json_to_record((SELECT json_data FROM pgrst_payload)) AS pgrst_args(" + recordType + ")";
        String call = fn + "(" + args + ")";
        String sql;
        if (f.returnsSet() || f.returnsComposite()) {
            sql = "WITH pgrst_payload AS (SELECT ?::json AS json_data) SELECT pg_catalog.count(_postgrest_t),"
                    + " coalesce(json_agg(_postgrest_t), '[]')::text,"
                    + " coalesce((json_agg(_postgrest_t) -> 0)::text, 'null')"
                    + " FROM " + from + ", LATERAL " + call + " _postgrest_t";
        } else {
            sql = "WITH pgrst_payload AS (SELECT ?::json AS json_data) SELECT 1, coalesce(to_json(" + call
                    + ")::text, 'null'), null FROM " + from;
        }
        long rows;
        String array;
        String first;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, body == null || body.isBlank() ? "{}" : body);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                rows = rs.getLong(1);
                array = rs.getString(2);
                first = rs.getString(3);
            }
        }
        if (f.returnsVoid()) {
            return Response.of(204, null);
        }
        if (!f.returnsSet() && !f.returnsComposite()) {
            return Response.of(200, array);
        }
        if (single || !f.returnsSet()) {
            if (single && rows != 1) {
                throw PgrstError.notSingular(rows);
            }
            return Response.of(200, first);
        }
        return Response.of(200, array).header("Content-Range", rows == 0 ? "*/*" : "0-" + (rows - 1) + "/*");
    }

    private static Set<String> keys(String body) {
        if (body == null || body.isBlank()) {
            return new TreeSet<>();
        }
        try {
            return new TreeSet<>(JSONObjectUtils.parse(body).keySet());
        } catch (ParseException e) {
            throw PgrstError.body("Empty or invalid json");
        }
    }
}
