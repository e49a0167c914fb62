package co.omegamax.platform.adapter.postgres;

import co.omegamax.platform.adapter.postgres.internal.Pools;
import co.omegamax.platform.adapter.postgres.internal.TenantScope;
import co.omegamax.platform.spi.DataStore;
import co.omegamax.platform.spi.MemoryFilters;
import co.omegamax.platform.spi.Page;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntConsumer;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;

/**
 * Plain benchmark harness ({@code -Pbenchmarks}): bulk-loads users × memories with COPY, then measures memory
 * listing and search p50/p95 three ways, side by side: the DataStore call (application role, RLS on, transaction
 * with set_config and workspace check), the same list/search SQL as the application role under RLS, and the same
 * SQL as a superuser (RLS bypassed) in the same transaction shape. Args: users memories iterations.
 */
public final class PostgresBenchmark {
    private static final String[] WORDS = ("decision lesson preference error deploy database schema index query cache"
            + " latency retry timeout release branch merge review test build docker kotlin java python rust postgres"
            + " sqlite tenant policy security token session agent memory graph vector search ranking budget").split(" ");
    private static final String LIST_SQL = "select * from memories where user_id = ? and workspace_id = ?::uuid"
            + " order by created_at desc, id limit 50 offset 0";
    private static final String SEARCH_SQL = "select * from memories where user_id = ? and workspace_id = ?::uuid"
            + " and search_vector @@ to_tsquery('simple', 'needle:*')"
            + " and content ilike ? escape '\\' order by created_at desc, id limit 50 offset 0";

    private PostgresBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int memories = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        TestPostgres pg = TestPostgres.get();
        String db = pg.createEmptyDatabase("omega_bench");
        if (!PostgresSchemaTools.migrate(pg.ownerConfig(db)).ok()) {
            throw new IllegalStateException("migration failed");
        }
        String[] workspaces = new String[users];
        long t0 = System.nanoTime();
        try (Connection c = pg.superConnection(db)) {
            load(c, users, memories, workspaces);
        }
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("loaded %,d users, %,d memories in %.1f s (COPY, indexes rebuilt after)%n", users, memories, loadSeconds);

