package co.omegamax.platform.adapter.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.omegamax.platform.spi.AuthFailureReason;
import co.omegamax.platform.spi.AuthRequest;
import co.omegamax.platform.spi.AuthenticationException;
import co.omegamax.platform.spi.ConfigurationException;
import co.omegamax.platform.spi.PlatformConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** JWKS caching, rate-limited refresh on unknown kids, discovery checks and configuration. */
class OidcKeySetTest {
    private TestIssuer issuer;
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @BeforeEach
    void start() throws Exception {
        issuer = new TestIssuer();
    }

    @AfterEach
    void stop() {
        issuer.close();
    }

    private Map<String, Object> claims() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("iss", issuer.issuer);
        c.put("aud", "omega-client");
        c.put("sub", "u1");
        c.put("exp", now.get().plusSeconds(600).getEpochSecond());
        return c;
    }

    @Test
    void unknownKidsRefreshTheKeySetAtMostOncePerInterval() {
        OidcAuthProvider p = OidcAuthProvider.discover(OidcSettings.builder(issuer.issuer, "omega-client")
                .clock(clock).jwksMinRefreshInterval(Duration.ofSeconds(30)).build());
        assertThat(p.authenticate(AuthRequest.builder().bearer(issuer.sign(claims(), Map.of())).build()).user().id()).isEqualTo("u1");
        assertThat(issuer.jwksRequests.get()).isEqualTo(1);
        for (int i = 0; i < 50; i++) {
            String forged = TestIssuer.sign(TestIssuer.newKeyFast(), claims(), Map.of());
            assertThatThrownBy(() -> p.authenticate(AuthRequest.builder().bearer(forged).build()))
                    .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.reason()).isEqualTo(AuthFailureReason.UNKNOWN_KEY));
        }
        assertThat(issuer.jwksRequests.get()).as("50 unknown kids cause one refresh").isEqualTo(2);
        // a rotation inside the interval is picked up once the interval has passed
        issuer.rotate();
        String fresh = issuer.sign(claims(), Map.of());
        assertThatThrownBy(() -> p.authenticate(AuthRequest.builder().bearer(fresh).build())).isInstanceOf(AuthenticationException.class);
        now.set(now.get().plusSeconds(31));
        String fresh2 = issuer.sign(claims(), Map.of());
        assertThat(p.authenticate(AuthRequest.builder().bearer(fresh2).build()).user().id()).isEqualTo("u1");
        assertThat(issuer.jwksRequests.get()).isEqualTo(3);
        // known kids are served from the cache
        for (int i = 0; i < 20; i++) {
            p.authenticate(AuthRequest.builder().bearer(issuer.sign(claims(), Map.of())).build());
        }
        assertThat(issuer.jwksRequests.get()).isEqualTo(3);
        // and the cache expires after its max age
        now.set(now.get().plus(Duration.ofHours(2)));
        p.authenticate(AuthRequest.builder().bearer(issuer.sign(claims(), Map.of())).build());
        assertThat(issuer.jwksRequests.get()).isEqualTo(4);
    }

    @Test
    void discoveryRefusesADocumentNamingAnotherIssuer() {
        issuer.advertisedIssuer = "https://evil.example.com/realm";
        assertThatThrownBy(() -> OidcAuthProvider.discover(OidcSettings.builder(issuer.issuer, "c").build()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("evil.example.com").hasMessageContaining("must match");
    }

    @Test
    void configurationPinsAsymmetricAlgorithmsAndRequiresHttps() {
        assertThatThrownBy(() -> OidcSettings.builder("https://x.example.com", "c").algorithms(List.of("HS256")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("HS256");
        assertThatThrownBy(() -> OidcSettings.builder("https://x.example.com", "c").algorithms(List.of("none")))
                .isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> OidcSettings.builder("http://idp.example.com", "c").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("https");
        assertThatThrownBy(() -> OidcSettings.from(PlatformConfig.of(Map.of("omega.oidc.issuer", "https://x.example.com"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("client-id");
        OidcSettings s = OidcSettings.from(PlatformConfig.of(Map.of("omega.oidc.issuer", "https://x.example.com",
                "omega.oidc.client-id", "c", "omega.oidc.client-secret", "s3cr3t-value", "omega.oidc.algorithms", "RS256, ES256")));
        assertThat(s.algorithms()).extracting(Object::toString).containsExactlyInAnyOrder("RS256", "ES256");
        assertThat(s.toString()).doesNotContain("s3cr3t-value");
    }

    @Test
    void factoryIsDiscoverableByName() {
        assertThat(java.util.ServiceLoader.load(co.omegamax.platform.spi.AuthProviderFactory.class).stream()
                .map(pr -> pr.get().name())).contains("oidc");
        var p = new OidcAuthProviderFactory().create(PlatformConfig.of(Map.of("omega.oidc.issuer", issuer.issuer,
                "omega.oidc.client-id", "omega-client")));
        assertThat(p.validateSession(AuthRequest.builder().bearer(issuer.sign(claims(), Map.of())).build())).isPresent();
    }
}
