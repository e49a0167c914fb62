package co.omegamax.platform.adapter.supabase.gateway;

import static co.omegamax.platform.adapter.supabase.gateway.GatewayJson.column;
import static co.omegamax.platform.adapter.supabase.gateway.GatewayJson.object;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Row Level Security through the gateway: user A's token cannot read or change user B's rows, an anonymous request
 * sees nothing, and each denial is PostgreSQL's (the same SQL as a superuser sees the rows).
 */
class PostgrestRlsTest {
    private static final LocalSupabase SUPABASE = LocalSupabase.shared();
    private Rest alice;
    private Rest bob;
    private String aliceWorkspace;

    @BeforeEach
    void seed() {
        SUPABASE.truncateAll();
        alice = new Rest(SUPABASE).as(SUPABASE.accessTokenFor("user-alice"));
        bob = new Rest(SUPABASE).as(SUPABASE.accessTokenFor("user-bob"));
        HttpResponse<String> a = alice.post("/workspaces", "{\"user_id\":\"user-alice\",\"name\":\"Alice Inc\",\"slug\":\"a\"}",
                "Prefer", "return=representation", "Accept", "application/vnd.pgrst.object+json");
        aliceWorkspace = (String) object(a.body()).get("id");
        bob.post("/workspaces", "{\"user_id\":\"user-bob\",\"name\":\"Bob Ltd\",\"slug\":\"b\"}");
    }

    @Test
    void eachUserSeesOnlyTheirOwnRowsWithoutAnyUserFilterInTheRequest() {
        assertThat(column(alice.get("/workspaces?select=name").body(), "name")).containsExactly("Alice Inc");
        assertThat(column(bob.get("/workspaces?select=name").body(), "name")).containsExactly("Bob Ltd");
        assertThat(bob.get("/workspaces?id=eq." + aliceWorkspace).body()).isEqualTo("[]");
        HttpResponse<String> counted = bob.get("/workspaces", "Prefer", "count=exact");
        assertThat(counted.headers().firstValue("Content-Range")).hasValue("0-0/1");
    }

    @Test
    void anotherUsersRowsCannotBeChangedOrDeletedOrCreated() throws SQLException {
        HttpResponse<String> patch = bob.patch("/workspaces?id=eq." + aliceWorkspace, "{\"name\":\"pwned\"}",
                "Prefer", "return=representation");
        assertThat(patch.statusCode()).isEqualTo(200);
        assertThat(patch.body()).as("no row visible to update").isEqualTo("[]");
        HttpResponse<String> delete = bob.delete("/workspaces?id=eq." + aliceWorkspace, "Prefer", "return=representation");
        assertThat(delete.body()).isEqualTo("[]");
        HttpResponse<String> forged = bob.post("/workspaces", "{\"user_id\":\"user-alice\",\"name\":\"Forged\",\"slug\":\"f\"}");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(object(forged.body())).containsEntry("code", "42501").containsEntry("message",
                "new row violates row-level security policy for table \"workspaces\"");
        HttpResponse<String> moved = alice.patch("/workspaces?id=eq." + aliceWorkspace, "{\"user_id\":\"user-bob\"}");
        assertThat(moved.statusCode()).as("WITH CHECK refuses handing a row to another user").isEqualTo(403);

        try (Connection su = SUPABASE.superuserConnection(); Statement st = su.createStatement();
             ResultSet rs = st.executeQuery("select name, user_id from workspaces order by name")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("Alice Inc");
            assertThat(rs.getString(2)).isEqualTo("user-alice");
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("Bob Ltd");
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void anonymousRequestsSeeNothingAndWriteNothing() {
        Rest anon = new Rest(SUPABASE);
        HttpResponse<String> read = anon.get("/workspaces");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).isEqualTo("[]");
        assertThat(anon.as(SUPABASE.anonKey()).get("/workspaces").body()).isEqualTo("[]");
        HttpResponse<String> write = anon.post("/workspaces", "{\"user_id\":\"user-alice\",\"name\":\"x\",\"slug\":\"x\"}");
        assertThat(write.statusCode()).as("42501 without a user token is 401").isEqualTo(401);
        assertThat(object(write.body())).containsEntry("code", "42501");
    }

    @Test
    void theDenialIsPostgresRowLevelSecurity() throws SQLException {
        String sql = "select count(*) from workspaces where id = ?::uuid";
        try (Connection su = SUPABASE.superuserConnection(); PreparedStatement ps = su.prepareStatement(sql)) {
            ps.setString(1, aliceWorkspace);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).as("the superuser bypasses RLS and sees the row").isEqualTo(1);
            }
        }
        // the same statement as the gateway runs it for bob: SET LOCAL ROLE authenticated, bob's claims
        try (Connection c = SUPABASE.superuserConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("SET LOCAL ROLE authenticated");
                st.execute("select set_config('request.jwt.claims', '{\"sub\":\"user-bob\",\"role\":\"authenticated\"}', true)");
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, aliceWorkspace);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("as authenticated with bob's claims: filtered by the policy").isZero();
                }
            }
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("select relrowsecurity, relforcerowsecurity from pg_class"
                         + " where relname = 'workspaces'")) {
                rs.next();
                assertThat(rs.getBoolean(1)).isTrue();
                assertThat(rs.getBoolean(2)).isTrue();
            }
            c.rollback();
        }
        try (Connection su = SUPABASE.superuserConnection(); Statement st = su.createStatement();
             ResultSet rs = st.executeQuery("select rolsuper, rolbypassrls, rolinherit from pg_roles"
                     + " where rolname = 'authenticator'")) {
            rs.next();
            assertThat(rs.getBoolean(1)).as("authenticator is no superuser").isFalse();
            assertThat(rs.getBoolean(2)).as("authenticator has no BYPASSRLS").isFalse();
            assertThat(rs.getBoolean(3)).as("NOINHERIT: privileges only after SET ROLE").isFalse();
        }
    }

    @Test
    void theServiceRoleBypassesRowLevelSecurityAsOnSupabase() {
        Rest service = new Rest(SUPABASE).withApiKey(SUPABASE.serviceRoleKey()).as(SUPABASE.serviceRoleKey());
        assertThat(column(service.get("/workspaces?select=name&order=name").body(), "name"))
                .containsExactly("Alice Inc", "Bob Ltd");
    }
}
