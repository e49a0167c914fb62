package co.omegamax.platform.adapter.supabase.byos;

import co.omegamax.platform.adapter.supabase.AccessTokenSource;
import co.omegamax.platform.adapter.supabase.PermissionDeniedException;
import co.omegamax.platform.adapter.supabase.byos.ByosCredentials.DatabaseConnection;
import co.omegamax.platform.adapter.supabase.byos.internal.DatabaseChecks;
import co.omegamax.platform.adapter.supabase.byos.internal.RestProbe;
import co.omegamax.platform.adapter.supabase.byos.internal.UserStores;
import co.omegamax.platform.pgschema.PgSchema;
import co.omegamax.platform.pgschema.SchemaTarget;
import co.omegamax.platform.pgschema.SchemaTools;
import co.omegamax.platform.pgschema.SchemaVersion;
import co.omegamax.platform.pgschema.SchemaVersion.State;
import co.omegamax.platform.pgschema.StepResult;
import co.omegamax.platform.spi.AuthenticationException;
import co.omegamax.platform.spi.CreateWorkspaceInput;
import co.omegamax.platform.spi.DataStore;
import co.omegamax.platform.spi.NotFoundException;
import co.omegamax.platform.spi.PlatformException;
import co.omegamax.platform.spi.Validate;
import co.omegamax.platform.spi.Workspace;
import co.omegamax.platform.spi.WorkspaceType;
import com.nimbusds.jwt.JWTParser;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.net.ssl.SSLException;

/**
 * The "Bring your own Supabase" flow (spec §5.6, §7.5), one step at a time, the way a setup wizard calls it:
 * <ol>
 *   <li>{@link #testConnection()}: the REST endpoint answers and accepts the anon key; the direct database
 *       connection, if given, works and is a Supabase database;</li>
 *   <li>{@link #checkSchemaVersion()}: up to date, behind, ahead, empty or unknown;</li>
 *   <li>{@link #migrate()} through the direct connection, or {@link #migrationSql()} to download and review;</li>
 *   <li>{@link #verify()}: as the signed-in user, through PostgREST, insert a probe workspace, read it back, check
 *       that an anonymous request cannot see it, delete it (and, with a direct connection, that every OMEGA table
 *       has Row Level Security enabled and forced);</li>
 *   <li>{@link #storeCredentials}: seal the credentials and keep them in the user's account settings; only after a
 *       successful verification.</li>
 * </ol>
 * Every step returns a {@link ByosStepResult} saying what was found or went wrong and what to do next; no step throws
 * for a problem of the user's project, and no text contains the anon key, service-role key, database password or an
 * access token. The service-role key is never needed and never used.
 *
 * <pre>{@code
 * ByosSetup setup = ByosSetup.builder(ByosCredentials.of(url, anonKey)
 *                 .withDatabase(new DatabaseConnection(jdbcUrl, "postgres", dbPassword)))
 *         .signedInUser(supabaseUserId, tokens)          // the user's session on *their* Supabase
 *         .build();
 * ByosStepResult connection = setup.testConnection();   // show it; stop if !ok()
 * if (!setup.checkSchemaVersion().upToDate()) setup.migrate();
 * if (setup.verify().ok()) setup.storeCredentials(credentialStore, platformUserId, false);
 * }</pre>
 * One instance serves one wizard session; it is not thread-safe. Close it to release its HTTP client.
 */
public final class ByosSetup implements AutoCloseable {
    /** The role the migrations grant to and the policies name on Supabase. */
    public static final String APP_ROLE = "authenticated";
    private static final System.Logger LOG = System.getLogger(ByosSetup.class.getName());
    private static final String PROBE_TABLE = "workspaces";

    private final ByosCredentials credentials;
    private final String userId;
    private final AccessTokenSource tokens;
    private final RestProbe rest;
    private final SchemaTarget target;
    private final List<String> secrets = new ArrayList<>();
    private boolean verified;

