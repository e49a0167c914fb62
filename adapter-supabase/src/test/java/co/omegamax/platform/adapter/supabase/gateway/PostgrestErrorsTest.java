package co.omegamax.platform.adapter.supabase.gateway;

import static co.omegamax.platform.adapter.supabase.gateway.GatewayJson.object;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** API keys, JWT verification and PostgREST's error bodies and status codes. */
class PostgrestErrorsTest {
    private static final LocalSupabase SUPABASE = LocalSupabase.shared();
    private static Rest alice;
    private static String workspaceId;

    @BeforeAll
    static void seed() {
        SUPABASE.truncateAll();
        alice = new Rest(SUPABASE).as(SUPABASE.accessTokenFor("user-alice"));
        workspaceId = (String) object(alice.post("/workspaces", "{\"user_id\":\"user-alice\",\"name\":\"A\",\"slug\":\"a\"}",
                "Prefer", "return=representation", "Accept", "application/vnd.pgrst.object+json").body()).get("id");
    }

    private static void assertError(HttpResponse<String> r, int status, String code) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        Map<String, Object> body = object(r.body());
        assertThat(body).containsKeys("code", "details", "hint", "message").containsEntry("code", code);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("application/json"));
    }

    @Test
    void everyCallNeedsTheProjectApiKey() {
        HttpResponse<String> missing = alice.withApiKey(null).get("/workspaces");
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(object(missing.body())).containsEntry("message", "No API key found in request");
        HttpResponse<String> wrong = alice.withApiKey("sb_publishable_wrong").get("/workspaces");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(object(wrong.body())).containsEntry("message", "Invalid API key");
    }

    @Test
    void tokensAreVerifiedLikePostgrestJwtSecret() {
        String good = SUPABASE.accessTokenFor("user-alice");
        String tampered = good.substring(0, good.lastIndexOf('.') + 1) + "AAAA" + good.substring(good.lastIndexOf('.') + 5);
        HttpResponse<String> bad = alice.as(tampered).get("/workspaces");
        assertError(bad, 401, "PGRST301");
        assertThat(bad.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("Bearer error=\"invalid_token\""));
        assertError(alice.as("not-a-jwt").get("/workspaces"), 401, "PGRST301");
        String expired = SUPABASE.sign(Map.of("sub", "user-alice", "role", "authenticated",
                "exp", java.time.Instant.now().minusSeconds(60).getEpochSecond()), Duration.ZERO);
        HttpResponse<String> old = alice.as(expired).get("/workspaces");
        assertError(old, 401, "PGRST303");
        assertThat(object(old.body())).containsEntry("message", "JWT expired");
        String noRole = SUPABASE.sign(Map.of("sub", "user-alice"), Duration.ofMinutes(5));
        assertThat(alice.as(noRole).get("/workspaces").body()).as("no role claim: anon").isEqualTo("[]");
        String superuser = SUPABASE.sign(Map.of("sub", "x", "role", "postgres"), Duration.ofMinutes(5));
        assertError(alice.as(superuser).get("/workspaces"), 403, "42501");
    }

    @Test
    void postgresErrorsKeepTheirFieldsAndGetPostgrestStatuses() {
        assertError(alice.get("/workspaces?id=eq.not-a-uuid"), 400, "22P02");
        HttpResponse<String> notNull = alice.post("/workspaces", "{\"user_id\":\"user-alice\",\"slug\":\"n\"}");
        assertError(notNull, 400, "23502");
        assertThat(object(notNull.body()).get("details")).as("PostgreSQL withholds the failing row under RLS").isNull();
        assertError(alice.post("/workspaces", "{\"user_id\":\"user-alice\",\"name\":\"x\",\"slug\":\"y\","
                + "\"workspace_type\":\"galaxy\"}"), 400, "23514");
        assertError(alice.post("/workspaces", "{\"user_id\":\"user-alice\",\"name\":\"A2\",\"slug\":\"a\"}"), 409, "23505");
        assertError(alice.post("/workspace_projects", "{\"user_id\":\"user-alice\",\"name\":\"p\","
                + "\"workspace_id\":\"00000000-0000-0000-0000-000000000000\"}"), 409, "23503");
        assertThat(workspaceId).isNotNull();
    }

    @Test
    void requestErrorsUsePostgrestCodes() {
        assertError(alice.get("/no_such_table"), 404, "PGRST205");
        assertError(alice.get("/workspaces?colour=eq.red"), 400, "42703");
        assertError(alice.get("/workspaces?select=name,colour"), 400, "42703");
        assertError(alice.get("/workspaces?name=approx.x"), 400, "PGRST100");
        assertError(alice.get("/workspaces?name=eq"), 400, "PGRST100");
        assertError(alice.get("/workspaces?order=name.sideways"), 400, "PGRST100");
        assertError(alice.get("/workspaces?or=(name.eq.a,slug.eq.b"), 400, "PGRST100");
        assertError(alice.get("/workspaces?limit=-1"), 400, "PGRST100");
        assertError(alice.get("/workspaces?select=*,projects(*)"), 400, "PGRST100");
        assertError(alice.get("/workspaces", "Accept-Profile", "auth"), 406, "PGRST106");
        assertError(alice.send("PUT", "/workspaces?id=eq." + workspaceId, "{}"), 405, "PGRST117");
        assertError(alice.send("GET", "/rpc/anything", null), 405, "PGRST101");
    }

    @Test
    void statusMappingFollowsThePostgrestTable() {
        Map<String, Integer> cases = Map.ofEntries(Map.entry("08006", 503), Map.entry("09000", 500),
                Map.entry("0L000", 403), Map.entry("0P000", 403), Map.entry("23503", 409), Map.entry("23505", 409),
                Map.entry("25006", 405), Map.entry("25001", 500), Map.entry("28P01", 403), Map.entry("2D000", 500),
                Map.entry("38000", 500), Map.entry("39000", 500), Map.entry("3B000", 500), Map.entry("40001", 500),
                Map.entry("53400", 500), Map.entry("53100", 503), Map.entry("54000", 500), Map.entry("55P03", 500),
                Map.entry("57014", 500), Map.entry("58030", 500), Map.entry("F0000", 500), Map.entry("HV000", 500),
                Map.entry("P0001", 400), Map.entry("P0002", 500), Map.entry("XX000", 500), Map.entry("42883", 404),
                Map.entry("42P01", 404), Map.entry("42P17", 500), Map.entry("22P02", 400), Map.entry("22023", 400),
                Map.entry("23502", 400), Map.entry("23514", 400), Map.entry("PT402", 402));
        cases.forEach((state, status) -> assertThat(PostgrestGateway.status(state, true)).as(state).isEqualTo(status));
        assertThat(PostgrestGateway.status("42501", true)).isEqualTo(403);
        assertThat(PostgrestGateway.status("42501", false)).isEqualTo(401);
    }
}
