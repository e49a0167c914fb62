package co.omegamax.platform.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import co.omegamax.platform.spi.AuthFailureReason;
import co.omegamax.platform.spi.AuthProvider;
import co.omegamax.platform.spi.AuthRequest;
import co.omegamax.platform.spi.AuthSession;
import co.omegamax.platform.spi.AuthUser;
import co.omegamax.platform.spi.AuthenticationException;
import co.omegamax.platform.spi.Credentials;
import co.omegamax.platform.spi.UserAccount;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Proves the kit can fail: broken providers run through it must fail the matching tests. */
class AuthProviderCompatibilityKitSelfTest {

    /** Accepts any token that has a sub: no signature, algorithm, issuer, audience or time checks. */
    static class LaxProvider implements AuthProvider {
        static volatile boolean logTokens;
        private static final System.Logger LOG = System.getLogger(LaxProvider.class.getName());

        @Override
        public AuthSession authenticate(AuthRequest request) {
            String token = request.bearerToken().orElseThrow(() ->
                    new AuthenticationException(AuthFailureReason.MISSING_TOKEN, "no token"));
            if (logTokens) {
                LOG.log(System.Logger.Level.DEBUG, "checking token " + token);
            }
            String[] parts = token.split("\\.", -1);
            if (parts.length != 3) {
                throw new AuthenticationException(AuthFailureReason.MALFORMED_TOKEN, "not a JWT");
            }
            String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            Matcher sub = Pattern.compile("\"sub\":\"([^\"]+)\"").matcher(payload);
            if (!sub.find()) {
                throw new AuthenticationException(AuthFailureReason.MISSING_CLAIM, "no sub");
            }
            Matcher email = Pattern.compile("\"email\":\"([^\"]+)\"").matcher(payload);
            Matcher exp = Pattern.compile("\"exp\":(\\d+)").matcher(payload);
            if (!exp.find()) {
                throw new AuthenticationException(AuthFailureReason.MISSING_CLAIM, "no exp");
            }
            return new AuthSession(new AuthUser(sub.group(1), email.find() ? email.group(1) : "", null, null), token,
                    Instant.ofEpochSecond(Long.parseLong(exp.group(1))));
        }

        @Override
        public Optional<AuthUser> getCurrentUser(AuthRequest request) {
            return validateSession(request).map(AuthSession::user);
        }

        @Override
        public Optional<AuthSession> validateSession(AuthRequest request) {
            try {
                return Optional.of(authenticate(request));
            } catch (AuthenticationException e) {
                return Optional.empty();
            }
        }

        @Override
        public Optional<UserAccount> getUserAccount(String userId) {
            return Optional.empty();
        }

        @Override
        public AuthSession signIn(Credentials credentials) {
            throw new AuthenticationException("no");
        }

        @Override
        public void signOut(AuthRequest request) {
        }
    }

    /** The kit wired to the lax provider and a JDK RS256 signer. Nested so surefire does not run it directly. */
    static class LaxKitRun extends AuthProviderCompatibilityKit {
        private KeyPair keys = newKeys();
        private String kid = UUID.randomUUID().toString();

        static KeyPair newKeys() {
            try {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(2048);
                return g.generateKeyPair();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        protected AuthProvider createProvider() {
            return new LaxProvider();
        }

        @Override
        protected String issuer() {
            return "https://issuer.example.com";
        }

        @Override
        protected String audience() {
            return "api";
        }

        @Override
        protected String sign(Map<String, Object> claims, Map<String, Object> extraHeaders) {
            return rs256(keys, kid, claims, extraHeaders);
        }

        @Override
        protected String signWithUnknownKey(Map<String, Object> claims) {
            return rs256(newKeys(), "unknown", claims, Map.of());
        }

        @Override
        protected PublicKey currentPublicKey() {
            return keys.getPublic();
        }

        @Override
        protected void rotateKey() {
            keys = newKeys();
            kid = UUID.randomUUID().toString();
        }

        static String rs256(KeyPair keys, String kid, Map<String, Object> claims, Map<String, Object> extra) {
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("alg", "RS256");
            header.put("kid", kid);
            header.putAll(extra);
            String input = Jwts.b64Json(header) + "." + Jwts.b64Json(claims);
            try {
                Signature s = Signature.getInstance("SHA256withRSA");
                s.initSign(keys.getPrivate());
                s.update(input.getBytes(StandardCharsets.US_ASCII));
                return input + "." + Jwts.b64(s.sign());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static Events run() {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(LaxKitRun.class)).execute().testEvents();
    }

    @Test
    void aProviderThatChecksNothingFailsEveryRejectionTest() {
        LaxProvider.logTokens = false;
        Events events = run();
        assertThat(events.started().count()).isEqualTo(16);
        // alg none, confusion, expired, nbf, issuer, audience, unknown kid, tampered payload, tampered signature
        assertThat(events.failed().count()).isEqualTo(9);
        assertThat(events.succeeded().count()).isEqualTo(7);
    }

    @Test
    void aProviderThatLogsTokensFailsTheLeakCheck() {
        LaxProvider.logTokens = true;
        try {
            Events events = run();
            assertThat(events.failed().count()).isGreaterThanOrEqualTo(14);
        } finally {
            LaxProvider.logTokens = false;
        }
    }
}
