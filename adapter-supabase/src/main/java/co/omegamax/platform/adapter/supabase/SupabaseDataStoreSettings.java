package co.omegamax.platform.adapter.supabase;

import co.omegamax.platform.spi.ConfigurationException;
import co.omegamax.platform.spi.PlatformConfig;
import java.time.Clock;
import java.time.Duration;
import okhttp3.HttpUrl;

/**
 * Configuration of {@link SupabaseDataStore}:
 *
 * <pre>
 * omega.supabase.url                      https://abcd.supabase.co   (required; http only on loopback)
 * omega.supabase.anon-key                 sb_publishable_… / eyJ…    (required; sent as apikey, never logged)
 * omega.supabase.rest-path                /rest/v1                    (where PostgREST is mounted)
 * omega.supabase.schema                   public                      (exposed schema holding the omega tables)
 * omega.supabase.http.connect-timeout-ms  10000
 * omega.supabase.http.read-timeout-ms     30000
 * omega.supabase.http.call-timeout-ms     60000
 * omega.supabase.http.max-retries         3       (idempotent calls only; 0 disables)
 * omega.supabase.http.retry-base-ms       200     (first backoff; doubles per retry, with jitter)
 * omega.supabase.http.retry-max-ms        5000    (backoff cap)
 * omega.supabase.http.max-retry-after-s   30      (a longer Retry-After ends the retries)
 * </pre>
 * The service-role key is deliberately not a setting: every call carries the acting user's access token.
 */
public final class SupabaseDataStoreSettings {
    /** Config key prefix shared with the Supabase Auth settings. */
    public static final String PREFIX = "omega.supabase.";

    final HttpUrl restUrl;
    final String anonKey;
    final String schema;
    final Duration connectTimeout;
    final Duration readTimeout;
    final Duration callTimeout;
    final int maxIdleConnections;
    final int maxRetries;
    final Duration retryBaseDelay;
    final Duration retryMaxDelay;
    final Duration maxRetryAfter;
    final Clock clock;

    private SupabaseDataStoreSettings(Builder b) {
        this.restUrl = b.restUrl;
        this.anonKey = b.anonKey;
        this.schema = b.schema;
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.callTimeout = b.callTimeout;
        this.maxIdleConnections = b.maxIdleConnections;
        this.maxRetries = b.maxRetries;
        this.retryBaseDelay = b.retryBaseDelay;
        this.retryMaxDelay = b.retryMaxDelay;
        this.maxRetryAfter = b.maxRetryAfter;
        this.clock = b.clock;
    }

    /** @return a builder for a project URL ({@code https://<ref>.supabase.co}) and its anon (publishable) key */
    public static Builder builder(String projectUrl, String anonKey) {
        return new Builder(projectUrl, anonKey);
    }

    /** @return settings from {@code omega.supabase.*}; @throws ConfigurationException naming a missing or bad key */
    public static SupabaseDataStoreSettings from(PlatformConfig config) {
        String url = config.get(PREFIX + "url").orElseThrow(() -> new ConfigurationException(PREFIX + "url is required"
                + " for the supabase datastore, e.g. https://abcd.supabase.co (Project Settings → API); "
                + PlatformConfig.howToSet(PREFIX + "url")));
        String key = config.get(PREFIX + "anon-key").orElseThrow(() -> new ConfigurationException(PREFIX + "anon-key is"
                + " required for the supabase datastore (the anon / publishable key, never the service-role key); "
                + PlatformConfig.howToSet(PREFIX + "anon-key")));
        Builder b = builder(url, key);
        config.get(PREFIX + "rest-path").ifPresent(b::restPath);
        config.get(PREFIX + "schema").ifPresent(b::schema);
        b.timeouts(Duration.ofMillis(config.getInt(PREFIX + "http.connect-timeout-ms", 10_000)),
                Duration.ofMillis(config.getInt(PREFIX + "http.read-timeout-ms", 30_000)),
                Duration.ofMillis(config.getInt(PREFIX + "http.call-timeout-ms", 60_000)));
        b.retries(config.getInt(PREFIX + "http.max-retries", 3),
                Duration.ofMillis(config.getInt(PREFIX + "http.retry-base-ms", 200)),
                Duration.ofMillis(config.getInt(PREFIX + "http.retry-max-ms", 5_000)),
                Duration.ofSeconds(config.getInt(PREFIX + "http.max-retry-after-s", 30)));
        return b.build();
    }

    /** @return the PostgREST endpoint, e.g. {@code https://abcd.supabase.co/rest/v1} */
    public String restUrl() {
        return restUrl.toString();
    }

    @Override
    public String toString() {
        return "SupabaseDataStoreSettings[rest=" + restUrl + ", anonKey=***, schema=" + schema + ", retries=" + maxRetries
                + "]";
    }