    private ByosSetup(Builder b) {
        this.credentials = b.credentials;
        this.userId = b.userId;
        this.tokens = b.tokens;
        this.rest = new RestProbe(credentials.restEndpoint(), credentials.anonKey(), b.timeout);
        DatabaseConnection db = credentials.database();
        this.target = db == null ? null
                : SchemaTarget.of(db.jdbcUrl(), db.user(), db.password(), APP_ROLE).withOwner(db.user(), db.password());
        secrets.add(credentials.anonKey());
        if (credentials.serviceRoleKey() != null) {
            secrets.add(credentials.serviceRoleKey());
        }
        if (db != null) {
            secrets.add(db.password());
        }
    }

    /** @return a builder for these credentials */
    public static Builder builder(ByosCredentials credentials) {
        return new Builder(credentials);
    }

    /** @return the credentials this setup works with */
    public ByosCredentials credentials() {
        return credentials;
    }

    // ---- 1. connection ---------------------------------------------------------------------------------------

    /** Checks that the REST endpoint answers and accepts the anon key, then the direct database connection if given. */
    public ByosStepResult testConnection() {
        String keyProblem = anonKeyProblem(credentials.anonKey());
        if (keyProblem != null) {
            return report(ByosStepResult.failed(ByosStep.CONNECTION, keyProblem, "enter the anon (publishable) key"
                    + " from Project Settings → API; the service-role key bypasses Row Level Security and is never used"
                    + " for normal access"));
        }
        RestProbe.Answer answer;
        try {
            answer = rest.selectAnonymously(PROBE_TABLE, Map.of());
        } catch (IOException e) {
            return report(unreachable(ByosStep.CONNECTION, e));
        }
        ByosStepResult restResult = judgeConnection(answer);
        if (!restResult.ok() || target == null) {
            return report(restResult);
        }
        DatabaseChecks.Connected db = new DatabaseChecks(target).connect();
        if (db.problem() != null) {
            return report(ByosStepResult.failed(ByosStep.CONNECTION, "the REST endpoint works, but " + db.problem(),
                    db.fix()));
        }
        return report(ByosStepResult.ok(ByosStep.CONNECTION, restResult.detail() + "; the direct connection reaches"
                + " Supabase's PostgreSQL " + db.serverVersion() + " as '" + target.ownerUser() + "'",
                "check the schema version"));
    }

    private ByosStepResult judgeConnection(RestProbe.Answer a) {
        String where = credentials.restEndpoint();
        if (a.status() == 200 || a.permissionDenied() || a.tableMissing()) {
            return ByosStepResult.ok(ByosStep.CONNECTION, "the REST endpoint " + where + " answered and accepted the"
                    + " anon key" + (a.tableMissing() ? " (no OMEGA tables yet)" : ""), target == null
                    ? "check the schema version (add the direct database connection to read it and to migrate)"
                    : "check the schema version");
        }
        if (a.keyRefused()) {
            return ByosStepResult.failed(ByosStep.CONNECTION, where + " refused the anon key (HTTP " + a.status()
                    + describe(a) + ")", "copy the anon (publishable) key of this project from Project Settings → API;"
                    + " a key of another project is refused");
        }
        if (a.status() == 404 || a.status() / 100 == 3) {
            return ByosStepResult.failed(ByosStep.CONNECTION, where + " is not a Supabase REST endpoint (HTTP "
                    + a.status() + ")", "enter the project URL from Project Settings → API (https://<ref>.supabase.co),"
                    + " not the dashboard URL");
        }
        if (a.status() >= 500 || a.status() == 429) {
            return ByosStepResult.failed(ByosStep.CONNECTION, where + " answered HTTP " + a.status() + describe(a),
                    "the project may be paused, restarting or rate-limited; check it in the Supabase dashboard and try"
                            + " again in a minute");
        }
        return ByosStepResult.failed(ByosStep.CONNECTION, where + " answered unexpectedly (HTTP " + a.status()
                + describe(a) + ")", "check the project URL; if it is right, check the project's API settings");
    }

    // ---- 2. schema version -----------------------------------------------------------------------------------

