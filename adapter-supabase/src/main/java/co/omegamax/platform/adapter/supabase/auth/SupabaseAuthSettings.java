package co.omegamax.platform.adapter.supabase.auth;

import co.omegamax.platform.spi.ConfigurationException;
import co.omegamax.platform.spi.PlatformConfig;
import com.nimbusds.jose.JWSAlgorithm;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Configuration of {@link SupabaseAuthProvider}:
 *
 * <pre>
 * omega.supabase.url             https://abcd.supabase.co       (required)
 * omega.supabase.anon-key        eyJ… / sb_publishable_…        (required; sent as apikey on every call)
 * omega.supabase.jwt-algorithms  ES256,RS256                    (default; asymmetric keys from /auth/v1/.well-known/jwks.json)
 * omega.supabase.jwt-secret      …                              (legacy projects only: enables HS256)
 * omega.supabase.clock-skew-seconds 60
 * </pre>
 * HS256 is accepted only when a JWT secret is configured.
 */
public final class SupabaseAuthSettings {
    /** Config key prefix. */
    public static final String PREFIX = "omega.supabase.";

    final String url;
    final String anonKey;
    final Set<JWSAlgorithm> algorithms;
    final byte[] jwtSecret;
    final String audience;
    final Duration clockSkew;
    final Duration httpTimeout;
    final Duration jwksMinRefreshInterval;
    final Clock clock;

    private SupabaseAuthSettings(Builder b) {
        this.url = b.url;
        this.anonKey = b.anonKey;
        Set<JWSAlgorithm> algs = new LinkedHashSet<>(b.algorithms);
        if (b.jwtSecret != null) {
            algs.add(JWSAlgorithm.HS256);
        }
        this.algorithms = Set.copyOf(algs);
        this.jwtSecret = b.jwtSecret;
        this.audience = b.audience;
        this.clockSkew = b.clockSkew;
        this.httpTimeout = b.httpTimeout;
        this.jwksMinRefreshInterval = b.jwksMinRefreshInterval;
        this.clock = b.clock;
    }

    /** @return a builder for a project URL and its anon (publishable) key */
    public static Builder builder(String projectUrl, String anonKey) {
        return new Builder(projectUrl, anonKey);
    }

    /** @return settings from {@code omega.supabase.*}; @throws ConfigurationException naming a missing or bad key */
    public static SupabaseAuthSettings from(PlatformConfig config) {
        Builder b = builder(config.require(PREFIX + "url"), config.require(PREFIX + "anon-key"));
        config.get(PREFIX + "jwt-algorithms").ifPresent(a -> b.algorithms(List.of(a.split("[,\\s]+"))));
        config.get(PREFIX + "jwt-secret").ifPresent(b::legacyJwtSecret);
        b.clockSkew(Duration.ofSeconds(config.getInt(PREFIX + "clock-skew-seconds", 60)));
        return b.build();
    }

    /** @return the issuer of the project's tokens: {@code <url>/auth/v1} */
    public String issuer() {
        return url + "/auth/v1";
    }

    /** @return the accepted algorithms */
    public Set<JWSAlgorithm> algorithms() {
        return algorithms;
    }

    @Override
    public String toString() {
        return "SupabaseAuthSettings[url=" + url + ", anonKey=***, algorithms=" + algorithms
                + ", jwtSecret=" + (jwtSecret == null ? "none" : "***") + "]";
    }

    /** Builds {@link SupabaseAuthSettings}; not thread-safe. */
    public static final class Builder {
        private final String url;
        private final String anonKey;
        private Set<JWSAlgorithm> algorithms = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256);
        private byte[] jwtSecret;
        private String audience = "authenticated";
        private Duration clockSkew = Duration.ofSeconds(60);
        private Duration httpTimeout = Duration.ofSeconds(10);
        private Duration jwksMinRefreshInterval = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();

        private Builder(String projectUrl, String anonKey) {
            if (projectUrl == null || projectUrl.isBlank()) {
                throw new ConfigurationException("Supabase URL is missing; set " + PREFIX + "url to https://<ref>.supabase.co");
            }
            if (anonKey == null || anonKey.isBlank()) {
                throw new ConfigurationException("Supabase anon key is missing; set " + PREFIX + "anon-key (Project Settings → API)");
            }
            String u = projectUrl.strip();
            while (u.endsWith("/")) {
                u = u.substring(0, u.length() - 1);
            }
            URI uri;
            try {
                uri = URI.create(u);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(PREFIX + "url is not a URL: " + projectUrl, e);
            }
            boolean loopback = "http".equals(uri.getScheme()) && ("127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost()));
            if (!"https".equals(uri.getScheme()) && !loopback) {
                throw new ConfigurationException(PREFIX + "url must be https (http only on loopback): " + projectUrl);
            }
            this.url = u;
            this.anonKey = anonKey.strip();
        }

        /** Asymmetric algorithms accepted from the project's JWKS (ES256, RS256, …). @return this */
        public Builder algorithms(List<String> names) {
            Set<JWSAlgorithm> set = new LinkedHashSet<>();
            for (String n : names) {
                JWSAlgorithm a = JWSAlgorithm.parse(n.strip());
                if (!JWSAlgorithm.Family.SIGNATURE.contains(a)) {
                    throw new ConfigurationException(PREFIX + "jwt-algorithms: " + n + " is not asymmetric; for HS256 set "
                            + PREFIX + "jwt-secret instead");
                }
                set.add(a);
            }
            this.algorithms = set;
            return this;
        }

        /** Enables HS256 verification with a legacy project's JWT secret (at least 32 bytes). @return this */
        public Builder legacyJwtSecret(String secret) {
            byte[] b = secret.getBytes(StandardCharsets.UTF_8);
            if (b.length < 32) {
                throw new ConfigurationException(PREFIX + "jwt-secret must be at least 32 bytes (copy it from Project"
                        + " Settings → API → JWT secret)");
            }
            this.jwtSecret = b;
            return this;
        }

        /** Required {@code aud} (default {@code authenticated}). @return this */
        public Builder audience(String audience) {
            this.audience = audience;
            return this;
        }

        /** Allowed clock difference (0..5 min). @return this */
        public Builder clockSkew(Duration skew) {
            if (skew.isNegative() || skew.compareTo(Duration.ofMinutes(5)) > 0) {
                throw new ConfigurationException(PREFIX + "clock-skew-seconds must be between 0 and 300");
            }
            this.clockSkew = skew;
            return this;
        }

        /** HTTP timeout per call. @return this */
        public Builder httpTimeout(Duration timeout) {
            this.httpTimeout = timeout;
            return this;
        }

        /** Minimum time between JWKS refreshes caused by unknown key ids. @return this */
        public Builder jwksMinRefreshInterval(Duration interval) {
            this.jwksMinRefreshInterval = interval;
            return this;
        }

        /** Time source (tests). @return this */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** @return the settings */
        public SupabaseAuthSettings build() {
            if (algorithms.isEmpty() && jwtSecret == null) {
                throw new ConfigurationException("no token algorithm is enabled; set " + PREFIX + "jwt-algorithms or "
                        + PREFIX + "jwt-secret");
            }
            return new SupabaseAuthSettings(this);
        }
    }
}