        Random random = new Random(7);
        int[] picks = new int[iterations];
        for (int i = 0; i < iterations; i++) {
            picks[i] = random.nextInt(users);
        }
        try (DataStore store = PostgresDataStore.open(pg.appConfig(db).withPoolSize(4));
             HikariDataSource appPool = Pools.pool(pg.url(db), TestPostgres.APP, TestPostgres.APP_PASSWORD, 2, "bench-app");
             HikariDataSource superPool = pg.superPool(db, 2, "bench-super");
             Connection superConn = pg.superConnection(db)) {
            TenantScope scope = new TenantScope(Jdbi.create(appPool), "bench");
            // the same pool + JDBI + set_config transaction path as the app role, only the role differs
            TenantScope superScope = new TenantScope(Jdbi.create(superPool), "bench");
            superConn.setAutoCommit(false);
            PreparedStatement setClaims = superConn.prepareStatement("select set_config('request.jwt.claims', ?, true)");
            PreparedStatement list = superConn.prepareStatement(LIST_SQL);
            PreparedStatement search = superConn.prepareStatement(SEARCH_SQL);

            System.out.println("load average before: " + loadAverage());
            String probe = user(picks[0]);
            String probeWs = workspaces[picks[0]];
            for (String[] q : new String[][] {{"list", LIST_SQL, null}, {"search", SEARCH_SQL, "%needle%"}}) {
                String sql = "explain (analyze, costs off, summary on) " + q[1];
                System.out.println("--- " + q[0] + ", app role, RLS on:");
                scope.inTenantTransaction(probe, h -> {
                    var query = h.createQuery(sql).bind(0, probe).bind(1, probeWs);
                    if (q[2] != null) {
                        query.bind(2, q[2]);
                    }
                    return query.mapTo(String.class).list();
                }).forEach(System.out::println);
                System.out.println("--- " + q[0] + ", superuser, RLS off:");
                try (PreparedStatement ex = superConn.prepareStatement(sql)) {
                    ex.setString(1, probe);
                    ex.setString(2, probeWs);
                    if (q[2] != null) {
                        ex.setString(3, q[2]);
                    }
                    try (ResultSet rs = ex.executeQuery()) {
                        while (rs.next()) {
                            System.out.println(rs.getString(1));
                        }
                    }
                }
                superConn.commit();
            }
            try (Statement st = superConn.createStatement(); ResultSet rs = st.executeQuery("select p.provolatile,"
                    + " p.proparallel, p.proconfig::text, p.prosecdef from pg_proc p join pg_namespace n on n.oid = p.pronamespace"
                    + " where n.nspname = 'auth' and p.proname = 'uid'")) {
                rs.next();
                System.out.println("auth.uid(): volatile=" + rs.getString(1) + " parallel=" + rs.getString(2) + " config="
                        + rs.getString(3) + " secdef=" + rs.getBoolean(4));
            }
            superConn.commit();

            List<String> rows = new ArrayList<>();
            rows.add(row("list: DataStore.getMemories (RLS on)", measure(picks, u -> store.getMemories(user(u),
                    MemoryFilters.workspace(workspaces[u]), Page.first(50)))));
            rows.add(row("list: same SQL, app role, RLS on", measure(picks, u -> scope.inTenantTransaction(user(u),
                    h -> h.createQuery(LIST_SQL).bind(0, user(u)).bind(1, workspaces[u]).mapToMap().list()))));
            rows.add(row("list: same SQL, superuser, RLS off, same pool/JDBI path", measure(picks, u -> superScope.inTenantTransaction(user(u),
                    h -> h.createQuery(LIST_SQL).bind(0, user(u)).bind(1, workspaces[u]).mapToMap().list()))));
            rows.add(row("list: same SQL, superuser, RLS off, raw JDBC", measure(picks, u -> superQuery(superConn, setClaims, list,
                    user(u), workspaces[u], null))));
            rows.add(row("search: DataStore.getMemories (RLS on)", measure(picks, u -> store.getMemories(user(u),
                    MemoryFilters.workspace(workspaces[u]).withSearch("needle"), Page.first(50)))));
            rows.add(row("search: same SQL, app role, RLS on", measure(picks, u -> scope.inTenantTransaction(user(u),
                    h -> h.createQuery(SEARCH_SQL).bind(0, user(u)).bind(1, workspaces[u]).bind(2, "%needle%")
                            .mapToMap().list()))));
            rows.add(row("search: same SQL, superuser, RLS off, same pool/JDBI path", measure(picks, u -> superScope.inTenantTransaction(user(u),
                    h -> h.createQuery(SEARCH_SQL).bind(0, user(u)).bind(1, workspaces[u]).bind(2, "%needle%")
                            .mapToMap().list()))));
            rows.add(row("search: same SQL, superuser, RLS off, raw JDBC", measure(picks, u -> superQuery(superConn, setClaims, search,
                    user(u), workspaces[u], "%needle%"))));
            // A/B on the function attributes V3 sets: SET search_path makes the SQL function non-inlinable
            try (Statement st = superConn.createStatement()) {
                st.execute("alter function auth.uid() reset search_path");
            }
            superConn.commit();
            rows.add(row("list: same SQL, app role, RLS on, auth.uid() without SET search_path", measure(picks,
                    u -> scope.inTenantTransaction(user(u),
                            h -> h.createQuery(LIST_SQL).bind(0, user(u)).bind(1, workspaces[u]).mapToMap().list()))));
            try (Statement st = superConn.createStatement()) {
                st.execute("alter function auth.uid() set search_path = pg_catalog");
            }
            superConn.commit();
            rows.add(row("list: same SQL, app role, RLS on (again, V3 attributes)", measure(picks,
                    u -> scope.inTenantTransaction(user(u),
                            h -> h.createQuery(LIST_SQL).bind(0, user(u)).bind(1, workspaces[u]).mapToMap().list()))));
            rows.add(row("list: same SQL, superuser, RLS off, same pool/JDBI path (again)", measure(picks,
                    u -> superScope.inTenantTransaction(user(u),
                            h -> h.createQuery(LIST_SQL).bind(0, user(u)).bind(1, workspaces[u]).mapToMap().list()))));
            System.out.println();
            System.out.printf("%d users, %,d memories, %d iterations per row (random users, after %d warm-up)%n",
                    users, memories, iterations, iterations / 4);
            System.out.println("| query | p50 ms | p95 ms | mean ms |");
            System.out.println("|---|---:|---:|---:|");
            rows.forEach(System.out::println);
            System.out.println("load average after: " + loadAverage());
        }
        System.exit(0);
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String user(int u) {
        return "bench-user-" + u;
    }

