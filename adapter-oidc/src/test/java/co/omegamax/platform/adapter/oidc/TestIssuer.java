package co.omegamax.platform.adapter.oidc;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal OIDC issuer on 127.0.0.1 (JDK HttpServer) whose RSA keys the test controls: discovery document and
 * JWKS, nothing else. Signs tokens with nimbus.
 */
final class TestIssuer implements AutoCloseable {
    final HttpServer server;
    final String issuer;
    final AtomicInteger jwksRequests = new AtomicInteger();
    private final List<RSAKey> published = new CopyOnWriteArrayList<>();
    private volatile RSAKey current;
    volatile String advertisedIssuer;

    TestIssuer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realm";
        advertisedIssuer = issuer;
        current = newKey();
        published.add(current);
        server.createContext("/realm/.well-known/openid-configuration", ex -> {
            String json = "{\"issuer\":\"" + advertisedIssuer + "\",\"jwks_uri\":\"" + issuer + "/jwks\","
                    + "\"authorization_endpoint\":\"" + issuer + "/authorize\",\"token_endpoint\":\"" + issuer + "/token\","
                    + "\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"public\"],"
                    + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
            respond(ex, json);
        });
        server.createContext("/realm/jwks", ex -> {
            jwksRequests.incrementAndGet();
            respond(ex, new JWKSet(List.copyOf(published).stream().map(k -> (com.nimbusds.jose.jwk.JWK) k.toPublicJWK()).toList()).toString());
        });
        server.start();
    }

    private static void respond(com.sun.net.httpserver.HttpExchange ex, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("k-" + UUID.randomUUID()).algorithm(JWSAlgorithm.RS256).generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final RSAKey SPARE = newKey();

    /** @return a foreign key under a fresh kid, without generating a new RSA key pair */
    static RSAKey newKeyFast() {
        return new RSAKey.Builder(SPARE).keyID("k-" + UUID.randomUUID()).build();
    }

    RSAKey current() {
        return current;
    }

    void rotate() {
        RSAKey next = newKey();
        published.add(next);
        current = next;
    }

    String sign(Map<String, Object> claims, Map<String, Object> extraHeaders) {
        return sign(current, claims, extraHeaders);
    }

    static String sign(RSAKey key, Map<String, Object> claims, Map<String, Object> extraHeaders) {
        try {
            JWSHeader.Builder h = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT);
            extraHeaders.forEach((k, v) -> {
                if ("kid".equals(k)) {
                    h.keyID((String) v);
                } else {
                    h.customParam(k, v);
                }
            });
            JWTClaimsSet.Builder c = new JWTClaimsSet.Builder();
            claims.forEach(c::claim);
            JWTClaimsSet set = JWTClaimsSet.parse(new com.nimbusds.jose.Payload(co.omegamax.platform.tck.Jwts.json(claims)).toJSONObject());
            SignedJWT jwt = new SignedJWT(h.build(), set);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String b64(byte[] b) {
        return Base64URL.encode(b).toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
