package co.omegamax.platform.adapter.oidc;

import co.omegamax.platform.spi.ConfigurationException;
import co.omegamax.platform.spi.PlatformConfig;
import com.nimbusds.jose.JWSAlgorithm;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Configuration of an {@link OidcAuthProvider}. Algorithms are pinned here and never taken from a token. Build with
 * {@link #builder(String, String)} or read from {@link PlatformConfig} with {@link #from(PlatformConfig)}:
 *
 * <pre>
 * omega.oidc.issuer              https://login.example.com/realms/acme   (required; discovery at /.well-known/openid-configuration)
 * omega.oidc.client-id           omega                                  (required)
 * omega.oidc.client-secret       …                                      (confidential clients; PKCE is always used)
 * omega.oidc.audience            omega-api                              (access-token aud; default: client id)
 * omega.oidc.algorithms          RS256,ES256                            (default RS256)
 * omega.oidc.clock-skew-seconds  60
 * omega.oidc.redirect-uri        https://app.example.com/auth/callback
 * omega.oidc.scopes              openid email profile offline_access
 * </pre>
 */
public final class OidcSettings {
    /** Config key prefix. */
    public static final String PREFIX = "omega.oidc.";

    final URI issuer;
    final String clientId;
    final String clientSecret;
    final String audience;
    final Set<JWSAlgorithm> algorithms;
    final Duration clockSkew;
    final URI redirectUri;
    final List<String> scopes;
    final Duration httpTimeout;
    final Duration jwksMinRefreshInterval;
    final Duration jwksMaxAge;
    final Clock clock;
    final String userIdClaim;

    private OidcSettings(Builder b) {
        this.issuer = b.issuer;
        this.clientId = b.clientId;
        this.clientSecret = b.clientSecret;
        this.audience = b.audience == null ? b.clientId : b.audience;
        this.algorithms = Set.copyOf(b.algorithms);
        this.clockSkew = b.clockSkew;
        this.redirectUri = b.redirectUri;
        this.scopes = List.copyOf(b.scopes);
        this.httpTimeout = b.httpTimeout;
        this.jwksMinRefreshInterval = b.jwksMinRefreshInterval;
        this.jwksMaxAge = b.jwksMaxAge;
        this.clock = b.clock;
        this.userIdClaim = b.userIdClaim;
    }

    /** @return a builder for an issuer URL and OAuth client id */
    public static Builder builder(String issuer, String clientId) {
        return new Builder(issuer, clientId);
    }

    /**
     * @return settings from {@code omega.oidc.*} keys
     * @throws ConfigurationException naming a missing or bad key
     */
    public static OidcSettings from(PlatformConfig config) {
        Builder b = builder(config.require(PREFIX + "issuer"), config.require(PREFIX + "client-id"));
        config.get(PREFIX + "client-secret").ifPresent(b::clientSecret);
        config.get(PREFIX + "audience").ifPresent(b::audience);
        config.get(PREFIX + "algorithms").ifPresent(a -> b.algorithms(List.of(a.split("[,\\s]+"))));
        b.clockSkew(Duration.ofSeconds(config.getInt(PREFIX + "clock-skew-seconds", 60)));
        config.get(PREFIX + "redirect-uri").ifPresent(b::redirectUri);
        config.get(PREFIX + "scopes").ifPresent(s -> b.scopes(List.of(s.strip().split("[,\\s]+"))));
        config.get(PREFIX + "user-id-claim").ifPresent(b::userIdClaim);
        return b.build();
    }

    /** @return the configured issuer */
    public URI issuer() {
        return issuer;
    }

    /** @return the OAuth client id */
    public String clientId() {
        return clientId;
    }

    /** @return the required access-token audience */
    public String audience() {
        return audience;
    }

    /** @return the accepted signature algorithms */
    public Set<JWSAlgorithm> algorithms() {
        return algorithms;
    }

    @Override
    public String toString() {
        return "OidcSettings[issuer=" + issuer + ", clientId=" + clientId + ", clientSecret="
                + (clientSecret == null ? "none" : "***") + ", audience=" + audience + ", algorithms=" + algorithms + "]";
    }

    /** Builds {@link OidcSettings}; not thread-safe. */
    public static final class Builder {
        private final URI issuer;
        private final String clientId;
        private String clientSecret;
        private String audience;
        private Set<JWSAlgorithm> algorithms = Set.of(JWSAlgorithm.RS256);
        private Duration clockSkew = Duration.ofSeconds(60);
        private URI redirectUri;
        private List<String> scopes = List.of("openid", "email", "profile");
        private Duration httpTimeout = Duration.ofSeconds(10);
        private Duration jwksMinRefreshInterval = Duration.ofSeconds(30);
        private Duration jwksMaxAge = Duration.ofHours(1);
        private Clock clock = Clock.systemUTC();
        private String userIdClaim = "sub";

        private Builder(String issuer, String clientId) {
            if (issuer == null || issuer.isBlank()) {
                throw new ConfigurationException("OIDC issuer is missing; set " + PREFIX + "issuer to the issuer URL");
            }
            if (clientId == null || clientId.isBlank()) {
                throw new ConfigurationException("OIDC client id is missing; set " + PREFIX + "client-id");
            }
            URI uri;
            try {
                uri = URI.create(issuer.strip());
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(PREFIX + "issuer is not a URL: " + issuer, e);
            }
            boolean loopback = "http".equals(uri.getScheme()) && ("127.0.0.1".equals(uri.getHost())
                    || "localhost".equals(uri.getHost()) || "[::1]".equals(uri.getHost()));
            if (!"https".equals(uri.getScheme()) && !loopback) {
                throw new ConfigurationException(PREFIX + "issuer must be an https URL (http only on loopback): " + issuer);
            }
            this.issuer = uri;
            this.clientId = clientId.strip();
        }

        /** Client secret of a confidential client (client_secret_basic). @return this */
        public Builder clientSecret(String secret) {
            this.clientSecret = secret;
            return this;
        }

        /** Required access-token audience (default: the client id). @return this */
        public Builder audience(String audience) {
            this.audience = Objects.requireNonNull(audience, "audience");
            return this;
        }

        /** Accepted JWS algorithms by name, e.g. RS256, ES256; {@code none} and HS* are refused. @return this */
        public Builder algorithms(List<String> names) {
            Set<JWSAlgorithm> set = new LinkedHashSet<>();
            for (String n : names) {
                JWSAlgorithm a = JWSAlgorithm.parse(n.strip());
                if (!JWSAlgorithm.Family.SIGNATURE.contains(a)) {
                    throw new ConfigurationException(PREFIX + "algorithms: " + n + " is not an asymmetric JWS algorithm;"
                            + " use e.g. RS256, PS256, ES256");
                }
                set.add(a);
            }
            if (set.isEmpty()) {
                throw new ConfigurationException(PREFIX + "algorithms is empty; use e.g. RS256");
            }
            this.algorithms = set;
            return this;
        }

        /** Allowed clock difference for exp/nbf/iat (0..5 minutes). @return this */
        public Builder clockSkew(Duration skew) {
            if (skew.isNegative() || skew.compareTo(Duration.ofMinutes(5)) > 0) {
                throw new ConfigurationException(PREFIX + "clock-skew-seconds must be between 0 and 300");
            }
            this.clockSkew = skew;
            return this;
        }

        /** Default redirect URI of the authorization-code flow. @return this */
        public Builder redirectUri(String uri) {
            this.redirectUri = URI.create(uri);
            return this;
        }

        /** Scopes requested at login; {@code openid} is added if missing. @return this */
        public Builder scopes(List<String> scopes) {
            List<String> s = new java.util.ArrayList<>(scopes);
            if (!s.contains("openid")) {
                s.add(0, "openid");
            }
            this.scopes = s;
            return this;
        }

        /** Timeout of each HTTP call to the issuer. @return this */
        public Builder httpTimeout(Duration timeout) {
            this.httpTimeout = timeout;
            return this;
        }

        /** Minimum time between JWKS refreshes triggered by unknown key ids (default 30 s). @return this */
        public Builder jwksMinRefreshInterval(Duration interval) {
            this.jwksMinRefreshInterval = interval;
            return this;
        }

        /** Age after which the cached JWKS is refreshed on use (default 1 h). @return this */
        public Builder jwksMaxAge(Duration maxAge) {
            this.jwksMaxAge = maxAge;
            return this;
        }

        /** Time source (tests). @return this */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Claim holding the user id (default {@code sub}; e.g. {@code oid} on Azure AD). @return this */
        public Builder userIdClaim(String claim) {
            this.userIdClaim = claim;
            return this;
        }

        /** @return the settings */
        public OidcSettings build() {
            return new OidcSettings(this);
        }
    }
}
