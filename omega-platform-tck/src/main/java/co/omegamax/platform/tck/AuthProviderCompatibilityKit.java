package co.omegamax.platform.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import co.omegamax.platform.spi.AuthFailureReason;
import co.omegamax.platform.spi.AuthProvider;
import co.omegamax.platform.spi.AuthRequest;
import co.omegamax.platform.spi.AuthSession;
import co.omegamax.platform.spi.AuthenticationException;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Conformance kit every {@link AuthProvider} runs against a token issuer the test controls. A subclass supplies the
 * provider (configured to trust the test issuer, pinned to its asymmetric algorithm) and a few hooks to mint
 * tokens; the kit builds every hostile token itself (unsigned, HMAC-signed with the public key, tampered).
 *
 * <p>Checked: a valid token is accepted (user id from {@code sub}, e-mail, expiry from {@code exp}); each of
 * {@code alg: none}, algorithm confusion, expired, not yet valid, wrong issuer, wrong audience, unknown key id,
 * tampered payload, tampered signature, missing {@code sub}, missing {@code exp}, garbage and no token is refused
 * by {@link AuthProvider#authenticate} with the expected {@link AuthFailureReason} and by
 * {@link AuthProvider#validateSession}/{@link AuthProvider#getCurrentUser} with empty; clock skew is honoured;
 * tokens keep working across a key rotation. After every test, no token the kit minted (nor its signature or
 * payload) appears in anything logged (JUL, {@code System.Logger}, stdout, stderr) or in any exception message or
 * cause chain.
 */
public abstract class AuthProviderCompatibilityKit {

    private final List<String> secrets = new ArrayList<>();
    private final List<String> exceptionTexts = new ArrayList<>();
    private SecretCapture capture;
    private AuthProvider provider;

    /** @return a new provider trusting the test issuer; the kit closes it after each test */
    protected abstract AuthProvider createProvider();

    /** @return the issuer ({@code iss}) the provider trusts */
    protected abstract String issuer();

    /** @return the audience ({@code aud}) the provider requires */
    protected abstract String audience();

    /**
     * Signs a token with the issuer's current key and algorithm; the header carries {@code alg}, {@code kid} of
     * that key and {@code extraHeaders} (which may override them).
     *
     * @return the compact JWS
     */
    protected abstract String sign(Map<String, Object> claims, Map<String, Object> extraHeaders);

    /** @return a token signed by a key the issuer never published, under a {@code kid} its key set lacks */
    protected abstract String signWithUnknownKey(Map<String, Object> claims);

    /** @return the issuer's current public key (the kit HMAC-signs with its encoded bytes for algorithm confusion) */
    protected abstract PublicKey currentPublicKey();

    /** Replaces the issuer's signing key with a new one under a new {@code kid} and publishes it. */
    protected abstract void rotateKey();

    /** @return clock skew the provider allows; the kit stays well outside it for negative cases */
    protected Duration clockSkew() {
        return Duration.ofSeconds(60);
    }

    /** @return the provider under test for this test (created lazily) */
    protected final AuthProvider provider() {
        if (provider == null) {
            provider = createProvider();
        }
        return provider;
    }

    /** @return claims of a valid token for {@code subject} */
    protected Map<String, Object> validClaims(String subject) {
        Instant now = Instant.now();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("iss", issuer());
        c.put("aud", audience());
        c.put("sub", subject);
        c.put("email", subject + "@example.com");
        c.put("name", "Kit User");
        c.put("iat", now.getEpochSecond());
        c.put("exp", now.plus(Duration.ofMinutes(10)).getEpochSecond());
        return c;
    }

    @BeforeEach
    final void startCapture() {
        capture = SecretCapture.start();
    }

    @AfterEach
    final void closeAndCheckNoSecretLeaked() {
        try {
            if (provider != null) {
                provider.close();
            }
        } finally {
            capture.close();
        }
        String logged = capture.text();
        for (String secret : secrets) {
            String[] parts = secret.split("\\.", -1);
            for (String fragment : fragments(secret, parts)) {
                assertThat(logged).as("log output must not contain a token or its parts").doesNotContain(fragment);
                for (String text : exceptionTexts) {
                    assertThat(text).as("exception messages must not contain a token or its parts").doesNotContain(fragment);
                }
            }
        }
    }

    private static List<String> fragments(String token, String[] parts) {
        List<String> out = new ArrayList<>(List.of(token));
        if (parts.length == 3) {
            if (parts[1].length() >= 16) {
                out.add(parts[1]);
            }
            if (parts[2].length() >= 16) {
                out.add(parts[2]);
            }
        }
        return out;
    }

    private String remember(String token) {
        secrets.add(token);
        return token;
    }

    private static AuthRequest bearer(String token) {
        return AuthRequest.builder().bearer(token).build();
    }

    private static String subject() {
        return "kit-" + UUID.randomUUID();
    }

    /** Asserts the provider accepts {@code token} for {@code subject}. @return the session */
    protected final AuthSession assertAccepted(String token, String subject) {
        remember(token);
        AuthSession session = provider().authenticate(bearer(token));
        assertThat(session.user().id()).isEqualTo(subject);
        assertThat(provider().validateSession(bearer(token))).isPresent();
        assertThat(provider().getCurrentUser(bearer(token))).get().extracting(u -> u.id()).isEqualTo(subject);
        return session;
    }

    /** Asserts the provider refuses {@code token} with {@code reason}, through every entry point. */
    protected final void assertRejected(String token, AuthFailureReason reason) {
        remember(token);
        Throwable t = catchThrowable(() -> provider().authenticate(bearer(token)));
        assertThat(t).as("authenticate must throw AuthenticationException").isInstanceOf(AuthenticationException.class);
        for (Throwable c = t; c != null; c = c.getCause()) {
            exceptionTexts.add(String.valueOf(c.getMessage()) + " " + c);
        }
        assertThat(((AuthenticationException) t).reason()).as("reason (message: %s)", t.getMessage()).isEqualTo(reason);
        assertThat(t.getMessage()).as("message must be actionable").isNotBlank();
        assertThat(provider().validateSession(bearer(token))).isEmpty();
        assertThat(provider().getCurrentUser(bearer(token))).isEmpty();
    }

    @Test
    void acceptsAValidToken() {
        String sub = subject();
        Map<String, Object> claims = validClaims(sub);
        AuthSession s = assertAccepted(sign(claims, Map.of()), sub);
        assertThat(s.user().email()).isEqualTo(sub + "@example.com");
        assertThat(s.expiresAt()).isEqualTo(Instant.ofEpochSecond((Long) claims.get("exp")));
        assertThat(s.toString()).doesNotContain(s.accessToken());
    }

    @Test
    void acceptsATokenExpiredWithinTheClockSkew() {
        String sub = subject();
        Map<String, Object> claims = validClaims(sub);
        claims.put("exp", Instant.now().minus(clockSkew().dividedBy(3)).getEpochSecond());
        assertAccepted(sign(claims, Map.of()), sub);
    }

    @Test
    void rejectsAlgNone() {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "none");
        header.put("typ", "JWT");
        assertRejected(Jwts.unsigned(header, validClaims(subject())), AuthFailureReason.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void rejectsHs256SignedWithThePublicKey() {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "HS256");
        header.put("typ", "JWT");
        String token = Jwts.hs256(header, validClaims(subject()), currentPublicKey().getEncoded());
        assertRejected(token, AuthFailureReason.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void rejectsAnExpiredToken() {
        Map<String, Object> claims = validClaims(subject());
        claims.put("iat", Instant.now().minus(Duration.ofHours(2)).getEpochSecond());
        claims.put("exp", Instant.now().minus(clockSkew()).minus(Duration.ofMinutes(5)).getEpochSecond());
        assertRejected(sign(claims, Map.of()), AuthFailureReason.EXPIRED);
    }

    @Test
    void rejectsATokenNotYetValid() {
        Map<String, Object> claims = validClaims(subject());
        claims.put("nbf", Instant.now().plus(clockSkew()).plus(Duration.ofMinutes(5)).getEpochSecond());
        claims.put("exp", Instant.now().plus(Duration.ofHours(1)).getEpochSecond());
        assertRejected(sign(claims, Map.of()), AuthFailureReason.NOT_YET_VALID);
    }

    @Test
    void rejectsAWrongIssuer() {
        Map<String, Object> claims = validClaims(subject());
        claims.put("iss", issuer() + "-evil");
        assertRejected(sign(claims, Map.of()), AuthFailureReason.WRONG_ISSUER);
    }

    @Test
    void rejectsAWrongAudience() {
        Map<String, Object> claims = validClaims(subject());
        claims.put("aud", "someone-else");
        assertRejected(sign(claims, Map.of()), AuthFailureReason.WRONG_AUDIENCE);
    }

    @Test
    void rejectsAnUnknownKeyId() {
        assertRejected(signWithUnknownKey(validClaims(subject())), AuthFailureReason.UNKNOWN_KEY);
    }

    @Test
    void rejectsATamperedPayload() {
        String sub = subject();
        String token = remember(sign(validClaims(sub), Map.of()));
        Map<String, Object> forged = validClaims(sub);
        forged.put("sub", "admin");
        assertRejected(Jwts.withPayload(token, forged), AuthFailureReason.BAD_SIGNATURE);
    }

    @Test
    void rejectsATamperedSignature() {
        String token = remember(sign(validClaims(subject()), Map.of()));
        assertRejected(Jwts.withFlippedSignature(token), AuthFailureReason.BAD_SIGNATURE);
    }

    @Test
    void rejectsAMissingSubject() {
        Map<String, Object> claims = validClaims(subject());
        claims.remove("sub");
        assertRejected(sign(claims, Map.of()), AuthFailureReason.MISSING_CLAIM);
    }

    @Test
    void rejectsAMissingExpiry() {
        Map<String, Object> claims = validClaims(subject());
        claims.remove("exp");
        assertRejected(sign(claims, Map.of()), AuthFailureReason.MISSING_CLAIM);
    }

    @Test
    void rejectsGarbageAndMissingTokens() {
        assertRejected("not-a-jwt-" + UUID.randomUUID(), AuthFailureReason.MALFORMED_TOKEN);
        Throwable t = catchThrowable(() -> provider().authenticate(AuthRequest.builder().build()));
        assertThat(t).isInstanceOf(AuthenticationException.class);
        assertThat(((AuthenticationException) t).reason()).isEqualTo(AuthFailureReason.MISSING_TOKEN);
        assertThat(provider().validateSession(AuthRequest.builder().build())).isEmpty();
        assertThat(provider().getCurrentUser(AuthRequest.builder().build())).isEmpty();
    }

    @Test
    void keepsAcceptingTokensAcrossAKeyRotation() {
        String before = subject();
        assertAccepted(sign(validClaims(before), Map.of()), before);
        PublicKey oldKey = currentPublicKey();
        rotateKey();
        assertThat(currentPublicKey()).as("rotateKey must change the signing key").isNotEqualTo(oldKey);
        String after = subject();
        assertAccepted(sign(validClaims(after), Map.of()), after);
        String again = subject();
        assertAccepted(sign(validClaims(again), Map.of()), again);
    }

    @Test
    void theLeakCheckSeesLoggedSecrets() {
        // proves the capture works: a secret logged through JUL is visible to the check
        String marker = "kit-capture-" + UUID.randomUUID();
        SecretCapture.logForSelfTest(marker);
        System.err.println(marker + "-stderr");
        assertThat(capture.text()).contains(marker).contains(marker + "-stderr");
    }
}