    /** Builds {@link SupabaseDataStoreSettings}; not thread-safe. */
    public static final class Builder {
        private final HttpUrl projectUrl;
        private final String anonKey;
        private HttpUrl restUrl;
        private String schema = "public";
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration callTimeout = Duration.ofSeconds(60);
        private int maxIdleConnections = 5;
        private int maxRetries = 3;
        private Duration retryBaseDelay = Duration.ofMillis(200);
        private Duration retryMaxDelay = Duration.ofSeconds(5);
        private Duration maxRetryAfter = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();

        private Builder(String projectUrl, String anonKey) {
            if (projectUrl == null || projectUrl.isBlank()) {
                throw new ConfigurationException(PREFIX + "url is missing; set it to https://<ref>.supabase.co");
            }
            if (anonKey == null || anonKey.isBlank()) {
                throw new ConfigurationException(PREFIX + "anon-key is missing; set it to the project's anon (publishable)"
                        + " key from Project Settings → API");
            }
            HttpUrl parsed = HttpUrl.parse(projectUrl.strip());
            if (parsed == null) {
                throw new ConfigurationException(PREFIX + "url is not an http(s) URL: " + projectUrl);
            }
            boolean loopback = parsed.host().equals("127.0.0.1") || parsed.host().equals("localhost")
                    || parsed.host().equals("::1");
            if (!parsed.isHttps() && !loopback) {
                throw new ConfigurationException(PREFIX + "url must be https (plain http only on loopback): " + projectUrl);
            }
            this.projectUrl = parsed;
            this.anonKey = anonKey.strip();
            restPath("/rest/v1");
        }

        /** Where PostgREST is mounted under the project URL (default {@code /rest/v1}). @return this */
        public Builder restPath(String path) {
            String p = path == null ? "" : path.strip();
            HttpUrl.Builder b = projectUrl.newBuilder().query(null).fragment(null);
            String base = projectUrl.encodedPath().replaceAll("/+$", "");
            b.encodedPath((base + "/" + p.replaceAll("^/+|/+$", "")).replaceAll("/+$", "") + "/");
            if (b.build().encodedPath().contains("//")) {
                throw new ConfigurationException(PREFIX + "rest-path is malformed: " + path);
            }
            this.restUrl = b.build();
            return this;
        }

        /** The exposed schema holding the omega tables (default {@code public}). @return this */
        public Builder schema(String schema) {
            if (schema == null || !schema.matches("[a-z_][a-z0-9_]*")) {
                throw new ConfigurationException(PREFIX + "schema must be a plain schema name such as public, was " + schema);
            }
            this.schema = schema;
            return this;
        }

        /** Connect, read/write and whole-call timeouts (each 1 ms..10 min). @return this */
        public Builder timeouts(Duration connect, Duration read, Duration call) {
            this.connectTimeout = positive("http.connect-timeout-ms", connect);
            this.readTimeout = positive("http.read-timeout-ms", read);
            this.callTimeout = positive("http.call-timeout-ms", call);
            return this;
        }

        /**
         * Retries of idempotent calls.
         *
         * @param maxRetries    0..10
         * @param baseDelay     first backoff
         * @param maxDelay      backoff cap
         * @param maxRetryAfter longest Retry-After honoured
         * @return this
         */
        public Builder retries(int maxRetries, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {
            if (maxRetries < 0 || maxRetries > 10) {
                throw new ConfigurationException(PREFIX + "http.max-retries must be between 0 and 10, was " + maxRetries);
            }
            this.maxRetries = maxRetries;
            this.retryBaseDelay = positive("http.retry-base-ms", baseDelay);
            this.retryMaxDelay = positive("http.retry-max-ms", maxDelay);
            this.maxRetryAfter = positive("http.max-retry-after-s", maxRetryAfter);
            return this;
        }

        /** Idle connections kept in the pool (1..100, default 5). @return this */
        public Builder maxIdleConnections(int n) {
            if (n < 1 || n > 100) {
                throw new ConfigurationException("maxIdleConnections must be between 1 and 100, was " + n);
            }
            this.maxIdleConnections = n;
            return this;
        }

        /** Time source for generated timestamps (tests). @return this */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        private static Duration positive(String key, Duration d) {
            if (d == null || d.isNegative() || d.isZero() || d.compareTo(Duration.ofMinutes(10)) > 0) {
                throw new ConfigurationException(PREFIX + key + " must be between 1 ms and 10 minutes, was " + d);
            }
            return d;
        }

        /** @return the settings */
        public SupabaseDataStoreSettings build() {
            return new SupabaseDataStoreSettings(this);
        }
    }
}
