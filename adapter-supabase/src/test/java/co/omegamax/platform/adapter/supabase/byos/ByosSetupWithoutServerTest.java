package co.omegamax.platform.adapter.supabase.byos;

import static org.assertj.core.api.Assertions.assertThat;

import co.omegamax.platform.adapter.supabase.byos.ByosCredentials.DatabaseConnection;
import co.omegamax.platform.pgschema.PgSchema;
import co.omegamax.platform.pgschema.SchemaVersion.State;
import co.omegamax.platform.tck.SecretCapture;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The steps that must fail clearly before any server is involved: nothing listens, bad key kinds, missing inputs. */
class ByosSetupWithoutServerTest {
    private static final String ANON = "anon-key-not-a-jwt-0123456789";
    private static final String DB_PASSWORD = "db-password-0123456789";

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void aClosedPortFailsEveryNetworkStepWithWhatToCheck() throws IOException {
        int port = closedPort();
        ByosCredentials c = ByosCredentials.of("http://127.0.0.1:" + port, ANON)
                .withDatabase(new DatabaseConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres?connectTimeout=2",
                        "postgres", DB_PASSWORD));
        try (SecretCapture capture = SecretCapture.start();
             ByosSetup setup = ByosSetup.builder(c).timeout(Duration.ofSeconds(3)).build()) {
            ByosStepResult r = setup.testConnection();
            assertThat(r.ok()).isFalse();
            assertThat(r.step()).isEqualTo(ByosStep.CONNECTION);
            assertThat(r.detail()).contains("nothing answers at http://127.0.0.1:" + port).contains("connection refused");
            assertThat(r.nextStep()).contains("supabase start");

            ByosSchemaCheck check = setup.checkSchemaVersion();
            assertThat(check.state()).isEqualTo(State.UNKNOWN);
            assertThat(check.result().ok()).isFalse();
            assertThat(check.result().detail()).contains("cannot read the schema version");
            assertThat(check.result().nextStep()).contains("run testConnection");

            ByosStepResult migrate = setup.migrate();
            assertThat(migrate.ok()).isFalse();
            assertThat(migrate.detail()).contains("cannot connect to jdbc:postgresql://127.0.0.1:" + port);
            assertThat(migrate.nextStep()).contains("check host and port");

            assertThat(capture.text() + r + check + migrate).doesNotContain(ANON).doesNotContain(DB_PASSWORD);
        }
    }

    @Test
    void theServiceRoleKeyIsRefusedAsAnonKeyBeforeAnythingIsSent() throws IOException {
        String header = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        String serviceRole = header + "." + b64("{\"role\":\"service_role\",\"iss\":\"supabase\"}") + ".c2lnbmF0dXJl";
        for (String key : new String[] {serviceRole, "sb_secret_0123456789abcdef"}) {
            try (ByosSetup setup = ByosSetup.builder(ByosCredentials.of("http://127.0.0.1:" + closedPort(), key)).build()) {
                ByosStepResult r = setup.testConnection();
                assertThat(r.ok()).isFalse();
                assertThat(r.detail()).contains("service-role").doesNotContain(key);
                assertThat(r.nextStep()).contains("anon (publishable) key");
            }
        }
    }

    @Test
    void withoutADirectConnectionMigrateExplainsTheAlternativeAndTheSqlIsHandedOut() throws IOException {
        try (ByosSetup setup = ByosSetup.builder(ByosCredentials.of("http://127.0.0.1:" + closedPort(), ANON)).build()) {
            ByosStepResult r = setup.migrate();
            assertThat(r.ok()).isFalse();
            assertThat(r.detail()).contains("direct database connection");
            assertThat(r.nextStep()).contains("migrationSql()").contains("SQL editor");

            String sql = setup.migrationSql();
            for (String script : PgSchema.scriptNames()) {
                assertThat(sql).contains("-- " + script);
            }
            assertThat(sql).contains("CREATE TABLE workspaces").contains("TO %I', t, 'authenticated')")
                    .doesNotContain("${app_role}");
        }
    }

    @Test
    void verifyNeedsASignedInUser() throws IOException {
        try (ByosSetup setup = ByosSetup.builder(ByosCredentials.of("http://127.0.0.1:" + closedPort(), ANON)).build()) {
            ByosStepResult v = setup.verify();
            assertThat(v.ok()).isFalse();
            assertThat(v.detail()).contains("no signed-in user");
            assertThat(v.nextStep()).contains("signedInUser");
        }
    }

    @Test
    void theRlsCatalogCheckFollowsTheMigrationsIncludingRenames() {
        java.util.List<String> tables = co.omegamax.platform.adapter.supabase.byos.internal.DatabaseChecks.omegaTables();
        assertThat(tables).contains("user_accounts", "workspaces", "memories", "coord_tasks", "pending_events")
                .doesNotContain(PgSchema.HISTORY_TABLE);
        if (PgSchema.sqlAfter(0, "authenticated").contains("ALTER TABLE workspace_api_keys RENAME TO workspace_keys")) {
            assertThat(tables).contains("workspace_keys").doesNotContain("workspace_api_keys");
        }
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
