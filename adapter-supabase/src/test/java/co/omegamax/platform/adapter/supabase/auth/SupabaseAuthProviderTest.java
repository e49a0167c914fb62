package co.omegamax.platform.adapter.supabase.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.omegamax.platform.spi.AuthFailureReason;
import co.omegamax.platform.spi.AuthProviderFactory;
import co.omegamax.platform.spi.AuthRequest;
import co.omegamax.platform.spi.AuthSession;
import co.omegamax.platform.spi.AuthenticationException;
import co.omegamax.platform.spi.ConfigurationException;
import co.omegamax.platform.spi.Credentials;
import co.omegamax.platform.spi.PlatformConfig;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Supabase Auth's REST endpoints against the local GoTrue-speaking server. */
class SupabaseAuthProviderTest {
    private static final String PASSWORD = "correct horse battery staple";
    private LocalSupabaseAuth supabase;
    private SupabaseAuthProvider auth;
    private LocalSupabaseAuth.UserRow ada;

    @BeforeEach
    void start() throws Exception {
        supabase = new LocalSupabaseAuth();
        ada = supabase.addUser("ada@example.com", PASSWORD, "Ada Lovelace");
        auth = SupabaseAuthProvider.create(SupabaseAuthSettings.builder(supabase.url, LocalSupabaseAuth.ANON_KEY).build());
    }

    @AfterEach
    void stop() {
        auth.close();
        supabase.close();
    }

    private static AuthRequest bearer(String token) {
        return AuthRequest.builder().bearer(token).build();
    }