    private static void superQuery(Connection c, PreparedStatement setClaims, PreparedStatement q, String user,
                                   String ws, String search) {
        try {
            setClaims.setString(1, "{\"sub\":\"" + user + "\"}");
            setClaims.executeQuery().close();
            q.setString(1, user);
            q.setString(2, ws);
            if (search != null) {
                q.setString(3, search);
            }
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    rs.getString("content");
                }
            }
            c.commit();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double[] measure(int[] picks, IntConsumer call) {
        for (int i = 0; i < picks.length / 4; i++) {
            call.accept(picks[i]);
        }
        double[] ms = new double[picks.length];
        for (int i = 0; i < picks.length; i++) {
            long s = System.nanoTime();
            call.accept(picks[i]);
            ms[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static String row(String name, double[] ms) {
        double mean = Arrays.stream(ms).average().orElse(0);
        String r = String.format("| %s | %.2f | %.2f | %.2f |", name, ms[ms.length / 2], ms[(int) (ms.length * 0.95)], mean);
        System.out.println(r);
        return r;
    }

    private static void load(Connection c, int users, int memories, String[] workspaces) throws Exception {
        c.setAutoCommit(false);
        try (PreparedStatement ws = c.prepareStatement("insert into workspaces (id, user_id, name, slug) values (?::uuid, ?, ?, ?)")) {
            for (int u = 0; u < users; u++) {
                workspaces[u] = UUID.randomUUID().toString();
                ws.setString(1, workspaces[u]);
                ws.setString(2, user(u));
                ws.setString(3, "Workspace " + u);
                ws.setString(4, "workspace-" + u);
                ws.addBatch();
            }
            ws.executeBatch();
        }
        List<String> indexDefs = new ArrayList<>();
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select indexname, indexdef from pg_indexes where tablename = 'memories'"
                    + " and indexname <> 'memories_pkey'")) {
                while (rs.next()) {
                    indexDefs.add(rs.getString(2));
                    st.getConnection().createStatement().execute("drop index " + rs.getString(1));
                }
            }
        }
        long base = 1_700_000_000_000L;
        Random random = new Random(42);
        Reader rows = new Reader() {
            private int next;
            private final StringBuilder buf = new StringBuilder();
            private int pos;

            @Override
            public int read(char[] cbuf, int off, int len) {
                while (buf.length() - pos < len && next < memories) {
                    int u = next % users;
                    StringBuilder content = new StringBuilder();
                    for (int w = 0; w < 12; w++) {
                        content.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
                    }
                    if (random.nextInt(20) == 0) {
                        content.append("needle");
                    }
                    String ts = java.time.Instant.ofEpochMilli(base + next * 1000L).toString();
                    buf.append(user(u)).append('\t').append("m").append(next).append('\t').append(workspaces[u])
                            .append('\t').append(random.nextBoolean() ? "decision" : "lesson").append('\t')
                            .append(content).append('\t').append(ts).append('\t').append(ts).append('\n');
                    next++;
                }
                if (pos >= buf.length()) {
                    return -1;
                }
                int n = Math.min(len, buf.length() - pos);
                buf.getChars(pos, pos + n, cbuf, off);
                pos += n;
                if (pos > 1 << 20) {
                    buf.delete(0, pos);
                    pos = 0;
                }
                return n;
            }

            @Override
            public void close() throws IOException {
            }
        };
        c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY memories (user_id, id, workspace_id, event_type, content,"
                + " created_at, updated_at) FROM STDIN", rows);
        try (Statement st = c.createStatement()) {
            st.execute("set maintenance_work_mem = '256MB'");
            for (String def : indexDefs) {
                st.execute(def);
            }
        }
        c.commit();
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
            st.execute("vacuum analyze memories");
            st.execute("vacuum analyze workspaces");
        }
    }
}
