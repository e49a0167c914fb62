package co.omegamax.platform.adapter.supabase.gateway;

import co.omegamax.platform.pgschema.SchemaTarget;
import co.omegamax.platform.pgschema.SchemaTools;
import co.omegamax.platform.pgschema.StepResult;
import co.omegamax.platform.tck.Jwts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local stand-in for a Supabase project's database API, for tests: embedded PostgreSQL (loopback only) with
 * Supabase's roles ({@code anon}, {@code authenticated}, {@code service_role} NOLOGIN; the {@code authenticator} login
 * that is merely granted them, no superuser, no BYPASSRLS; an owner login that plays Supabase's {@code postgres} role and
 * whose tables are granted to the three API roles by default privileges, as on Supabase), the real OMEGA migrations
 * of {@code omega-platform-pgschema} applied with app role {@code authenticated}, and a {@link PostgrestGateway} serving
 * {@code <url>/rest/v1/...}. Tokens are HS256 JWTs signed with the project's JWT secret, like a legacy Supabase
 * project's.
 *
 * <pre>{@code
 * LocalSupabase supabase = LocalSupabase.shared();          // one per JVM, stopped at exit
 * supabase.truncateAll();                                    // fresh data for this test
 * String token = supabase.accessTokenFor("user-alice");      // what GoTrue would issue
 * // GET supabase.url() + "/rest/v1/workspaces", headers apikey: supabase.anonKey(), Authorization: Bearer token
 * }</pre>
 */
public final class LocalSupabase implements AutoCloseable {
    /** The role named in the policies, as on Supabase. */
    public static final String APP_ROLE = "authenticated";
    private static final String DATABASE = "supabase";
    private static final String OWNER = "supabase_owner";
    private static final String AUTHENTICATOR = "authenticator";
    private static final int THREADS = 8;

    private static final Logger LOG = LoggerFactory.getLogger(LocalSupabase.class);
    private static LocalSupabase shared;