    /** Compares the project's OMEGA schema version with the one this release needs. */
    public ByosSchemaCheck checkSchemaVersion() {
        int required = PgSchema.requiredVersion();
        if (target != null) {
            SchemaVersion v = new SchemaTools(target, SchemaTools.Guidance.GENERIC).checkSchemaVersion();
            if (v.state() == State.EMPTY && appliedByHand()) {
                return check(State.UNKNOWN, 0, required, false, "OMEGA tables exist but the migration history ("
                        + PgSchema.HISTORY_TABLE + ") does not: the SQL was applied by hand, so its version is unknown",
                        "run verify to see whether the schema works; apply later versions by hand too (migrationSql()"
                                + " then hands out every script, so review which ones are new), as migrate needs the"
                                + " history");
            }
            String next = switch (v.state()) {
                case UP_TO_DATE -> "verify access as a signed-in user";
                case EMPTY, BEHIND -> "run the migrations (migrate), or download migrationSql() to review and run it"
                        + " in the SQL editor";
                case AHEAD -> "this project was migrated by a newer OMEGA release; upgrade co.omegamax:adapter-supabase"
                        + " to that release";
                case UNKNOWN -> "run testConnection and fix what it reports, then check again";
            };
            return check(v.state(), v.current(), required, v.result().ok(), v.result().detail(), next);
        }
        RestProbe.Answer a;
        try {
            a = rest.selectAnonymously(PROBE_TABLE, Map.of());
        } catch (IOException e) {
            ByosStepResult r = unreachable(ByosStep.SCHEMA_VERSION, e);
            return check(State.UNKNOWN, 0, required, false, r.detail(), r.nextStep());
        }
        if (a.tableMissing()) {
            return check(State.EMPTY, 0, required, false, "the project has no OMEGA tables (the REST API does not know"
                    + " table " + PROBE_TABLE + ")", "add the direct database connection and run migrate, or run"
                    + " migrationSql() in the SQL editor");
        }
        return check(State.UNKNOWN, 0, required, false, "OMEGA tables exist, but their version can only be read"
                + " through the direct database connection", "add the direct database connection (Project Settings →"
                + " Database) to check and migrate, or run verify to see whether the schema works as it is");
    }

    private boolean appliedByHand() {
        try {
            return new DatabaseChecks(target).tableExists(PROBE_TABLE);
        } catch (SQLException e) {
            return false;
        }
    }

    private ByosSchemaCheck check(State state, int current, int required, boolean ok, String detail, String next) {
        ByosStepResult r = ok ? ByosStepResult.ok(ByosStep.SCHEMA_VERSION, detail, next)
                : ByosStepResult.failed(ByosStep.SCHEMA_VERSION, detail, next);
        return new ByosSchemaCheck(state, current, required, report(r));
    }

    // ---- 3. migrate ------------------------------------------------------------------------------------------

