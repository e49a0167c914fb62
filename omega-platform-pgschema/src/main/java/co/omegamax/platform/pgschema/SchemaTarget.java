package co.omegamax.platform.pgschema;

import co.omegamax.platform.spi.ConfigurationException;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The database the {@link SchemaTools} work on, and as whom. Two roles: {@code user} runs the checks (on raw
 * PostgreSQL the store's login role, which owns nothing and has no BYPASSRLS), and the optional owner runs the
 * migrations. {@code appRole} is the role the policies and grants name: normally {@code user}, and
 * {@code authenticated} on Supabase (where {@code user} and owner may both be {@code postgres}). Passwords never
 * appear in {@link #toString()} or in any message.
 *
 * @param url           JDBC URL, e.g. {@code jdbc:postgresql://db.internal:5432/omega}
 * @param user          role the checks connect as
 * @param password      its password (null for trust/peer authentication)
 * @param ownerUser     role that owns the schema and runs the migrations, or null
 * @param ownerPassword its password, or null
 * @param appRole       role named in the policies; null or blank means {@code user}
 */
public record SchemaTarget(String url, String user, String password, String ownerUser, String ownerPassword,
                           String appRole) {
    /** Checks the values. */
    public SchemaTarget {
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            throw new ConfigurationException("PostgreSQL URL must start with jdbc:postgresql:, e.g."
                    + " jdbc:postgresql://localhost:5432/omega (got " + redactUrl(url) + ")");
        }
        if (user == null || user.isBlank()) {
            throw new ConfigurationException("the PostgreSQL user to connect as is required");
        }
        if (appRole == null || appRole.isBlank()) {
            appRole = user;
        }
        if (!appRole.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
            throw new ConfigurationException("application role name '" + appRole + "' must be a plain identifier"
                    + " (letters, digits, underscore), e.g. omega_app or authenticated");
        }
    }

    /** @return a target without owner credentials (it can check, not migrate) */
    public static SchemaTarget of(String url, String user, String password, String appRole) {
        return new SchemaTarget(url, user, password, null, null, appRole);
    }

    /** @return this target with owner credentials, so {@link SchemaTools#migrate()} can run */
    public SchemaTarget withOwner(String owner, String ownerPass) {
        return new SchemaTarget(url, user, password, owner, ownerPass, appRole);
    }

    /** @return whether owner credentials are present */
    public boolean hasOwner() {
        return ownerUser != null && !ownerUser.isBlank();
    }

    /** @return the URL without its query string (which may carry credentials) */
    public String safeUrl() {
        return redactUrl(url);
    }

    /** @return an unpooled data source connecting as {@code user} (strings sent untyped, for UUID/JSONB columns) */
    public DataSource userDataSource() {
        return simple(user, password);
    }

    /** @return an unpooled data source connecting as the owner; ConfigurationException without owner credentials */
    public DataSource ownerDataSource() {
        if (!hasOwner()) {
            throw new ConfigurationException("no owner role configured for " + safeUrl() + "; add owner credentials"
                    + " (SchemaTarget.withOwner) to run migrations");
        }
        return simple(ownerUser, ownerPassword);
    }

    private DataSource simple(String role, String secret) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        ds.setUser(role);
        ds.setPassword(secret);
        ds.setStringType("unspecified");
        ds.setApplicationName("omega-schema-tools");
        return ds;
    }

    /** @return {@code url} without its query string (which may carry credentials); "null" for null */
    public static String redactUrl(String url) {
        if (url == null) {
            return "null";
        }
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q) + "?…";
    }

    @Override
    public String toString() {
        return "SchemaTarget[url=" + safeUrl() + ", user=" + user + ", password=" + (password == null ? "none" : "***")
                + ", ownerUser=" + ownerUser + ", ownerPassword=" + (ownerPassword == null ? "none" : "***")
                + ", appRole=" + appRole + "]";
    }
}
