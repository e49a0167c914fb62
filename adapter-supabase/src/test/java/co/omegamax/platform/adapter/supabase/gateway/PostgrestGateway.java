package co.omegamax.platform.adapter.supabase.gateway;

import co.omegamax.platform.tck.Jwts;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local HTTP server (JDK HttpServer on 127.0.0.1, ephemeral port) speaking the PostgREST subset a Supabase client
 * uses, under Supabase's layout {@code /rest/v1/<table>} and {@code /rest/v1/rpc/<function>}. Each request runs as
 * PostgREST runs it: one transaction on a connection of the {@code authenticator} role, {@code SET LOCAL ROLE} to the
 * JWT's role (as {@code set_config('role', …, true)}, like PostgREST), the claims in {@code request.jwt.claims} (and the legacy {@code request.jwt.claim.sub}), the statement,
 * then commit (or rollback on error). Every Row Level Security decision is PostgreSQL's.
 */
final class PostgrestGateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PostgrestGateway.class);
    private static final String PREFIX = "/rest/v1/";
    private static final String OBJECT_MEDIA = "application/vnd.pgrst.object+json";

    private final ConnectionPool pool;
    private final SchemaCache schema;
    private final RequestAuth auth;
    private final RpcRequests rpc;
    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicInteger requests = new AtomicInteger();

    PostgrestGateway(ConnectionPool pool, RequestAuth auth, int threads) throws IOException {
        this.pool = pool;
        this.schema = new SchemaCache(pool);
        this.auth = auth;
        this.rpc = new RpcRequests(schema);
        this.schema.reload();
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "postgrest-gateway-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.server.setExecutor(executor);
        this.server.createContext("/rest/v1", this::handle);
        this.server.start();
    }

    /** @return the base URL, {@code http://127.0.0.1:<port>} */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** @return how many requests reached the gateway */
    int requests() {
        return requests.get();
    }

    /** Forgets the cached tables and functions (after a migration added some). */
    void reloadSchema() {
        schema.reload();
    }

    private void handle(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        Response response;
        try {
            response = route(ex);
        } catch (PgrstError e) {
            response = error(e);
        } catch (RuntimeException | SQLException e) {
            LOG.warn("local PostgREST gateway failed on {} {}", ex.getRequestMethod(), ex.getRequestURI().getPath(), e);
            response = error(new PgrstError(500, "PGRSTX00", "local gateway error: " + e.getClass().getSimpleName(),
                    null, null));
        }
        send(ex, response);
    }

    private Response route(HttpExchange ex) throws IOException, SQLException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getRawPath();
        RequestAuth.Caller caller = auth.authenticate(ex.getRequestHeaders().getFirst("apikey"),
                ex.getRequestHeaders().getFirst("Authorization"));
        for (String profile : new String[] {"Accept-Profile", "Content-Profile"}) {
            String p = ex.getRequestHeaders().getFirst(profile);
            if (p != null && !p.equals("public")) {
                throw new PgrstError(406, "PGRST106", "The schema must be one of the following: public", null, null);
            }
        }
        if (!path.startsWith(PREFIX) || path.length() == PREFIX.length()) {
            throw new PgrstError(404, "PGRST125", "Invalid path specified in request URL", null,
                    "the local gateway serves /rest/v1/<table> and /rest/v1/rpc/<function>");
        }
        String resource = java.net.URLDecoder.decode(path.substring(PREFIX.length()), StandardCharsets.UTF_8);
        QueryString query = QueryString.parse(ex.getRequestURI().getRawQuery());
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String accept = ex.getRequestHeaders().getFirst("Accept");
        boolean single = accept != null && accept.contains(OBJECT_MEDIA);
        if (resource.startsWith("rpc/")) {
            if (!method.equals("POST")) {
                throw new PgrstError(405, "PGRST101", "the local gateway calls functions with POST only", null,
                        "send the arguments as a JSON object in a POST body");
            }
            RpcRequests.Resolved fn = rpc.resolve(resource.substring(4), body);
            return inTransaction(caller, method, path, c -> rpc.call(c, fn, body, single), single);
        }
        if (resource.contains("/")) {
            throw new PgrstError(404, "PGRST125", "Invalid path specified in request URL", null, null);
        }
        TableRequests table = new TableRequests(schema.table(resource));
        Prefer prefer = Prefer.parse(ex.getRequestHeaders().get("Prefer"));
        TableRequests.Ask ask = new TableRequests.Ask(query, prefer, single, ex.getRequestHeaders().getFirst("Range"),
                body.isEmpty() ? null : body);
        return switch (method) {
            case "GET" -> inTransaction(caller, method, path, c -> table.read(c, ask, false), single);
            case "HEAD" -> inTransaction(caller, method, path, c -> table.read(c, ask, true), single);
            case "POST" -> inTransaction(caller, method, path, c -> table.insert(c, ask), single);
            case "PATCH" -> inTransaction(caller, method, path, c -> table.update(c, ask), single);
            case "DELETE" -> inTransaction(caller, method, path, c -> table.delete(c, ask), single);
            default -> throw new PgrstError(405, "PGRST117", "Unsupported HTTP method: " + method, null,
                    "the local gateway serves GET, HEAD, POST, PATCH and DELETE on tables");
        };
    }

    /** The part of a request that runs inside the transaction. */
    private interface Work {
        Response run(Connection c) throws SQLException;
    }

    private Response inTransaction(RequestAuth.Caller caller, String method, String path, Work work, boolean single)
            throws SQLException {
        try (ConnectionPool.Lease lease = pool.lease()) {
            Connection c = lease.connection();
            try {
                // one round trip, as PostgREST does it: set_config('role', …, true) is SET LOCAL ROLE
                try (PreparedStatement ps = c.prepareStatement("SELECT set_config('role', ?, true),"
                        + " set_config('request.jwt.claims', ?, true), set_config('request.jwt.claim.sub', ?, true),"
                        + " set_config('request.jwt.claim.role', ?, true), set_config('request.method', ?, true),"
                        + " set_config('request.path', ?, true)")) {
                    ps.setString(1, caller.role());
                    ps.setString(2, caller.claimsJson());
                    ps.setString(3, caller.subject() == null ? "" : caller.subject());
                    ps.setString(4, caller.role());
                    ps.setString(5, method);
                    ps.setString(6, path);
                    ps.execute();
                }
                Response response = work.run(c);
                if (response.rollback()) {
                    c.rollback();
                } else {
                    c.commit();
                }
                if (single && response.body() != null) {
                    response.header("Content-Type", OBJECT_MEDIA + "; charset=utf-8");
                }
                return response;
            } catch (PSQLException e) {
                rollbackQuietly(c, lease);
                throw translate(e, caller);
            } catch (RuntimeException | SQLException e) {
                rollbackQuietly(c, lease);
                throw e;
            }
        }
    }

    private static void rollbackQuietly(Connection c, ConnectionPool.Lease lease) {
        try {
            c.rollback();
        } catch (SQLException e) {
            lease.markBroken();
        }
    }

    /** PostgreSQL's error as PostgREST forwards it, with PostgREST's status mapping. */
    static PgrstError translate(PSQLException e, RequestAuth.Caller caller) {
        ServerErrorMessage m = e.getServerErrorMessage();
        String state = e.getSQLState() == null ? "XX000" : e.getSQLState();
        String message = m != null && m.getMessage() != null ? m.getMessage() : e.getMessage();
        return new PgrstError(status(state, caller.authenticated()), state, message, m == null ? null : m.getDetail(),
                m == null ? null : m.getHint());
    }

    /** PostgREST's "HTTP Status Codes" table (docs: Errors). */
    static int status(String state, boolean authenticated) {
        switch (state) {
            case "23503", "23505":
                return 409;
            case "25006":
                return 405;
            case "42883", "42P01":
                return 404;
            case "42P17", "53400":
                return 500;
            case "42501":
                return authenticated ? 403 : 401;
            case "P0001":
                return 400;
            default:
                break;
        }
        if (state.startsWith("PT") && state.substring(2).chars().allMatch(Character::isDigit) && state.length() == 5) {
            return Integer.parseInt(state.substring(2));
        }
        String cls = state.substring(0, 2);
        return switch (cls) {
            case "08", "53" -> 503;
            case "0L", "0P", "28" -> 403;
            case "09", "25", "2D", "38", "39", "3B", "40", "54", "55", "57", "58", "F0", "HV", "P0", "XX" -> 500;
            default -> 400;
        };
    }

    private static Response error(PgrstError e) {
        Response r = Response.of(e.status, e.json());
        if (e.status == 401 && e.code != null && e.code.startsWith("PGRST30")) {
            r.header("WWW-Authenticate", "Bearer error=\"invalid_token\", error_description="
                    + Jwts.json(e.getMessage()));
        }
        return r;
    }

    private static void send(HttpExchange ex, Response r) throws IOException {
        try (ex) {
            for (Map.Entry<String, String> h : r.headers().entrySet()) {
                ex.getResponseHeaders().set(h.getKey(), h.getValue());
            }
            boolean head = ex.getRequestMethod().equals("HEAD");
            if (r.body() == null || head) {
                if (head && r.body() != null) {
                    ex.getResponseHeaders().putIfAbsent("Content-Type", List.of("application/json; charset=utf-8"));
                }
                ex.sendResponseHeaders(r.status(), -1);
                return;
            }
            byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().putIfAbsent("Content-Type", List.of("application/json; charset=utf-8"));
            ex.sendResponseHeaders(r.status(), bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
