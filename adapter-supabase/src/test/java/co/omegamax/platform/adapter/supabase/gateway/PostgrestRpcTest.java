package co.omegamax.platform.adapter.supabase.gateway;

import static co.omegamax.platform.adapter.supabase.gateway.GatewayJson.column;
import static co.omegamax.platform.adapter.supabase.gateway.GatewayJson.object;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /rpc/<function>}: named arguments, defaults, result shapes, RLS inside SECURITY INVOKER functions. */
class PostgrestRpcTest {
    private static final LocalSupabase SUPABASE = LocalSupabase.shared();
    private static Rest alice;
    private static Rest bob;

    @BeforeAll
    static void functions() throws SQLException {
        SUPABASE.truncateAll();
        try (Connection c = DriverManager.getConnection(SUPABASE.ownerJdbcUrl(), SUPABASE.ownerUser(),
                SUPABASE.ownerPassword()); Statement st = c.createStatement()) {
            st.execute("CREATE OR REPLACE FUNCTION gateway_test_add(a integer, b integer DEFAULT 10) RETURNS integer"
                    + " LANGUAGE sql IMMUTABLE AS 'SELECT a + b'");
            st.execute("CREATE OR REPLACE FUNCTION gateway_test_echo(payload jsonb, note text DEFAULT NULL) RETURNS jsonb"
                    + " LANGUAGE sql AS $$ SELECT payload || jsonb_build_object('note', note, 'uid', auth.uid()) $$");
            st.execute("CREATE OR REPLACE FUNCTION gateway_test_workspaces(name_like text) RETURNS SETOF workspaces"
                    + " LANGUAGE sql STABLE SECURITY INVOKER AS"
                    + " $$ SELECT * FROM workspaces WHERE name LIKE name_like ORDER BY name $$");
            st.execute("CREATE OR REPLACE FUNCTION gateway_test_count() RETURNS TABLE (total bigint, mine bigint)"
                    + " LANGUAGE sql STABLE AS $$ SELECT count(*), count(*) FILTER (WHERE user_id = auth.uid())"
                    + " FROM workspaces $$");
            st.execute("CREATE OR REPLACE FUNCTION gateway_test_fail(msg text) RETURNS void LANGUAGE plpgsql AS"
                    + " $$ BEGIN RAISE EXCEPTION '%', msg USING DETAIL = 'on purpose', HINT = 'do not call it'; END $$");
            st.execute("CREATE OR REPLACE FUNCTION gateway_test_touch(new_name text) RETURNS void LANGUAGE sql AS"
                    + " $$ UPDATE workspaces SET name = new_name $$");
        }
        SUPABASE.reloadSchema();
        alice = new Rest(SUPABASE).as(SUPABASE.accessTokenFor("user-alice"));
        bob = new Rest(SUPABASE).as(SUPABASE.accessTokenFor("user-bob"));
        alice.post("/workspaces", "[{\"user_id\":\"user-alice\",\"name\":\"Alpha\",\"slug\":\"a\"},"
                + "{\"user_id\":\"user-alice\",\"name\":\"Also\",\"slug\":\"b\"}]");
        bob.post("/workspaces", "{\"user_id\":\"user-bob\",\"name\":\"Anvil\",\"slug\":\"c\"}");
    }

    @Test
    void scalarsComeBackAsJsonValuesWithDefaultsApplied() {
        HttpResponse<String> sum = alice.post("/rpc/gateway_test_add", "{\"a\":1,\"b\":2}");
        assertThat(sum.statusCode()).isEqualTo(200);
        assertThat(sum.body()).isEqualTo("3");
        assertThat(alice.post("/rpc/gateway_test_add", "{\"a\":1}").body()).isEqualTo("11");
        HttpResponse<String> echo = alice.post("/rpc/gateway_test_echo", "{\"payload\":{\"k\":[1,2]},\"note\":\"hi\"}");
        assertThat(object(echo.body())).containsEntry("note", "hi").containsEntry("uid", "user-alice")
                .containsKey("k");
    }

    @Test
    void setReturningFunctionsComeBackAsArraysUnderTheCallersRls() {
        HttpResponse<String> mine = alice.post("/rpc/gateway_test_workspaces", "{\"name_like\":\"A%\"}");
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(column(mine.body(), "name")).containsExactly("Alpha", "Also");
        assertThat(column(bob.post("/rpc/gateway_test_workspaces", "{\"name_like\":\"A%\"}").body(), "name"))
                .containsExactly("Anvil");
        assertThat(new Rest(SUPABASE).post("/rpc/gateway_test_workspaces", "{\"name_like\":\"%\"}").body())
                .isEqualTo("[]");
        HttpResponse<String> counts = alice.post("/rpc/gateway_test_count", "{}");
        assertThat(counts.body()).isEqualTo("[{\"total\":2,\"mine\":2}]");
        HttpResponse<String> single = alice.post("/rpc/gateway_test_count", "{}", "Accept",
                "application/vnd.pgrst.object+json");
        assertThat(object(single.body())).containsEntry("total", 2L);
    }

    @Test
    void voidFunctionsAnswer204AndWritesStayUnderRls() {
        HttpResponse<String> touched = bob.post("/rpc/gateway_test_touch", "{\"new_name\":\"Bob's\"}");
        assertThat(touched.statusCode()).isEqualTo(204);
        assertThat(column(alice.get("/workspaces?select=name&order=name").body(), "name"))
                .as("bob's unfiltered UPDATE touched only bob's row").containsExactly("Alpha", "Also");
        alice.post("/rpc/gateway_test_touch", "{\"new_name\":\"Alpha\"}");
    }

    @Test
    void errorsAndUnknownFunctions() {
        HttpResponse<String> raised = alice.post("/rpc/gateway_test_fail", "{\"msg\":\"I refuse!\"}");
        assertThat(raised.statusCode()).isEqualTo(400);
        assertThat(object(raised.body())).containsEntry("code", "P0001").containsEntry("message", "I refuse!")
                .containsEntry("details", "on purpose").containsEntry("hint", "do not call it");
        HttpResponse<String> missing = alice.post("/rpc/no_such_function", "{}");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(object(missing.body())).containsEntry("code", "PGRST202");
        assertThat(object(alice.post("/rpc/gateway_test_add", "{\"a\":1,\"c\":2}").body())).containsEntry("code",
                "PGRST202");
        assertThat(object(alice.post("/rpc/gateway_test_add", "{\"b\":2}").body()))
                .as("a required argument is missing").containsEntry("code", "PGRST202");
        HttpResponse<String> badType = alice.post("/rpc/gateway_test_add", "{\"a\":\"one\"}");
        assertThat(badType.statusCode()).isEqualTo(400);
        assertThat(object(badType.body())).containsEntry("code", "22P02");
    }
}
