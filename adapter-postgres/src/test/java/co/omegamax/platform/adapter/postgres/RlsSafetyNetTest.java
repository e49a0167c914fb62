package co.omegamax.platform.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.omegamax.platform.adapter.postgres.internal.Pools;
import co.omegamax.platform.adapter.postgres.internal.TenantScope;
import co.omegamax.platform.spi.CreateWorkspaceInput;
import co.omegamax.platform.spi.DataStore;
import co.omegamax.platform.spi.MemoryFilters;
import co.omegamax.platform.spi.MemoryInput;
import co.omegamax.platform.spi.MemoryRecord;
import co.omegamax.platform.spi.Page;
import co.omegamax.platform.spi.Workspace;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Row Level Security as the safety net: raw SQL without any user filter, run through the adapter's connection
 * path (application role, claims set per transaction), still sees only the acting user's rows.
 */
class RlsSafetyNetTest {
    private static final String A = "user-a";
    private static final String B = "user-b";
    private static final List<String> V2_TABLES = List.of("tweets", "engagement_suggestions", "pending_events");
    private final TestPostgres pg = TestPostgres.get();
    private DataStore store;
    private HikariDataSource pool;
    private Jdbi jdbi;
    private TenantScope scope;

    @BeforeEach
    void setUp() {
        pg.truncateAll();
        store = PostgresDataStore.open(pg.appConfig(TestPostgres.DATABASE));
        for (String user : List.of(A, B)) {
            Workspace ws = store.createWorkspace(user, CreateWorkspaceInput.named("Shared name"));
            List<MemoryInput> batch = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                batch.add(MemoryInput.of("m" + i, ws.id(), "decision", user + " memory " + i));
            }
            store.upsertMemories(user, batch);
        }
        pool = Pools.pool(pg.url(TestPostgres.DATABASE), TestPostgres.APP, TestPostgres.APP_PASSWORD, 1, "safety-net");
        jdbi = Jdbi.create(pool);
        scope = new TenantScope(jdbi, "test");
    }

    @AfterEach
    void tearDown() {
        store.close();
        pool.close();
    }

    private List<String> ownersOfAllMemories(String user) {
        // deliberately no "where user_id = ..." — the bug RLS must catch
        return scope.inTenantTransaction(user, h -> h.createQuery("select user_id from memories").mapTo(String.class).list());
    }

    @Test
    @DisplayName("a query that forgets its user filter returns only the acting user's rows")
    void forgottenFilterSeesOnlyOwnRows() {
        assertThat(ownersOfAllMemories(A)).hasSize(5).containsOnly(A);
        assertThat(ownersOfAllMemories(B)).hasSize(5).containsOnly(B);
        int workspacesOfA = scope.inTenantTransaction(A, h -> h.createQuery("select count(*) from workspaces").mapTo(Integer.class).one());
        assertThat(workspacesOfA).isEqualTo(1);
        // the superuser (RLS bypassed) proves both users' rows really are there
        assertThat(superCount("select count(*) from memories")).isEqualTo(10);
    }

    @Test
    @DisplayName("without tenant context the application role sees nothing")
    void noContextSeesNothing() {
        int memories = jdbi.withHandle(h -> h.createQuery("select count(*) from memories").mapTo(Integer.class).one());
        int workspaces = jdbi.inTransaction(h -> h.createQuery("select count(*) from workspaces").mapTo(Integer.class).one());
        int deleted = jdbi.withHandle(h -> h.createUpdate("delete from memories").execute());
        assertThat(memories).isZero();
        assertThat(workspaces).isZero();
        assertThat(deleted).isZero();
        assertThat(superCount("select count(*) from memories")).isEqualTo(10);
    }

    @Test
    @DisplayName("WITH CHECK refuses writing a row for another user; updates and deletes cannot reach other users")
    void writesCannotCrossUsers() {
        String bobWs = store.getWorkspaces(B, Page.first(10)).get(0).id();
        assertThatThrownBy(() -> scope.inTenantTransaction(A, h -> h.createUpdate("insert into memories (user_id, id,"
                + " workspace_id, event_type, content) values (:u, 'x', :ws, 'decision', 'forged')")
                .bind("u", B).bind("ws", bobWs).execute())).hasMessageContaining("row-level security");
        int updated = scope.inTenantTransaction(A, h -> h.createUpdate("update memories set content = 'pwned'").execute());
        int deleted = scope.inTenantTransaction(A, h -> h.createUpdate("delete from memories where user_id = :u").bind("u", B).execute());
        assertThat(updated).as("only A's own five rows").isEqualTo(5);
        assertThat(deleted).isZero();
        assertThat(store.getMemories(B, MemoryFilters.workspace(bobWs), Page.first(10))).extracting(MemoryRecord::content)
                .allMatch(c -> c.startsWith(B));
        assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("alter table memories disable row level security")))
                .hasMessageContaining("must be owner");
    }

    @Test
    @DisplayName("a connection returned to the pool carries no context to the next borrower")
    void pooledConnectionCarriesNoContext() {
        String pid = scope.inTenantTransaction(A, h -> h.createQuery("select pg_backend_pid()::text").mapTo(String.class).one());
        Map<String, Object> next = jdbi.withHandle(h -> h.createQuery("select pg_backend_pid()::text as pid,"
                + " coalesce(current_setting('request.jwt.claims', true), '') as claims, auth.uid() as uid,"
                + " (select count(*) from memories) as n").mapToMap().one());
        assertThat(next.get("pid")).as("pool of one: same physical connection").isEqualTo(pid);
        assertThat(next.get("claims")).isEqualTo("");
        assertThat(next.get("uid")).isNull();
        assertThat(next.get("n")).isEqualTo(0L);

        // also after a transaction that failed half-way
        assertThatThrownBy(() -> scope.inTenantTransaction(A, h -> h.createQuery("select 1/0").mapTo(Integer.class).one()))
                .isInstanceOf(RuntimeException.class);
        String uidAfterFailure = jdbi.withHandle(h -> h.createQuery("select auth.uid()").mapTo(String.class).one());
        int visibleAfterFailure = jdbi.withHandle(h -> h.createQuery("select count(*) from memories").mapTo(Integer.class).one());
        assertThat(uidAfterFailure).isNull();
        assertThat(visibleAfterFailure).isZero();
    }

    @Test
    @DisplayName("many users on a small pool, concurrently, never see each other's rows")
    void concurrentUsersStayIsolated() throws Exception {
        pg.truncateAll();
        int users = 40;
        List<String> ids = new ArrayList<>();
        List<String> workspaces = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            String user = "conc-" + u;
            Workspace ws = store.createWorkspace(user, CreateWorkspaceInput.named("Same"));
            List<MemoryInput> batch = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                batch.add(MemoryInput.of("same-" + i, ws.id(), "decision", user));
            }
            store.upsertMemories(user, batch);
            ids.add(user);
            workspaces.add(ws.id());
        }
        ExecutorService pool16 = Executors.newFixedThreadPool(16);
        try (DataStore small = PostgresDataStore.open(pg.appConfig(TestPostgres.DATABASE).withPoolSize(3))) {
            TenantScope smallScope = scope;
            List<Future<Set<String>>> results = new ArrayList<>();
            for (int r = 0; r < 600; r++) {
                int u = ThreadLocalRandom.current().nextInt(users);
                boolean raw = r % 2 == 0;
                results.add(pool16.submit(() -> {
                    Set<String> seen = new HashSet<>();
                    if (raw) {
                        seen.addAll(smallScope.inTenantTransaction(ids.get(u),
                                h -> h.createQuery("select user_id from memories").mapTo(String.class).list()));
                    } else {
                        small.getMemories(ids.get(u), MemoryFilters.workspace(workspaces.get(u)), Page.first(100))
                                .forEach(m -> {
                                    seen.add(m.userId());
                                    seen.add(m.content());
                                });
                    }
                    seen.remove(ids.get(u));
                    return seen;
                }));
            }
            for (Future<Set<String>> f : results) {
                assertThat(f.get()).as("rows of other users").isEmpty();
            }
        } finally {
            pool16.shutdownNow();
        }
    }

    @Test
    @DisplayName("every table has RLS enabled and forced; policies only for the application role; user_id leads an index")
    void schemaHasRlsEverywhere() throws Exception {
        try (Connection c = pg.superConnection(TestPostgres.DATABASE); Statement st = c.createStatement()) {
            List<String> problems = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("select c.relname, c.relrowsecurity, c.relforcerowsecurity,"
                    + " pg_get_userbyid(c.relowner) from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                    + " where n.nspname = 'public' and c.relkind = 'r' and c.relname <> 'omega_schema_history'")) {
                int tables = 0;
                while (rs.next()) {
                    tables++;
                    if (!rs.getBoolean(2) || !rs.getBoolean(3)) {
                        problems.add(rs.getString(1) + " lacks ENABLE/FORCE ROW LEVEL SECURITY");
                    }
                    if (!rs.getString(4).equals(TestPostgres.OWNER)) {
                        problems.add(rs.getString(1) + " is owned by " + rs.getString(4));
                    }
                }
                assertThat(tables).isGreaterThanOrEqualTo(30);
            }
            try (ResultSet rs = st.executeQuery("select tablename, roles::text, qual, with_check, policyname, cmd"
                    + " from pg_policies where schemaname = 'public'")) {
                int policies = 0;
                while (rs.next()) {
                    policies++;
                    boolean keyLookup = rs.getString(5).equals("key_lookup");
                    boolean ok = rs.getString(2).equals("{" + TestPostgres.APP + "}") && (keyLookup
                            // the one exception: a read-only policy showing the workspace key whose hash the verifier set
                            ? rs.getString(1).equals("workspace_keys") && rs.getString(6).equals("SELECT")
                                    && rs.getString(3).contains("current_setting('omega.key_hash'")
                            : rs.getString(3).contains("auth.uid()") && rs.getString(4).contains("auth.uid()"));
                    if (!ok) {
                        problems.add("policy " + rs.getString(5) + " on " + rs.getString(1) + ": " + rs.getString(2)
                                + " " + rs.getString(3));
                    }
                }
                assertThat(policies).isEqualTo(29);
            }
            try (ResultSet rs = st.executeQuery("select t.table_name from information_schema.columns t"
                    + " where t.table_schema = 'public' and t.column_name = 'user_id' and not exists ("
                    + " select 1 from pg_index i join pg_class c on c.oid = i.indrelid join pg_attribute a"
                    + " on a.attrelid = c.oid and a.attnum = i.indkey[0] where c.relname = t.table_name and a.attname = 'user_id')")) {
                while (rs.next()) {
                    problems.add(rs.getString(1) + " has no index with user_id leading");
                }
            }
            for (String table : V2_TABLES) {   // spec §5.2 "other data tables", added by V2
                try (ResultSet rs = st.executeQuery("select c.relrowsecurity and c.relforcerowsecurity,"
                        + " (select count(*) from pg_policies p where p.tablename = c.relname and p.policyname = 'user_isolation'"
                        + "  and p.roles = array['" + TestPostgres.APP + "']::name[]),"
                        + " (select count(*) from information_schema.columns k where k.table_schema = 'public'"
                        + "  and k.table_name = c.relname and k.column_name in ('user_id', 'workspace_id') and k.is_nullable = 'NO')"
                        + " from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                        + " where n.nspname = 'public' and c.relname = '" + table + "'")) {
                    if (!rs.next()) {
                        problems.add(table + " is missing");
                        continue;
                    }
                    if (!rs.getBoolean(1) || rs.getInt(2) != 1 || rs.getInt(3) != 2) {
                        problems.add(table + ": rls+forced " + rs.getBoolean(1) + ", app-role policies " + rs.getInt(2)
                                + ", non-null user_id/workspace_id " + rs.getInt(3));
                    }
                }
            }
            try (ResultSet rs = st.executeQuery("select rolsuper, rolbypassrls from pg_roles where rolname = '" + TestPostgres.APP + "'")) {
                rs.next();
                assertThat(rs.getBoolean(1) || rs.getBoolean(2)).isFalse();
            }
            assertThat(problems).isEmpty();
        }
    }

    @Test
    @DisplayName("the V2 tables isolate users too: a raw unfiltered read sees only the acting user's pending events")
    void v2TablesIsolateUsers() {
        for (String user : List.of(A, B)) {
            scope.<Integer>inTenantTransaction(user, h -> h.createUpdate("insert into pending_events (user_id, workspace_id, event_type)"
                    + " select user_id, id, 'probe' from workspaces").execute());
        }
        List<String> seenByA = scope.inTenantTransaction(A, h -> h.createQuery("select user_id from pending_events")
                .mapTo(String.class).list());
        assertThat(seenByA).containsExactly(A);
        assertThat(superCount("select count(*) from pending_events")).isEqualTo(2);
        assertThatThrownBy(() -> scope.<Integer>inTenantTransaction(A, h -> h.createUpdate("insert into tweets (user_id, workspace_id, content)"
                + " select '" + B + "', id, 'x' from workspaces").execute())).hasMessageContaining("row-level security");
    }

    private long superCount(String sql) {
        try (Connection c = pg.superConnection(TestPostgres.DATABASE); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
