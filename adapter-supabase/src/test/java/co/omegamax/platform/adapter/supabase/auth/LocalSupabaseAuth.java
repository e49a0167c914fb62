package co.omegamax.platform.adapter.supabase.auth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP server (JDK HttpServer on 127.0.0.1) speaking the Supabase Auth (GoTrue) endpoints OMEGA uses:
 * {@code POST /auth/v1/token?grant_type=password|refresh_token}, {@code POST /auth/v1/logout},
 * {@code GET /auth/v1/user}, {@code GET /auth/v1/.well-known/jwks.json}. Tokens are real ES256 JWTs signed with keys
 * the test controls; every call must carry the {@code apikey} header.
 */
final class LocalSupabaseAuth implements AutoCloseable {
    static final String ANON_KEY = "sb_publishable_test_" + UUID.randomUUID();

    record UserRow(String id, String email, String password, String fullName) {
    }

    final HttpServer server;
    final String url;
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger missingApiKey = new AtomicInteger();
    private final Map<String, UserRow> usersByEmail = new ConcurrentHashMap<>();
    private final Map<String, String[]> refreshTokens = new ConcurrentHashMap<>(); // token -> [userId, sessionId]
    private final Set<String> endedSessions = ConcurrentHashMap.newKeySet();
    private final List<ECKey> published = new CopyOnWriteArrayList<>();
    private volatile ECKey current;

