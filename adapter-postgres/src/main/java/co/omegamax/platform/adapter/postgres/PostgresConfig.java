package co.omegamax.platform.adapter.postgres;

import co.omegamax.platform.pgschema.SchemaTarget;
import co.omegamax.platform.spi.ConfigurationException;

/**
 * Where and how the PostgreSQL store connects. Two roles: the <b>application</b> role ({@code user}) that the
 * store connects as — it owns nothing and has no BYPASSRLS — and the optional <b>owner</b> role that runs the
 * migrations. Without owner credentials the store does not migrate; it only checks that the schema is at
 * {@link PostgresSchemaTools#REQUIRED_SCHEMA_VERSION}. Passwords never appear in {@link #toString()} or messages.
 *
 * @param url            JDBC URL, e.g. {@code jdbc:postgresql://db.internal:5432/omega}
 * @param user           application role
 * @param password       its password (may be null for trust/peer auth)
 * @param ownerUser      owner role that runs migrations, or null
 * @param ownerPassword  its password, or null
 * @param appRole        role named in the RLS policies (normally {@code user}; {@code authenticated} on Supabase)
 * @param poolSize       maximum pooled connections (1..200)
 * @param migrateOnOpen  whether opening the store migrates (only with owner credentials)
 */
public record PostgresConfig(String url, String user, String password, String ownerUser, String ownerPassword,
                             String appRole, int poolSize, boolean migrateOnOpen) {
    /** Default pool size. */
    public static final int DEFAULT_POOL_SIZE = 10;

    /** Checks the values. */
    public PostgresConfig {
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            throw new ConfigurationException("PostgreSQL URL must start with jdbc:postgresql:, e.g."
                    + " jdbc:postgresql://localhost:5432/omega (got " + redact(url) + ")");
        }
        if (user == null || user.isBlank()) {
            throw new ConfigurationException("the PostgreSQL application user is required (a role that owns nothing"
                    + " and has no BYPASSRLS)");
        }
        if (ownerUser != null && ownerUser.equals(user)) {
            throw new ConfigurationException("the application user '" + user + "' must not be the owner role: RLS"
                    + " policies apply to the application role only; create a separate role for the store");
        }
        if (appRole == null || appRole.isBlank()) {
            appRole = user;
        }
        if (!appRole.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
            throw new ConfigurationException("application role name '" + appRole + "' must be a plain identifier");
        }
        if (poolSize < 1 || poolSize > 200) {
            throw new ConfigurationException("pool size " + poolSize + " must be between 1 and 200");
        }
    }

    /** @return a config for the application role only (no migrations), pool size {@value #DEFAULT_POOL_SIZE} */
    public static PostgresConfig app(String url, String user, String password) {
        return new PostgresConfig(url, user, password, null, null, null, DEFAULT_POOL_SIZE, false);
    }

    /** @return this config with owner credentials that migrate on open */
    public PostgresConfig withOwner(String owner, String ownerPass) {
        return new PostgresConfig(url, user, password, owner, ownerPass, appRole, poolSize, owner != null);
    }

    /** @return this config with another pool size */
    public PostgresConfig withPoolSize(int size) {
        return new PostgresConfig(url, user, password, ownerUser, ownerPassword, appRole, size, migrateOnOpen);
    }

    /** @return this config with another role named in the policies */
    public PostgresConfig withAppRole(String role) {
        return new PostgresConfig(url, user, password, ownerUser, ownerPassword, role, poolSize, migrateOnOpen);
    }

    /** @return whether owner credentials are present */
    public boolean hasOwner() {
        return ownerUser != null && !ownerUser.isBlank();
    }

    /** @return the URL without its query string (which may carry credentials) */
    public String safeUrl() {
        return redact(url);
    }

    static String redact(String url) {
        return SchemaTarget.redactUrl(url);
    }

    @Override
    public String toString() {
        return "PostgresConfig[url=" + safeUrl() + ", user=" + user + ", password=" + (password == null ? "none" : "***")
                + ", ownerUser=" + ownerUser + ", ownerPassword=" + (ownerPassword == null ? "none" : "***")
                + ", appRole=" + appRole + ", poolSize=" + poolSize + ", migrateOnOpen=" + migrateOnOpen + "]";
    }
}
