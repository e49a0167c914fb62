package co.omegamax.platform.adapter.supabase.gateway;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * PostgREST's schema cache, reduced to what the gateway needs: the tables and views of schema {@code public}
 * (columns, types, primary key) and its functions (input argument names and types, return shape). Identifiers in a
 * request are looked up here before they reach SQL; an unknown name reloads the cache once (PostgREST needs a
 * {@code NOTIFY pgrst} for that; a test that adds a migration should not).
 */
final class SchemaCache {
    /** A table or view column. */
    record Column(String name, String type, boolean generated) {
    }

    /** A table or view of schema public. */
    record Table(String name, Map<String, Column> columns, List<String> primaryKey) {
        Column column(String column) {
            Column c = columns.get(column);
            if (c == null) {
                throw PgrstError.undefinedColumn(name, column);
            }
            return c;
        }
    }

    /** A function of schema public. */
    record Function(String name, List<String> argNames, List<String> argTypes, int defaults, boolean returnsSet,
                    boolean returnsComposite, boolean returnsVoid) {
        int required() {
            return argNames.size() - defaults;
        }
    }

    private final ConnectionPool pool;
    private volatile Map<String, Table> tables = Map.of();
    private volatile Map<String, List<Function>> functions = Map.of();

    SchemaCache(ConnectionPool pool) {
        this.pool = pool;
    }

    /** @return the table, reloading once if unknown; PGRST205 if it still is */
    Table table(String name) {
        Table t = tables.get(name);
        if (t == null) {
            reload();
            t = tables.get(name);
        }
        if (t == null) {
            throw PgrstError.noTable(name);
        }
        return t;
    }

    /** @return the overloads named {@code name}, reloading once if none */
    List<Function> functions(String name) {
        List<Function> f = functions.get(name);
        if (f == null) {
            reload();
            f = functions.get(name);
        }
        return f == null ? List.of() : f;
    }

    synchronized void reload() {
        try (ConnectionPool.Lease lease = pool.lease()) {
            Connection c = lease.connection();
            try (Statement st = c.createStatement()) {
                tables = loadTables(st);
                functions = loadFunctions(st);
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot load the schema cache: " + e.getMessage(), e);
        }
    }

    private static Map<String, Table> loadTables(Statement st) throws SQLException {
        Map<String, Map<String, Column>> cols = new TreeMap<>();
        Map<String, TreeMap<Integer, String>> pks = new HashMap<>();
        try (ResultSet rs = st.executeQuery("select c.relname, a.attname, format_type(a.atttypid, a.atttypmod),"
                + " a.attgenerated <> '', array_position(i.indkey::int2[], a.attnum)"
                + " from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                + " join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped"
                + " left join pg_index i on i.indrelid = c.oid and i.indisprimary"
                + " where n.nspname = 'public' and c.relkind in ('r', 'v', 'm', 'p', 'f')"
                + " order by c.relname, a.attnum")) {
            while (rs.next()) {
                String table = rs.getString(1);
                String column = rs.getString(2);
                cols.computeIfAbsent(table, k -> new LinkedHashMap<>())
                        .put(column, new Column(column, rs.getString(3), rs.getBoolean(4)));
                int pkPosition = rs.getInt(5);
                if (!rs.wasNull()) {
                    pks.computeIfAbsent(table, k -> new TreeMap<>()).put(pkPosition, column);
                }
            }
        }
        Map<String, Table> result = new HashMap<>();
        cols.forEach((name, columns) -> result.put(name, new Table(name, Collections.unmodifiableMap(columns),
                List.copyOf(pks.getOrDefault(name, new TreeMap<>()).values()))));
        return result;
    }

    private static Map<String, List<Function>> loadFunctions(Statement st) throws SQLException {
        Map<String, List<Function>> result = new HashMap<>();
        try (ResultSet rs = st.executeQuery("select p.proname, p.proargnames, p.proargmodes::text[],"
                + " array(select format_type(x, null) from unnest(p.proargtypes) with ordinality u(x, o) order by o),"
                + " p.pronargdefaults, p.proretset, t.typtype = 'c' or p.prorettype = 'record'::regtype,"
                + " p.prorettype = 'void'::regtype"
                + " from pg_proc p join pg_namespace n on n.oid = p.pronamespace join pg_type t on t.oid = p.prorettype"
                + " where n.nspname = 'public' and p.prokind = 'f'")) {
            while (rs.next()) {
                String[] names = strings(rs.getArray(2));
                String[] modes = strings(rs.getArray(3));
                String[] inTypes = strings(rs.getArray(4));
                List<String> argNames = new ArrayList<>();
                for (int i = 0, in = 0; in < inTypes.length; i++) {
                    boolean input = modes == null || modes[i].equals("i") || modes[i].equals("b") || modes[i].equals("v");
                    if (input) {
                        argNames.add(names == null || i >= names.length ? "" : names[i]);
                        in++;
                    }
                }
                Function f = new Function(rs.getString(1), List.copyOf(argNames), List.of(inTypes), rs.getInt(5),
                        rs.getBoolean(6), rs.getBoolean(7), rs.getBoolean(8));
                result.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(f);
            }
        }
        return result;
    }

    private static String[] strings(Array array) throws SQLException {
        return array == null ? null : (String[]) array.getArray();
    }
}