    static {
        // The JDK HttpServer writes headers and body separately; without TCP_NODELAY, Nagle's algorithm and the
        // client's delayed ACK add ~40 ms to every response. Read once, when the JDK's server config loads.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final EmbeddedPostgres postgres;
    private final String ownerPassword = randomSecret(24);
    private final String authenticatorPassword = randomSecret(24);
    private final String jwtSecret = randomSecret(48);
    private final String anonKey;
    private final String serviceRoleKey;
    private final ConnectionPool pool;
    private final PostgrestGateway gateway;
    private final boolean isShared;
    private final Duration startup;

    private LocalSupabase(boolean isShared) throws IOException, SQLException {
        Instant begin = Instant.now();
        this.isShared = isShared;
        this.postgres = EmbeddedPostgres.builder()
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .start();
        Instant postgresUp = Instant.now();
        ConnectionPool created = null;
        try {
            provisionRoles();
            provisionDatabase(DATABASE);
            StepResult migrated = migrate(jdbcUrl(DATABASE));
            if (!migrated.ok()) {
                throw new IllegalStateException("migrating the local Supabase database failed: " + migrated);
            }
            this.anonKey = sign(Map.of("iss", "supabase-local", "role", "anon"), Duration.ofDays(3650));
            this.serviceRoleKey = sign(Map.of("iss", "supabase-local", "role", "service_role"), Duration.ofDays(3650));
            created = new ConnectionPool(jdbcUrl(DATABASE), AUTHENTICATOR, authenticatorPassword, THREADS);
            this.pool = created;
            this.gateway = new PostgrestGateway(created, new RequestAuth(Set.of(anonKey, serviceRoleKey), jwtSecret,
                    Clock.systemUTC()), THREADS);
        } catch (IOException | SQLException | RuntimeException e) {
            if (created != null) {
                created.close();
            }
            postgres.close();
            throw e;
        }
        this.startup = Duration.between(begin, Instant.now());
        LOG.info("local Supabase ready at {} in {} ms (PostgreSQL {} ms, roles and migrations {} ms)", url(),
                startup.toMillis(), Duration.between(begin, postgresUp).toMillis(),
                Duration.between(postgresUp, Instant.now()).toMillis());
    }

    /**
     * @return the JVM-wide instance, started on first use (a few seconds) and stopped by a shutdown hook; its
     *     {@link #close()} does nothing, so test classes may share it freely (call {@link #truncateAll()} for
     *     fresh data)
     */
    public static synchronized LocalSupabase shared() {
        if (shared == null) {
            LocalSupabase started = start(true);
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "local-supabase-stop"));
            shared = started;
        }
        return shared;
    }

    /** @return a private instance; {@link #close()} stops it */
    public static LocalSupabase start() {
        return start(false);
    }

    private static LocalSupabase start(boolean isShared) {
        try {
            return new LocalSupabase(isShared);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot start the local Supabase (embedded PostgreSQL + gateway): "
                    + e.getMessage(), e);
        }
    }

    /** @return the project URL, {@code http://127.0.0.1:<port>}; the REST API is under {@code /rest/v1} */
    public String url() {
        return gateway.url();
    }

    /** @return {@code url() + "/rest/v1"} */
    public String restUrl() {
        return url() + "/rest/v1";
    }

    /** @return the anon key: sent as {@code apikey} on every call (an HS256 JWT with role anon) */
    public String anonKey() {
        return anonKey;
    }

    /** @return the service-role key (an HS256 JWT with role service_role, which has BYPASSRLS as on Supabase) */
    public String serviceRoleKey() {
        return serviceRoleKey;
    }

    /** @return the project's JWT secret (HS256), as under Supabase's Settings → API */
    public String jwtSecret() {
        return jwtSecret;
    }

    /**
     * @return an access token as Supabase Auth issues it: HS256, {@code sub=userId}, {@code role=authenticated},
     *     {@code aud=authenticated}, expiring in one hour
     */
    public String accessTokenFor(String userId) {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("userId is required: the token's sub claim");
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", url() + "/auth/v1");
        claims.put("sub", userId);
        claims.put("aud", "authenticated");
        claims.put("role", "authenticated");
        return sign(claims, Duration.ofHours(1));
    }

    /** @return {@code claims} signed with the JWT secret, {@code iat} now and {@code exp} after {@code lifetime} */
    public String sign(Map<String, Object> claims, Duration lifetime) {
        Map<String, Object> all = new LinkedHashMap<>(claims);
        long now = Instant.now().getEpochSecond();
        all.putIfAbsent("iat", now);
        all.putIfAbsent("exp", now + lifetime.getSeconds());
        return Jwts.hs256(Map.of("alg", "HS256", "typ", "JWT"), all, jwtSecret.getBytes(StandardCharsets.UTF_8));
    }

    /** @return JDBC URL of the project database (as the owner: for schema tools and migration tests) */
    public String ownerJdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    /** @return the owner role (plays Supabase's {@code postgres}: owns the schema, runs migrations) */
    public String ownerUser() {
        return OWNER;
    }

    /** @return the owner's password */
    public String ownerPassword() {
        return ownerPassword;
    }

    /** @return a superuser connection to the project database (RLS does not apply to it); close it */
    public Connection superuserConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(DATABASE), "postgres", "postgres");
    }

    /**
     * Creates (or re-creates) an empty database owned by the owner role, with Supabase's grants but no OMEGA schema,
     * for bring-your-own-Supabase setup tests. The gateway keeps serving the project database.
     *
     * @return its JDBC URL
     */
    public String createEmptyDatabase(String name) {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}") || name.equals(DATABASE) || name.equals("postgres")) {
            throw new IllegalArgumentException("database name '" + name + "' must be a lower-case identifier other"
                    + " than " + DATABASE + " and postgres");
        }
        try {
            superExec("postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            provisionDatabase(name);
            return jdbcUrl(name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
    }

    /** Empties every table of the project database except the migration history (TRUNCATE skips RLS). */
    public void truncateAll() {
        try (Connection c = DriverManager.getConnection(jdbcUrl(DATABASE), OWNER, ownerPassword);
             Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("select quote_ident(tablename) from pg_tables"
                    + " where schemaname = 'public' and tablename <> 'omega_schema_history'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            if (!tables.isEmpty()) {
                st.execute("TRUNCATE " + String.join(", ", tables) + " CASCADE");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot empty the local Supabase tables: " + e.getMessage(), e);
        }
    }

    /** Makes the gateway re-read tables and functions (after creating some outside the migrations). */
    public void reloadSchema() {
        gateway.reloadSchema();
    }

    /** @return how many HTTP requests reached the gateway */
    public int requests() {
        return gateway.requests();
    }

    /** @return how long starting PostgreSQL, migrating and starting the gateway took */
    public Duration startupTime() {
        return startup;
    }

    /** Stops a private instance; does nothing for {@link #shared()} (a shutdown hook stops that one). */
    @Override
    public void close() {
        if (!isShared) {
            stop();
        }
    }

    private void stop() {
        gateway.close();
        pool.close();
        try {
            postgres.close();
        } catch (IOException ignored) {
            // the server is going away anyway
        }
    }

    private String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database;
    }

    private void provisionRoles() throws SQLException {
        superExec("postgres",
                "CREATE ROLE anon NOLOGIN NOINHERIT",
                "CREATE ROLE authenticated NOLOGIN NOINHERIT",
                "CREATE ROLE service_role NOLOGIN NOINHERIT BYPASSRLS",
                "CREATE ROLE " + AUTHENTICATOR + " LOGIN NOINHERIT NOSUPERUSER NOBYPASSRLS PASSWORD '"
                        + authenticatorPassword + "'",
                "GRANT anon, authenticated, service_role TO " + AUTHENTICATOR,
                "CREATE ROLE " + OWNER + " LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD '" + ownerPassword + "'");
    }

    private void provisionDatabase(String database) throws SQLException {
        superExec("postgres", "CREATE DATABASE " + database + " OWNER " + OWNER);
        try (Connection c = DriverManager.getConnection(jdbcUrl(database), OWNER, ownerPassword);
             Statement st = c.createStatement()) {
            st.execute("GRANT USAGE ON SCHEMA public TO anon, authenticated, service_role");
            st.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON TABLES TO anon, authenticated, service_role");
            st.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON SEQUENCES TO anon, authenticated,"
                    + " service_role");
            st.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON FUNCTIONS TO anon, authenticated,"
                    + " service_role");
        }
    }

    private StepResult migrate(String url) {
        return new SchemaTools(SchemaTarget.of(url, OWNER, ownerPassword, APP_ROLE).withOwner(OWNER, ownerPassword),
                SchemaTools.Guidance.GENERIC).migrate();
    }

    private void superExec(String database, String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl(database), "postgres", "postgres");
             Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    private static String randomSecret(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