    LocalSupabaseAuth() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        url = "http://127.0.0.1:" + server.getAddress().getPort();
        current = newKey();
        published.add(current);
        server.createContext("/auth/v1/", this::handle);
        server.start();
    }

    static ECKey newKey() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).algorithm(JWSAlgorithm.ES256).generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    String issuer() {
        return url + "/auth/v1";
    }

    ECKey current() {
        return current;
    }

    void rotate() {
        current = newKey();
        published.add(current);
    }

    UserRow addUser(String email, String password, String fullName) {
        UserRow u = new UserRow(UUID.randomUUID().toString(), email, password, fullName);
        usersByEmail.put(email, u);
        return u;
    }

    String sign(Map<String, Object> claims, Map<String, Object> extraHeaders) {
        return sign(current, claims, extraHeaders);
    }

    static String sign(ECKey key, Map<String, Object> claims, Map<String, Object> extraHeaders) {
        try {
            JWSHeader.Builder h = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(JOSEObjectType.JWT);
            extraHeaders.forEach((k, v) -> {
                if ("kid".equals(k)) {
                    h.keyID((String) v);
                } else {
                    h.customParam(k, v);
                }
            });
            SignedJWT jwt = new SignedJWT(h.build(), JWTClaimsSet.parse(claims));
            jwt.sign(new ECDSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String signHs256(byte[] secret, Map<String, Object> claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), JWTClaimsSet.parse(claims));
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    Map<String, Object> claimsFor(UserRow u, String sessionId) {
        Map<String, Object> c = new LinkedHashMap<>();
        long now = Instant.now().getEpochSecond();
        c.put("iss", issuer());
        c.put("aud", "authenticated");
        c.put("sub", u.id());
        c.put("email", u.email());
        c.put("role", "authenticated");
        c.put("session_id", sessionId);
        c.put("iat", now);
        c.put("exp", now + 3600);
        c.put("user_metadata", Map.of("full_name", u.fullName()));
        return c;
    }

    private void handle(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        try (ex) {
            if (!ANON_KEY.equals(ex.getRequestHeaders().getFirst("apikey"))) {
                missingApiKey.incrementAndGet();
                send(ex, 401, Map.of("message", "No API key found in request", "hint", "No `apikey` request header or url param was found."));
                return;
            }
            String path = ex.getRequestURI().getPath();
            String query = ex.getRequestURI().getQuery() == null ? "" : ex.getRequestURI().getQuery();
            String method = ex.getRequestMethod();
            if ("GET".equals(method) && path.equals("/auth/v1/.well-known/jwks.json")) {
                List<JWK> keys = published.stream().map(k -> (JWK) k.toPublicJWK()).toList();
                sendRaw(ex, 200, new JWKSet(keys).toString());
            } else if ("POST".equals(method) && path.equals("/auth/v1/token")) {
                Map<String, Object> body = JSONObjectUtils.parse(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                if (query.equals("grant_type=password")) {
                    UserRow u = usersByEmail.get(String.valueOf(body.get("email")));
                    if (u == null || !u.password().equals(body.get("password"))) {
                        send(ex, 400, Map.of("code", 400, "error_code", "invalid_credentials", "msg", "Invalid login credentials"));
                        return;
                    }
                    send(ex, 200, session(u, UUID.randomUUID().toString()));
                } else if (query.equals("grant_type=refresh_token")) {
                    String[] owner = refreshTokens.remove(String.valueOf(body.get("refresh_token")));
                    if (owner == null || endedSessions.contains(owner[1])) {
                        send(ex, 400, Map.of("code", 400, "error_code", "refresh_token_not_found",
                                "msg", "Invalid Refresh Token: Refresh Token Not Found"));
                        return;
                    }
                    UserRow u = usersByEmail.values().stream().filter(x -> x.id().equals(owner[0])).findFirst().orElseThrow();
                    send(ex, 200, session(u, owner[1]));
                } else {
                    send(ex, 400, Map.of("code", 400, "error_code", "validation_failed", "msg", "unsupported_grant_type"));
                }
            } else if ("POST".equals(method) && path.equals("/auth/v1/logout")) {
                JWTClaimsSet c = bearer(ex);
                if (c == null) {
                    send(ex, 401, Map.of("code", 401, "error_code", "bad_jwt", "msg", "invalid JWT"));
                    return;
                }
                endedSessions.add((String) c.getClaim("session_id"));
                ex.sendResponseHeaders(204, -1);
            } else if ("GET".equals(method) && path.equals("/auth/v1/user")) {
                JWTClaimsSet c = bearer(ex);
                if (c == null) {
                    send(ex, 401, Map.of("code", 401, "error_code", "bad_jwt", "msg", "invalid JWT"));
                    return;
                }
                if (endedSessions.contains((String) c.getClaim("session_id"))) {
                    send(ex, 403, Map.of("code", 403, "error_code", "session_not_found",
                            "msg", "Session from session_id claim in JWT does not exist"));
                    return;
                }
                UserRow u = usersByEmail.values().stream().filter(x -> x.id().equals(c.getSubject())).findFirst().orElseThrow();
                send(ex, 200, userJson(u));
            } else {
                send(ex, 404, Map.of("code", 404, "error_code", "not_found", "msg", "not found"));
            }
        } catch (java.text.ParseException e) {
            send(ex, 400, Map.of("code", 400, "error_code", "bad_json", "msg", "bad json"));
        }
    }

    private JWTClaimsSet bearer(HttpExchange ex) {
        String h = ex.getRequestHeaders().getFirst("Authorization");
        if (h == null || !h.startsWith("Bearer ")) {
            return null;
        }
        try {
            SignedJWT jwt = SignedJWT.parse(h.substring(7));
            for (ECKey k : published) {
                if (k.getKeyID().equals(jwt.getHeader().getKeyID()) && jwt.verify(new ECDSAVerifier(k.toPublicJWK()))) {
                    return jwt.getJWTClaimsSet();
                }
            }
            return null;
        } catch (Exception e) {
            return null;
        }
    }

    private Map<String, Object> session(UserRow u, String sessionId) {
        String refresh = "rt_" + UUID.randomUUID().toString().replace("-", "");
        refreshTokens.put(refresh, new String[] {u.id(), sessionId});
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("access_token", sign(claimsFor(u, sessionId), Map.of()));
        s.put("token_type", "bearer");
        s.put("expires_in", 3600);
        s.put("expires_at", Instant.now().getEpochSecond() + 3600);
        s.put("refresh_token", refresh);
        s.put("user", userJson(u));
        return s;
    }

    private static Map<String, Object> userJson(UserRow u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.id());
        m.put("aud", "authenticated");
        m.put("role", "authenticated");
        m.put("email", u.email());
        m.put("user_metadata", Map.of("full_name", u.fullName(), "avatar_url", "https://example.com/a.png"));
        m.put("app_metadata", Map.of("provider", "email"));
        return m;
    }

    private static void send(HttpExchange ex, int status, Map<String, Object> json) throws IOException {
        sendRaw(ex, status, JSONObjectUtils.toJSONString(json));
    }

    private static void sendRaw(HttpExchange ex, int status, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
