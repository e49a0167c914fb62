package co.omegamax.platform.adapter.supabase.byos;

import static org.assertj.core.api.Assertions.assertThat;

import co.omegamax.platform.adapter.supabase.AccessTokenSource;
import co.omegamax.platform.adapter.supabase.SupabaseDataStore;
import co.omegamax.platform.adapter.supabase.SupabaseDataStoreSettings;
import co.omegamax.platform.adapter.supabase.byos.ByosCredentials.DatabaseConnection;
import co.omegamax.platform.adapter.supabase.gateway.LocalSupabase;
import co.omegamax.platform.pgschema.PgSchema;
import co.omegamax.platform.pgschema.SchemaVersion.State;
import co.omegamax.platform.spi.CreateWorkspaceInput;
import co.omegamax.platform.spi.DataStore;
import co.omegamax.platform.spi.Page;
import co.omegamax.platform.spi.Plan;
import co.omegamax.platform.spi.UserAccountInput;
import co.omegamax.platform.tck.SecretCapture;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole flow against a local Supabase stand-in (embedded PostgreSQL with Supabase's roles behind a PostgREST
 * gateway): the user's project starts empty, is migrated through the direct connection, verified as a signed-in user
 * and its credentials stored, sealed, on the managed platform (a second local Supabase, the shared one).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ByosSetupTest {
    private static final String USER = "byos-user-" + UUID.randomUUID();

    private LocalSupabase project;
    private AccessTokenSource tokens;
    private final Map<String, String> issued = new java.util.concurrent.ConcurrentHashMap<>();
    private String masterKey;

    @BeforeAll
    void startAnEmptyProject() throws Exception {
        project = LocalSupabase.start();
        tokens = uid -> issued.computeIfAbsent(uid, project::accessTokenFor); // one token per user, so tests can look for it
        try (Connection su = project.superuserConnection(); Statement st = su.createStatement()) {
            st.execute("DROP SCHEMA public CASCADE");
            st.execute("CREATE SCHEMA public AUTHORIZATION " + project.ownerUser());
            // passwords are checked for every role but the fixture's superuser (initdb's default is trust)
            String hba;
            try (ResultSet rs = st.executeQuery("show hba_file")) {
                rs.next();
                hba = rs.getString(1);
            }
            Files.writeString(Path.of(hba), "local all all trust\n"
                    + "host all postgres 127.0.0.1/32 trust\nhost all postgres ::1/128 trust\n"
                    + "host all all 127.0.0.1/32 md5\nhost all all ::1/128 md5\n");
            st.execute("select pg_reload_conf()");
        }
        try (Connection owner = owner(); Statement st = owner.createStatement()) {
            st.execute("GRANT USAGE ON SCHEMA public TO anon, authenticated, service_role");
            st.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON TABLES TO anon, authenticated, service_role");
            st.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON FUNCTIONS TO anon, authenticated, service_role");
        }
        project.reloadSchema();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        masterKey = Base64.getEncoder().encodeToString(key);
    }

    @AfterAll
    void stop() {
        if (project != null) {
            project.close();
        }
    }

    private Connection owner() throws SQLException {
        return DriverManager.getConnection(project.ownerJdbcUrl(), project.ownerUser(), project.ownerPassword());
    }

    private void asOwner(String... sql) throws SQLException {
        try (Connection c = owner(); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    private ByosCredentials credentials() {
        return ByosCredentials.of(project.url(), project.anonKey()).withDatabase(
                new DatabaseConnection(project.ownerJdbcUrl(), project.ownerUser(), project.ownerPassword()));
    }

    private ByosSetup setup(ByosCredentials c) {
        return ByosSetup.builder(c).signedInUser(USER, tokens).build();
    }

    private List<String> secrets() {
        return List.of(project.anonKey(), project.ownerPassword(), tokens.accessToken(USER), project.serviceRoleKey(),
                masterKey);
    }

    @Test
    @Order(1)
    void aWrongAnonKeyIsRefusedWithWhereToFindTheRightOne() {
        String wrong = project.anonKey().substring(0, project.anonKey().length() - 4) + "AAAA";
        try (SecretCapture capture = SecretCapture.start();
             ByosSetup setup = setup(ByosCredentials.of(project.url(), wrong))) {
            ByosStepResult r = setup.testConnection();
            assertThat(r.ok()).isFalse();
            assertThat(r.detail()).contains("refused the anon key").contains("HTTP 401").contains("Invalid API key");
            assertThat(r.nextStep()).contains("Project Settings → API");
            assertThat(capture.text() + r).doesNotContain(wrong).doesNotContain(project.anonKey());
        }
    }

    @Test
    @Order(2)
    void aWrongDatabasePasswordIsReportedWithWhatToCheck() {
        ByosCredentials c = ByosCredentials.of(project.url(), project.anonKey()).withDatabase(
                new DatabaseConnection(project.ownerJdbcUrl(), project.ownerUser(), "wrong-password-42"));
        try (SecretCapture capture = SecretCapture.start(); ByosSetup setup = setup(c)) {
            ByosStepResult r = setup.testConnection();
            assertThat(r.ok()).isFalse();
            assertThat(r.detail()).contains("the REST endpoint works, but cannot connect")
                    .contains("password authentication failed").contains("28P01");
            assertThat(r.nextStep()).contains("password");
            ByosStepResult m = setup.migrate();
            assertThat(m.ok()).isFalse();
            assertThat(m.detail()).contains("password authentication failed");
            assertThat(capture.text() + r + m).doesNotContain("wrong-password-42").doesNotContain(project.ownerPassword());
        }
    }

    @Test
    @Order(3)
    void happyPathFromAnEmptyProjectToAStoredSealedWorkingConnection() throws Exception {
        LocalSupabase platformDb = LocalSupabase.shared();
        String platformUser = "platform-user-" + UUID.randomUUID();
        try (SecretCapture capture = SecretCapture.start();
             ByosSetup setup = setup(credentials());
             ByosSetup restOnly = setup(ByosCredentials.of(project.url(), project.anonKey()));
             SupabaseDataStore platform = SupabaseDataStore.open(SupabaseDataStoreSettings.builder(platformDb.url(),
                     platformDb.anonKey()).build(), platformDb::accessTokenFor)) {
            StringBuilder texts = new StringBuilder();

            ByosStepResult connection = setup.testConnection();
            texts.append(connection);
            assertThat(connection.ok()).as(connection.toString()).isTrue();
            assertThat(connection.detail()).contains("accepted the anon key").contains("(no OMEGA tables yet)")
                    .contains("direct connection reaches");

            ByosSchemaCheck empty = setup.checkSchemaVersion();
            ByosSchemaCheck emptyOverRest = restOnly.checkSchemaVersion();
            texts.append(empty).append(emptyOverRest);
            assertThat(empty.state()).isEqualTo(State.EMPTY);
            assertThat(empty.result().ok()).isFalse();
            assertThat(empty.result().nextStep()).contains("migrate").contains("migrationSql()");
            assertThat(emptyOverRest.state()).isEqualTo(State.EMPTY);
            assertThat(emptyOverRest.result().detail()).contains("no OMEGA tables");

            String sql = setup.migrationSql();
            assertThat(sql).isEqualTo(PgSchema.sqlAfter(0, "authenticated"));
            assertThat(sql).contains("CREATE TABLE workspaces").contains("-- " + PgSchema.scriptNames().get(0));

            ByosStepResult early = setup.storeCredentials(new ByosCredentialStore(platform, vault()), platformUser, false);
            assertThat(early.ok()).isFalse();
            assertThat(early.nextStep()).contains("run verify first");

            ByosStepResult migrated = setup.migrate();
            texts.append(migrated);
            assertThat(migrated.ok()).as(migrated.toString()).isTrue();
            assertThat(migrated.detail()).contains("schema version " + PgSchema.requiredVersion());

            ByosSchemaCheck upToDate = setup.checkSchemaVersion();
            texts.append(upToDate);
            assertThat(upToDate.upToDate()).isTrue();
            assertThat(upToDate.current()).isEqualTo(PgSchema.requiredVersion());
            assertThat(upToDate.result().ok()).isTrue();
            assertThat(restOnly.checkSchemaVersion().state()).isEqualTo(State.UNKNOWN);
            assertThat(setup.migrationSql()).isEmpty();

            ByosStepResult verified = setup.verify();
            texts.append(verified);
            assertThat(verified.ok()).as(verified.toString()).isTrue();
            assertThat(verified.detail()).contains("inserted, read back and deleted")
                    .contains("an anonymous request could not read it").contains("Row Level Security enabled and forced");
            assertThat(countRows("workspaces")).as("the probe row is gone").isZero();

            platform.saveUserAccount(platformUser, new UserAccountInput(Plan.PRO, null, Map.of("theme", "dark")));
            ByosCredentialStore store = new ByosCredentialStore(platform, vault());
            ByosStepResult stored = setup.storeCredentials(store, platformUser, false);
            texts.append(stored);
            assertThat(stored.ok()).as(stored.toString()).isTrue();

            Map<String, Object> settings = platform.getUserAccount(platformUser).orElseThrow().settings();
            assertThat(settings).containsEntry("theme", "dark").containsKey(ByosCredentialStore.SETTINGS_KEY);
            String raw = JSONObjectUtils.toJSONString(settings);
            assertThat(raw).contains(project.url()).contains("omega_sealed")
                    .doesNotContain(project.anonKey()).doesNotContain(project.ownerPassword());
            assertThat(platform.getUserAccount(platformUser).orElseThrow().plan()).isEqualTo(Plan.PRO);

            assertThat(store.load(platformUser)).contains(credentials().withDatabase(null));
            try (DataStore users = store.openDataStore(platformUser, tokens)) {
                users.createWorkspace(USER, CreateWorkspaceInput.named("Real work"));
                assertThat(users.getWorkspaces(USER, Page.first())).extracting(w -> w.name()).containsExactly("Real work");
            }
            assertThat(countRows("workspaces")).as("the data lives in the user's own project").isEqualTo(1);
            try (Connection su = project.superuserConnection(); Statement st = su.createStatement()) {
                st.execute("delete from workspaces"); // the owner sees no rows: RLS is forced for it too
            }

            String all = texts + capture.text();
            for (String secret : secrets()) {
                assertThat(all).doesNotContain(secret);
            }
            assertThat(all).doesNotContain(platformDb.anonKey());
        }
    }

    @Test
    @Order(4)
    void aMissingPolicyMakesVerifyFailAtTheInsert() throws Exception {
        asOwner("DROP POLICY user_isolation ON workspaces");
        try (SecretCapture capture = SecretCapture.start(); ByosSetup setup = setup(credentials())) {
            ByosStepResult r = setup.verify();
            assertThat(r.ok()).isFalse();
            assertThat(r.detail()).contains("may not insert into workspaces");
            assertThat(r.nextStep()).contains("run migrate");
            assertThat(capture.text() + r).doesNotContain(tokens.accessToken(USER)).doesNotContain(project.anonKey());
        } finally {
            asOwner("CREATE POLICY user_isolation ON workspaces AS PERMISSIVE FOR ALL TO authenticated"
                    + " USING (user_id = (SELECT auth.uid())::text) WITH CHECK (user_id = (SELECT auth.uid())::text)");
        }
        try (ByosSetup setup = setup(credentials())) {
            assertThat(setup.verify().ok()).as("restored").isTrue();
        }
    }

    @Test
    @Order(5)
    void disabledRowLevelSecurityLetsAnonymousReadAndFailsVerify() throws Exception {
        asOwner("ALTER TABLE workspaces DISABLE ROW LEVEL SECURITY");
        try (ByosSetup setup = setup(credentials())) {
            ByosStepResult r = setup.verify();
            assertThat(r.ok()).isFalse();
            assertThat(r.detail()).contains("an anonymous request (anon key only) could read");
            assertThat(r.nextStep()).contains("ENABLE/FORCE ROW LEVEL SECURITY");
            assertThat(countRows("workspaces")).as("the probe row was removed anyway: " + dump()).isZero();
        } finally {
            asOwner("ALTER TABLE workspaces ENABLE ROW LEVEL SECURITY");
        }
    }

    @Test
    @Order(6)
    void rlsNotForcedOnAnotherTableIsFoundInTheCatalog() throws Exception {
        asOwner("ALTER TABLE memories NO FORCE ROW LEVEL SECURITY", "ALTER TABLE coord_tasks DISABLE ROW LEVEL SECURITY");
        try (ByosSetup setup = setup(credentials())) {
            ByosStepResult r = setup.verify();
            assertThat(r.ok()).isFalse();
            assertThat(r.detail()).contains("memories (RLS not forced)").contains("coord_tasks (RLS disabled)");
            assertThat(r.nextStep()).contains("re-run migrate");
        } finally {
            asOwner("ALTER TABLE memories FORCE ROW LEVEL SECURITY", "ALTER TABLE coord_tasks ENABLE ROW LEVEL SECURITY");
        }
    }

    @Test
    @Order(7)
    void aNewerSchemaIsReportedAhead() throws Exception {
        asOwner("insert into omega_schema_history (installed_rank, version, description, type, script, installed_by,"
                + " execution_time, success) values (999, '99', 'future', 'SQL', 'V99__future.sql', 'test', 0, true)");
        try (ByosSetup setup = setup(credentials())) {
            ByosSchemaCheck check = setup.checkSchemaVersion();
            assertThat(check.state()).isEqualTo(State.AHEAD);
            assertThat(check.current()).isEqualTo(99);
            assertThat(check.result().nextStep()).contains("upgrade co.omegamax:adapter-supabase");
        } finally {
            asOwner("delete from omega_schema_history where version = '99'");
        }
    }

    @Test
    @Order(8)
    void tablesWithoutMigrationHistoryAreReportedAsAppliedByHand() throws Exception {
        asOwner("ALTER TABLE omega_schema_history RENAME TO omega_schema_history_hidden");
        try (ByosSetup setup = setup(credentials())) {
            ByosSchemaCheck check = setup.checkSchemaVersion();
            assertThat(check.state()).isEqualTo(State.UNKNOWN);
            assertThat(check.result().detail()).contains("applied by hand");
            assertThat(check.result().nextStep()).contains("run verify");
        } finally {
            asOwner("ALTER TABLE omega_schema_history_hidden RENAME TO omega_schema_history");
        }
    }

    @Test
    @Order(9)
    void aWebsiteOrAPausedProjectIsToldApartFromAWrongKey() throws Exception {
        com.sun.net.httpserver.HttpServer web = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        web.createContext("/", exchange -> {
            boolean paused = exchange.getRequestURI().getPath().startsWith("/paused");
            byte[] body = (paused ? "{\"message\":\"upstream unavailable\"}" : "<html>not found</html>").getBytes();
            exchange.sendResponseHeaders(paused ? 503 : 404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        web.start();
        String base = "http://127.0.0.1:" + web.getAddress().getPort();
        try (ByosSetup site = setup(ByosCredentials.of(base + "/site", project.anonKey()));
             ByosSetup paused = setup(ByosCredentials.of(base + "/paused", project.anonKey()))) {
            ByosStepResult r = site.testConnection();
            assertThat(r.ok()).isFalse();
            assertThat(r.detail()).contains("is not a Supabase REST endpoint (HTTP 404)");
            assertThat(r.nextStep()).contains("not the dashboard URL");
            ByosStepResult p = paused.testConnection();
            assertThat(p.ok()).isFalse();
            assertThat(p.detail()).contains("HTTP 503").contains("upstream unavailable");
            assertThat(p.nextStep()).contains("paused");
        } finally {
            web.stop(0);
        }
    }

    @Test
    @Order(10)
    void verifyReportsAUserWithoutSession() {
        AccessTokenSource none = uid -> {
            throw new co.omegamax.platform.spi.AuthenticationException(
                    co.omegamax.platform.spi.AuthFailureReason.MISSING_TOKEN, "user '" + uid + "' is not signed in");
        };
        try (ByosSetup setup = ByosSetup.builder(credentials()).signedInUser(USER, none).build()) {
            ByosStepResult r = setup.verify();
            assertThat(r.ok()).isFalse();
            assertThat(r.detail()).contains("could not get an access token").contains("is not signed in");
            assertThat(r.nextStep()).contains("sign in again");
        }
    }

    private long countRows(String table) throws SQLException {
        try (Connection su = project.superuserConnection(); Statement st = su.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String dump() throws SQLException {
        StringBuilder sb = new StringBuilder();
        try (Connection su = project.superuserConnection(); Statement st = su.createStatement();
             ResultSet rs = st.executeQuery("select id, user_id, slug, created_at from workspaces")) {
            while (rs.next()) {
                sb.append(rs.getString(1)).append(' ').append(rs.getString(2)).append(' ').append(rs.getString(3)).append(' ').append(rs.getString(4)).append('\n');
            }
        }
        return sb.toString();
    }

    private CredentialVault vault() {
        return new CredentialVault(new EnvironmentMasterKeyProvider("OMEGA_MASTER_KEY", Map.of("OMEGA_MASTER_KEY", masterKey)::get));
    }
}