    /** Applies the pending migrations through the direct database connection (as its owner role). */
    public ByosStepResult migrate() {
        if (target == null) {
            return report(ByosStepResult.failed(ByosStep.MIGRATION, "migrations need the direct database connection,"
                    + " which was not given", "enter the connection string, user and password from Project Settings →"
                    + " Database, or download migrationSql() and run it in the Supabase SQL editor"));
        }
        DatabaseChecks.Connected db = new DatabaseChecks(target).connect();
        if (db.problem() != null) {
            return report(ByosStepResult.failed(ByosStep.MIGRATION, db.problem(), db.fix()));
        }
        StepResult r = new SchemaTools(target, SchemaTools.Guidance.GENERIC).migrate();
        if (!r.ok()) {
            return report(ByosStepResult.failed(ByosStep.MIGRATION, r.detail(), "fix the cause above and run migrate"
                    + " again (each script runs in a transaction, so a failed one left nothing behind); or review"
                    + " migrationSql() and run it in the SQL editor as the postgres role"));
        }
        try {
            new DatabaseChecks(target).reloadRestSchemaCache();
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not notify PostgREST to reload its schema cache ({0})",
                    e.getSQLState());
        }
        return report(ByosStepResult.ok(ByosStep.MIGRATION, r.detail(), "verify access as a signed-in user"));
    }

    /**
     * @return the SQL of the migrations this project still needs (all of them if its version cannot be read), with
     *     the Supabase role {@value #APP_ROLE} filled in, to review and run in the SQL editor as the postgres role
     */
    public String migrationSql() {
        if (target != null) {
            return new SchemaTools(target, SchemaTools.Guidance.GENERIC).migrationSql();
        }
        return PgSchema.sqlAfter(0, APP_ROLE);
    }

    // ---- 4. verify -------------------------------------------------------------------------------------------

    /**
     * As the signed-in user, through PostgREST: inserts a probe workspace, reads it back, checks that an anonymous
     * request cannot read it, and deletes it. With a direct connection, also checks that every OMEGA table has Row
     * Level Security enabled and forced. The probe row is removed even when a check fails.
     */
    public ByosStepResult verify() {
        verified = false;
        if (userId == null) {
            return report(ByosStepResult.failed(ByosStep.VERIFICATION, "no signed-in user was given", "sign in to"
                    + " the project's Supabase Auth and pass the session (Builder.signedInUser) to verify"));
        }
        try {
            tokens.accessToken(userId);
        } catch (AuthenticationException e) {
            return report(ByosStepResult.failed(ByosStep.VERIFICATION, "user '" + userId + "' could not get an access"
                    + " token from this project: " + e.getMessage(), "sign in again to the project's Supabase Auth"));
        }
        ByosStepResult result;
        try (DataStore store = UserStores.open(credentials, tokens)) {
            result = probe(store);
        } catch (Exception e) {
            result = ByosStepResult.failed(ByosStep.VERIFICATION, "the verification could not run: "
                    + e.getClass().getSimpleName() + ": " + e.getMessage(), "check the connection first");
        }
        if (result.ok() && target != null) {
            result = checkRlsInCatalog(result);
        }
        verified = result.ok();
        return report(result);
    }

    private ByosStepResult probe(DataStore store) {
        String slug = "omega-verify-" + UUID.randomUUID().toString().substring(0, 8);
        Workspace created;
        try {
            created = store.createWorkspace(userId, new CreateWorkspaceInput("OMEGA connection check",
                    WorkspaceType.PERSONAL, slug, null));
        } catch (PermissionDeniedException e) {
            return ByosStepResult.failed(ByosStep.VERIFICATION, "the signed-in user may not insert into "
                    + PROBE_TABLE + ": " + e.getMessage(), "the grants or the user_isolation policy for role '"
                    + APP_ROLE + "' are missing; run migrate (or the migration SQL) again");
        } catch (PlatformException e) {
            return ByosStepResult.failed(ByosStep.VERIFICATION, "inserting the probe row as user '" + userId
                    + "' failed: " + e.getMessage(), "check the schema version and migrate first");
        }
        String id = created.id();
        try {
            if (store.getWorkspaceById(userId, id).isEmpty()) {
                return ByosStepResult.failed(ByosStep.VERIFICATION, "the probe row was inserted but the signed-in"
                        + " user cannot read it back", "the select policy for role '" + APP_ROLE + "' is missing or"
                        + " wrong; run migrate (or the migration SQL) again");
            }
            RestProbe.Answer anon;
            try {
                anon = rest.selectAnonymously(PROBE_TABLE, Map.of("id", id));
            } catch (IOException e) {
                return unreachable(ByosStep.VERIFICATION, e);
            }
            if (anon.status() == 200 && anon.rows() != 0) {
                return ByosStepResult.failed(ByosStep.VERIFICATION, "an anonymous request (anon key only) could read"
                        + " the signed-in user's probe row: Row Level Security does not protect " + PROBE_TABLE,
                        "enable and force Row Level Security on every OMEGA table (ALTER TABLE … ENABLE/FORCE ROW LEVEL"
                                + " SECURITY) and re-run migrate; do not use this project until verify passes");
            }
            if (!(anon.status() == 200 || anon.permissionDenied())) {
                return ByosStepResult.failed(ByosStep.VERIFICATION, "the anonymous read check got HTTP "
                        + anon.status() + describe(anon), "run testConnection again");
            }
        } finally {
            deleteProbe(store, id);
        }
        if (store.getWorkspaceById(userId, id).isPresent()) {
            return ByosStepResult.failed(ByosStep.VERIFICATION, "the signed-in user cannot delete its own probe row",
                    "the delete policy or grant for role '" + APP_ROLE + "' is missing; run migrate again, then delete"
                            + " workspace '" + slug + "' by hand");
        }
        return ByosStepResult.ok(ByosStep.VERIFICATION, "as user '" + userId + "', inserted, read back and deleted a"
                + " probe row through PostgREST; an anonymous request could not read it", "store the credentials");
    }

    private void deleteProbe(DataStore store, String id) {
        try {
            store.deleteWorkspace(userId, id);
        } catch (PlatformException e) {
            LOG.log(System.Logger.Level.WARNING, "could not delete probe workspace {0}: {1}", id, redact(e.getMessage()));
        }
    }

    private ByosStepResult checkRlsInCatalog(ByosStepResult passed) {
        try {
            List<String> bad = new DatabaseChecks(target).tablesWithoutRls(DatabaseChecks.omegaTables());
            if (!bad.isEmpty()) {
                return ByosStepResult.failed(ByosStep.VERIFICATION, "Row Level Security is not in force on " + bad,
                        "re-run migrate (or ALTER TABLE … ENABLE ROW LEVEL SECURITY and FORCE ROW LEVEL SECURITY on"
                                + " those tables); do not use this project until verify passes");
            }
            return ByosStepResult.ok(ByosStep.VERIFICATION, passed.detail() + "; every OMEGA table has Row Level"
                    + " Security enabled and forced", passed.nextStep());
        } catch (SQLException e) {
            return ByosStepResult.failed(ByosStep.VERIFICATION, "could not read the Row Level Security settings: "
                    + e.getMessage(), "run testConnection again");
        }
    }

    // ---- 5. store --------------------------------------------------------------------------------------------

    /**
     * Seals the credentials and stores them in the platform user's account settings. Refused until {@link #verify()}
     * has passed in this setup.
     *
     * @param store          where the platform keeps them
     * @param platformUserId the user's id on the managed platform (not on their Supabase)
     * @param keepDatabaseConnection also keep the direct connection (for later one-click migrations); otherwise only
     *                       URL, anon key and the optional service-role key are kept
     */
    public ByosStepResult storeCredentials(ByosCredentialStore store, String platformUserId,
                                           boolean keepDatabaseConnection) {
        Validate.notNull("store", store);
        Validate.userId(platformUserId);
        if (!verified) {
            return report(ByosStepResult.failed(ByosStep.STORE_CREDENTIALS, "the credentials have not passed"
                    + " verification in this setup", "run verify first; only verified credentials are stored"));
        }
        ByosCredentials toStore = keepDatabaseConnection ? credentials : credentials.withDatabase(null);
        try {
            store.save(platformUserId, toStore);
        } catch (NotFoundException e) {
            return report(ByosStepResult.failed(ByosStep.STORE_CREDENTIALS, "platform user '" + platformUserId
                    + "' has no account to store the credentials in", "create the user's account (sign-up) first"));
        } catch (PlatformException e) {
            return report(ByosStepResult.failed(ByosStep.STORE_CREDENTIALS, "storing the sealed credentials failed: "
                    + e.getMessage(), "check the platform database and the master key, then try again"));
        }
        return report(ByosStepResult.ok(ByosStep.STORE_CREDENTIALS, "sealed (AES-256-GCM) and stored the credentials"
                + " for " + credentials.supabaseUrl() + (keepDatabaseConnection && credentials.database() != null
                ? ", including the direct database connection" : ""), "done: this user's data now lives in their own"
                + " Supabase (ByosCredentialStore.openDataStore)"));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private ByosStepResult unreachable(ByosStep step, IOException e) {
        String where = credentials.supabaseUrl();
        if (e instanceof UnknownHostException) {
            return ByosStepResult.failed(step, "the host of " + where + " is unknown", "check the project URL"
                    + " (Project Settings → API → Project URL) for typos");
        }
        if (e instanceof ConnectException) {
            return ByosStepResult.failed(step, "nothing answers at " + where + " (connection refused)", "check the"
                    + " project URL and port; for local development, is `supabase start` running?");
        }
        if (e instanceof SSLException) {
            return ByosStepResult.failed(step, "the TLS handshake with " + where + " failed", "check the URL is the"
                    + " project's https URL and that this machine trusts its certificate");
        }
        if (e instanceof SocketTimeoutException || e instanceof java.io.InterruptedIOException) {
            return ByosStepResult.failed(step, where + " did not answer in time", "check the network and whether the"
                    + " project is paused (Supabase dashboard), then try again");
        }
        return ByosStepResult.failed(step, "cannot reach " + where + " (" + e.getClass().getSimpleName() + ")",
                "check the project URL and the network");
    }

    private static String describe(RestProbe.Answer a) {
        StringBuilder sb = new StringBuilder();
        if (a.code() != null) {
            sb.append(", code ").append(a.code());
        }
        if (a.message() != null) {
            String m = a.message();
            sb.append(": ").append(m.length() > 200 ? m.substring(0, 200) + "…" : m);
        }
        return sb.toString();
    }

    /** @return why this key must not be used as the anon key, or null */
    private static String anonKeyProblem(String key) {
        if (key.startsWith("sb_secret_")) {
            return "the key given as anon key is a secret (service-role) key";
        }
        try {
            Object role = JWTParser.parse(key).getJWTClaimsSet().getClaim("role");
            if ("service_role".equals(role)) {
                return "the key given as anon key is the service-role key";
            }
        } catch (java.text.ParseException | RuntimeException notAJwt) {
            // publishable keys (sb_publishable_…) are not JWTs; the endpoint decides
        }
        return null;
    }

    private ByosStepResult report(ByosStepResult r) {
        ByosStepResult clean = new ByosStepResult(r.step(), r.ok(), redact(r.detail()), redact(r.nextStep()));
        LOG.log(r.ok() ? System.Logger.Level.INFO : System.Logger.Level.WARNING, "BYOS {0}", clean);
        return clean;
    }

    /** Removes every secret this setup knows from a text (defence in depth: the texts are built without them). */
    private String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, "***");
        }
        return out;
    }

    @Override
    public void close() {
        rest.close();
    }

    @Override
    public String toString() {
        return "ByosSetup[" + credentials + ", user=" + userId + ", verified=" + verified + "]";
    }

    /** Builds a {@link ByosSetup}. */
    public static final class Builder {
        private final ByosCredentials credentials;
        private String userId;
        private AccessTokenSource tokens;
        private Duration timeout = Duration.ofSeconds(15);

        private Builder(ByosCredentials credentials) {
            this.credentials = Validate.notNull("credentials", credentials);
        }

        /**
         * The user {@link #verify()} acts as: a user of the project's own Supabase Auth and a source of their
         * access tokens (e.g. {@code SupabaseSessionTokens}).
         *
         * @return this
         */
        public Builder signedInUser(String supabaseUserId, AccessTokenSource tokens) {
            this.userId = Validate.userId(supabaseUserId);
            this.tokens = Validate.notNull("tokens", tokens);
            return this;
        }

        /** Timeout of each HTTP call (default 15 s; 1 s .. 2 min). @return this */
        public Builder timeout(Duration timeout) {
            Validate.notNull("timeout", timeout);
            if (timeout.compareTo(Duration.ofSeconds(1)) < 0 || timeout.compareTo(Duration.ofMinutes(2)) > 0) {
                throw new co.omegamax.platform.spi.InvalidInputException("timeout", "must be between 1 s and 2 min");
            }
            this.timeout = timeout;
            return this;
        }

        /** @return the setup */
        public ByosSetup build() {
            return new ByosSetup(this);
        }
    }
}