    @Test
    void passwordSignInRefreshFetchUserAndSignOut() {
        SupabaseSession s = auth.signInWithRefresh(new Credentials.Password("ada@example.com", PASSWORD));
        assertThat(s.session().user().id()).isEqualTo(ada.id());
        assertThat(s.session().user().email()).isEqualTo("ada@example.com");
        assertThat(s.session().user().name()).isEqualTo("Ada Lovelace");
        assertThat(s.session().expiresAt()).isAfter(Instant.now());
        assertThat(s.refreshToken()).isNotNull();
        assertThat(s.toString()).doesNotContain(s.refreshToken()).doesNotContain(s.session().accessToken());

        AuthSession checked = auth.authenticate(bearer(s.session().accessToken()));
        assertThat(checked.user().id()).isEqualTo(ada.id());
        assertThat(auth.fetchUser(s.session().accessToken()).email()).isEqualTo("ada@example.com");

        AuthSession refreshed = auth.signIn(new Credentials.Token(s.refreshToken()));
        assertThat(refreshed.user().id()).isEqualTo(ada.id());
        // refresh tokens are single-use
        assertThatThrownBy(() -> auth.signIn(new Credentials.Token(s.refreshToken())))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.reason()).isEqualTo(AuthFailureReason.INVALID_CREDENTIALS);
                    assertThat(e.getMessage()).contains("refresh_token_not_found").doesNotContain(s.refreshToken());
                });

        auth.signOut(bearer(s.session().accessToken()));
        assertThatThrownBy(() -> auth.fetchUser(s.session().accessToken()))
                .isInstanceOfSatisfying(AuthenticationException.class,
                        e -> assertThat(e.reason()).isEqualTo(AuthFailureReason.REVOKED));
        auth.signOut(AuthRequest.builder().build()); // no session: no-op
        assertThat(supabase.missingApiKey.get()).as("apikey on every call").isZero();
        assertThat(supabase.requests.get()).isGreaterThanOrEqualTo(6);
    }

    @Test
    void wrongPasswordIsATypedErrorWithoutThePassword() {
        assertThatThrownBy(() -> auth.signIn(new Credentials.Password("ada@example.com", "wrong-password-123")))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.reason()).isEqualTo(AuthFailureReason.INVALID_CREDENTIALS);
                    assertThat(e.getMessage()).contains("invalid_credentials").contains("HTTP 400")
                            .doesNotContain("wrong-password-123");
                });
    }

    @Test
    void aWrongApiKeyIsReported() {
        try (SupabaseAuthProvider bad = SupabaseAuthProvider.create(SupabaseAuthSettings.builder(supabase.url, "wrong").build())) {
            assertThatThrownBy(() -> bad.signIn(new Credentials.Password("ada@example.com", PASSWORD)))
                    .isInstanceOfSatisfying(AuthenticationException.class,
                            e -> assertThat(e.getMessage()).contains("HTTP 401").contains("No API key"));
        }
    }

    @Test
    void unreachableSupabaseIsProviderUnavailable() {
        supabase.close();
        assertThatThrownBy(() -> auth.signIn(new Credentials.Password("ada@example.com", PASSWORD)))
                .isInstanceOfSatisfying(AuthenticationException.class,
                        e -> assertThat(e.reason()).isEqualTo(AuthFailureReason.PROVIDER_UNAVAILABLE));
    }

    @Test
    void legacyHs256OnlyWhenTheSecretIsConfigured() {
        byte[] secret = "super-secret-jwt-token-with-at-least-32-characters-long".getBytes(StandardCharsets.UTF_8);
        Map<String, Object> claims = new LinkedHashMap<>(supabase.claimsFor(ada, "s1"));
        String hs = LocalSupabaseAuth.signHs256(secret, claims);
        // not configured: refused as an algorithm, not as a bad signature
        assertThatThrownBy(() -> auth.authenticate(bearer(hs))).isInstanceOfSatisfying(AuthenticationException.class,
                e -> assertThat(e.reason()).isEqualTo(AuthFailureReason.ALGORITHM_NOT_ALLOWED));
        try (SupabaseAuthProvider legacy = SupabaseAuthProvider.create(SupabaseAuthSettings.builder(supabase.url, LocalSupabaseAuth.ANON_KEY)
                .legacyJwtSecret(new String(secret, StandardCharsets.UTF_8)).build())) {
            assertThat(legacy.authenticate(bearer(hs)).user().id()).isEqualTo(ada.id());
            String forged = LocalSupabaseAuth.signHs256("another-secret-that-is-also-32-bytes-or-more".getBytes(StandardCharsets.UTF_8), claims);
            assertThatThrownBy(() -> legacy.authenticate(bearer(forged))).isInstanceOfSatisfying(AuthenticationException.class,
                    e -> assertThat(e.reason()).isEqualTo(AuthFailureReason.BAD_SIGNATURE));
            // asymmetric tokens still work alongside
            assertThat(legacy.authenticate(bearer(supabase.sign(claims, Map.of()))).user().id()).isEqualTo(ada.id());
        }
    }

    @Test
    void configurationAndDiscovery() {
        assertThatThrownBy(() -> SupabaseAuthSettings.builder("http://abc.supabase.co", "k").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("https");
        assertThatThrownBy(() -> SupabaseAuthSettings.builder("https://abc.supabase.co", "k").legacyJwtSecret("short"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("32");
        assertThatThrownBy(() -> SupabaseAuthSettings.builder("https://abc.supabase.co", "k").algorithms(List.of("HS256")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("jwt-secret");
        SupabaseAuthSettings s = SupabaseAuthSettings.from(PlatformConfig.of(Map.of("omega.supabase.url", "https://abc.supabase.co/",
                "omega.supabase.anon-key", "anon-key-value", "omega.supabase.jwt-secret", "x".repeat(40))));
        assertThat(s.issuer()).isEqualTo("https://abc.supabase.co/auth/v1");
        assertThat(s.algorithms()).extracting(Object::toString).containsExactlyInAnyOrder("ES256", "RS256", "HS256");
        assertThat(s.toString()).doesNotContain("anon-key-value").doesNotContain("x".repeat(40));
        assertThat(ServiceLoader.load(AuthProviderFactory.class).stream().map(p -> p.get().name())).contains("supabase");
    }
}
