package co.omegamax.platform.adapter.supabase.byos;

import co.omegamax.platform.spi.InvalidInputException;
import java.net.URI;

/**
 * What a user gives to bring their own Supabase: the project URL and anon (publishable) key, optionally the
 * service-role key (kept, never used for reads) and a direct PostgreSQL connection (for migrations). Secrets never
 * appear in {@link #toString()}.
 *
 * @param supabaseUrl    the project URL, e.g. {@code https://abcd.supabase.co} (https; http only on 127.0.0.1 or
 *                       localhost); stored without a trailing slash
 * @param anonKey        the anon (publishable) key
 * @param serviceRoleKey the service-role (secret) key, or null; optional and never required
 * @param database       a direct PostgreSQL connection for migrations, or null
 */
public record ByosCredentials(String supabaseUrl, String anonKey, String serviceRoleKey, DatabaseConnection database) {
    /** Validates the components. @throws InvalidInputException naming the bad field and how to fix it */
    public ByosCredentials {
        supabaseUrl = checkUrl(supabaseUrl);
        anonKey = checkKey("anonKey", anonKey, "copy the anon (publishable) key from Project Settings → API");
        serviceRoleKey = serviceRoleKey == null || serviceRoleKey.isBlank() ? null
                : checkKey("serviceRoleKey", serviceRoleKey, "leave it empty: it is optional");
    }

    /** @return credentials with only URL and anon key */
    public static ByosCredentials of(String supabaseUrl, String anonKey) {
        return new ByosCredentials(supabaseUrl, anonKey, null, null);
    }

    /** @return a copy with this direct database connection (null removes it) */
    public ByosCredentials withDatabase(DatabaseConnection database) {
        return new ByosCredentials(supabaseUrl, anonKey, serviceRoleKey, database);
    }

    /** @return the PostgREST endpoint, {@code <url>/rest/v1} */
    public String restEndpoint() {
        return supabaseUrl + "/rest/v1";
    }

    private static String checkUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidInputException("supabaseUrl", "is required: the project URL from Project Settings → API,"
                    + " e.g. https://abcd.supabase.co");
        }
        String u = url.strip();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(u);
        } catch (java.net.URISyntaxException e) {
            throw new InvalidInputException("supabaseUrl", "is not a URL; enter it like https://abcd.supabase.co");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new InvalidInputException("supabaseUrl", "must be a plain https://host[:port] URL without user info,"
                    + " query or fragment, e.g. https://abcd.supabase.co");
        }
        boolean loopback = "127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost());
        if (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && loopback)) {
            throw new InvalidInputException("supabaseUrl", "must use https (http is accepted only for 127.0.0.1 or"
                    + " localhost during local development)");
        }
        return u;
    }

    private static String checkKey(String field, String key, String fix) {
        if (key == null || key.isBlank()) {
            throw new InvalidInputException(field, "is required; " + fix);
        }
        String k = key.strip();
        if (k.length() > 4096 || !k.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new InvalidInputException(field, "is not an API key (keys are one line of printable ASCII); " + fix);
        }
        return k;
    }

    @Override
    public String toString() {
        return "ByosCredentials[url=" + supabaseUrl + ", anonKey=***, serviceRoleKey="
                + (serviceRoleKey == null ? "none" : "***") + ", database=" + database + "]";
    }

    /**
     * A direct PostgreSQL connection to the project's database (Project Settings → Database), used only for
     * migrations and the schema version check.
     *
     * @param jdbcUrl  {@code jdbc:postgresql://host:port/database[?params]}
     * @param user     the role that owns (or will own) the OMEGA tables, usually {@code postgres}
     * @param password its password (never printed)
     */
    public record DatabaseConnection(String jdbcUrl, String user, String password) {
        /** Validates the components. @throws InvalidInputException naming the bad field */
        public DatabaseConnection {
            if (jdbcUrl == null || !jdbcUrl.strip().startsWith("jdbc:postgresql://")) {
                throw new InvalidInputException("database.jdbcUrl", "must start with jdbc:postgresql:// (e.g."
                        + " jdbc:postgresql://db.abcd.supabase.co:5432/postgres?sslmode=require)");
            }
            jdbcUrl = jdbcUrl.strip();
            if (jdbcUrl.toLowerCase(java.util.Locale.ROOT).contains("password=")) {
                throw new InvalidInputException("database.jdbcUrl", "must not contain the password; enter it in the"
                        + " password field");
            }
            if (user == null || user.isBlank()) {
                throw new InvalidInputException("database.user", "is required, usually postgres");
            }
            user = user.strip();
            if (password == null || password.isEmpty()) {
                throw new InvalidInputException("database.password", "is required: the database password from"
                        + " Project Settings → Database");
            }
        }

        /** @return the JDBC URL without its query (parameters may hold secrets) */
        public String safeUrl() {
            int q = jdbcUrl.indexOf('?');
            return q < 0 ? jdbcUrl : jdbcUrl.substring(0, q);
        }

        @Override
        public String toString() {
            return "DatabaseConnection[" + safeUrl() + ", user=" + user + ", password=***]";
        }
    }
}
