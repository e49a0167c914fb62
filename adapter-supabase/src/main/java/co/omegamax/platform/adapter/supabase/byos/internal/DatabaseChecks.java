package co.omegamax.platform.adapter.supabase.byos.internal;

import co.omegamax.platform.pgschema.PgSchema;
import co.omegamax.platform.pgschema.SchemaTarget;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Supabase-specific checks over the direct database connection (as the owner role): that it is reachable, is a
 * Supabase database (roles {@code anon} and {@code authenticated}) and lets the owner
 * create tables; and, after migrating, that every OMEGA table has Row Level Security enabled and forced (and a policy
 * where it has a {@code user_id} column). Migrations themselves are {@code omega-platform-pgschema}'s.
 */
public final class DatabaseChecks {
    /** CREATE TABLE x | ALTER TABLE x RENAME TO y | DROP TABLE x, with optional IF [NOT] EXISTS and public. */
    private static final Pattern TABLE_DDL = Pattern.compile("(?i)"
            + "\\bcreate\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?" + table("created")
            + "|\\balter\\s+table\\s+(?:if\\s+exists\\s+)?" + table("from") + "\\s+rename\\s+to\\s+" + table("to")
            + "|\\bdrop\\s+table\\s+(?:if\\s+exists\\s+)?" + table("dropped"));
    private final SchemaTarget target;

    private static String table(String group) {
        return "(?:public\\.)?\"?(?<" + group + ">[a-z_][a-z0-9_]*)\"?";
    }

    /** @param target the database, with owner credentials */
    public DatabaseChecks(SchemaTarget target) {
        this.target = target;
    }

    /** The outcome of {@link #connect()}: a problem, or null and the server version. */
    public record Connected(String serverVersion, String problem, String fix) {
    }

    /** @return the server version, or what is wrong with the connection and how to fix it */
    public Connected connect() {
        try (Connection c = target.ownerDataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select current_setting('server_version'),"
                     + " exists(select 1 from pg_roles where rolname = 'authenticated'),"
                     + " exists(select 1 from pg_roles where rolname = 'anon'),"
                     + " has_schema_privilege(current_user, 'public', 'CREATE')")) {
            rs.next();
            String version = rs.getString(1);
            if (!rs.getBoolean(2) || !rs.getBoolean(3)) {
                return new Connected(version, "the database at " + target.safeUrl() + " is not a Supabase database"
                        + " (its roles anon and authenticated are missing)", "enter the connection"
                        + " string of this Supabase project (Project Settings → Database); for a plain PostgreSQL"
                        + " server use adapter-postgres instead");
            }
            if (!rs.getBoolean(4)) {
                return new Connected(version, "role '" + target.ownerUser() + "' may not create tables in schema"
                        + " public", "connect as the project's postgres role (the connection string's default user)");
            }
            return new Connected(version, null, null);
        } catch (SQLException e) {
            return new Connected(null, "cannot connect to " + target.safeUrl() + " as '" + target.ownerUser() + "': "
                    + e.getMessage() + " (SQLState " + e.getSQLState() + ")", hint(e.getSQLState()));
        }
    }

    private static String hint(String sqlState) {
        if (sqlState == null) {
            return "check the connection string, network and TLS settings (Supabase needs sslmode=require)";
        }
        if (sqlState.startsWith("08")) {
            return "check host and port (Project Settings → Database → Connection string); is the project paused,"
                    + " or does a firewall or IPv6-only host block this machine? Try the connection pooler's host";
        }
        if (sqlState.equals("28P01") || sqlState.equals("28000")) {
            return "check the database user and password (Project Settings → Database; reset the password there if"
                    + " it is lost)";
        }
        if (sqlState.equals("3D000")) {
            return "the database name in the connection string is wrong; Supabase's is postgres";
        }
        return "see the PostgreSQL error above";
    }

    /**
     * @param tables the OMEGA tables to check
     * @return the tables without enabled and forced Row Level Security, or with a {@code user_id} column but no
     *     policy (users could not reach their rows); empty if all are as the migrations left them
     * @throws SQLException if the catalog cannot be read
     */
    public List<String> tablesWithoutRls(List<String> tables) throws SQLException {
        List<String> bad = new ArrayList<>();
        try (Connection c = target.ownerDataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("select c.relrowsecurity, c.relforcerowsecurity,"
                     + " (select count(*) from pg_policy p where p.polrelid = c.oid),"
                     + " exists(select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'user_id'"
                     + " and not a.attisdropped)"
                     + " from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                     + " where n.nspname = 'public' and c.relname = ?")) {
            for (String table : tables) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        bad.add(table + " (missing)");
                    } else if (!rs.getBoolean(1)) {
                        bad.add(table + " (RLS disabled)");
                    } else if (!rs.getBoolean(2)) {
                        bad.add(table + " (RLS not forced)");
                    } else if (rs.getLong(3) == 0 && rs.getBoolean(4)) {
                        bad.add(table + " (no policy)");
                    }
                }
            }
        }
        return bad;
    }

    /** @return whether schema public has this table (seen in the catalog, whatever its RLS) */
    public boolean tableExists(String table) throws SQLException {
        try (Connection c = target.ownerDataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("select to_regclass(quote_ident(?)) is not null")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Asks PostgREST to reload its schema cache (after migrating). Ignored if nobody listens. */
    public void reloadRestSchemaCache() throws SQLException {
        try (Connection c = target.ownerDataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("notify pgrst, 'reload schema'");
        }
    }

    /**
     * @return the tables the OMEGA migrations leave behind, read from the migration SQL in order (CREATE TABLE, ALTER
     *     TABLE … RENAME TO, DROP TABLE), so it follows new scripts; without the migration history table
     */
    public static List<String> omegaTables() {
        Matcher m = TABLE_DDL.matcher(PgSchema.sqlAfter(0, "authenticated"));
        Set<String> names = new LinkedHashSet<>();
        while (m.find()) {
            if (m.group("created") != null) {
                names.add(m.group("created").toLowerCase(Locale.ROOT));
            } else if (m.group("from") != null && names.remove(m.group("from").toLowerCase(Locale.ROOT))) {
                names.add(m.group("to").toLowerCase(Locale.ROOT));
            } else if (m.group("dropped") != null) {
                names.remove(m.group("dropped").toLowerCase(Locale.ROOT));
            }
        }
        names.remove(PgSchema.HISTORY_TABLE);
        return List.copyOf(names);
    }
}
