package co.omegamax.platform.adapter.supabase.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.omegamax.platform.spi.AuthFailureReason;
import co.omegamax.platform.spi.AuthenticationException;
import co.omegamax.platform.spi.ConflictException;
import co.omegamax.platform.spi.DataStoreException;
import co.omegamax.platform.tck.SecretCapture;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The HTTP client against a real HTTP server on 127.0.0.1 (MockWebServer): retries, Retry-After, errors, secrecy. */
class PostgrestClientTest {
    private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLWEifQ.c2VjcmV0LXNpZ25hdHVyZS0xMjM0";
    private static final String ANON_KEY = "anon-key-that-must-not-leak-42";
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private final MockWebServer server = new MockWebServer();
    private final List<Duration> waits = new ArrayList<>();
    private PostgrestClient client;
    private HttpUrl rest;

    @BeforeEach
    void start() throws Exception {
        server.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
        rest = server.url("/rest/v1/");
        client = client(3);
    }

    private PostgrestClient client(int retries) {
        RetryPolicy policy = new RetryPolicy(retries, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(30),
                bound -> bound - 1, Clock.fixed(NOW, ZoneOffset.UTC));
        return new PostgrestClient(rest.toString(), ANON_KEY, "public",
                new PostgrestClient.Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5), 2),
                policy, new ErrorMapper(new Json()), waits::add);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static MockResponse status(int code, String body) {
        return new MockResponse.Builder().code(code).body(body).build();
    }

    private PostgrestRequest get() {
        Query q = Query.table(rest, "workspaces").eq("user_id", "user-a");
        return new PostgrestRequest("GET", q.url(), null, List.of(), true, q.describe("GET"));
    }

    private PostgrestRequest insert(String body) {
        Query q = Query.table(rest, "workspaces").select("*");
        return new PostgrestRequest("POST", q.url(), body, List.of("return=representation"), false, q.describe("POST"));
    }

    @Test
    @DisplayName("an idempotent GET answered 503 is retried, then succeeds; every attempt carries apikey and the bearer token")
    void idempotentCallIsRetriedOn503() throws Exception {
        server.enqueue(status(503, "{\"code\":\"\",\"message\":\"busy\"}"));
        server.enqueue(status(200, "[{\"id\":\"w1\"}]"));
        PostgrestResponse r = client.execute(get(), TOKEN);
        assertThat(r.body()).isEqualTo("[{\"id\":\"w1\"}]");
        assertThat(server.getRequestCount()).isEqualTo(2);
        for (int i = 0; i < 2; i++) {
            RecordedRequest req = server.takeRequest(1, TimeUnit.SECONDS);
            assertThat(req.getHeaders().get("apikey")).isEqualTo(ANON_KEY);
            assertThat(req.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
            assertThat(req.getUrl().queryParameter("user_id")).isEqualTo("eq.user-a");
        }
        assertThat(waits).hasSize(1);
        assertThat(waits.get(0)).as("first backoff between half and all of the base delay").isBetween(
                Duration.ofMillis(50), Duration.ofMillis(100));
    }

    @Test
    @DisplayName("a plain insert answered 503 is never repeated")
    void insertIsNotRetried() {
        server.enqueue(status(503, "{\"message\":\"busy\"}"));
        server.enqueue(status(201, "[]"));
        assertThatThrownBy(() -> client.execute(insert("{\"name\":\"x\"}"), TOKEN)).isInstanceOf(DataStoreException.class)
                .hasMessageContaining("HTTP 503");
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(waits).isEmpty();
    }

    @Test
    @DisplayName("a plain insert whose connection drops is not repeated; a GET is")
    void ioErrorsRetryOnlyIdempotentCalls() {
        server.enqueue(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());
        assertThatThrownBy(() -> client.execute(insert("{}"), TOKEN)).isInstanceOf(DataStoreException.class)
                .hasMessageContaining("not retried");
        assertThat(server.getRequestCount()).isEqualTo(1);
        server.enqueue(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(status(200, "[]"));
        assertThat(client.execute(get(), TOKEN).body()).isEqualTo("[]");
        assertThat(waits).hasSize(1);
    }

    @Test
    @DisplayName("Retry-After in seconds and as an HTTP date is honoured instead of the backoff")
    void retryAfterIsHonoured() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "7").body("{}").build());
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(NOW.plusSeconds(3), ZoneOffset.UTC));
        server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", date).body("{}").build());
        server.enqueue(status(200, "[]"));
        client.execute(get(), TOKEN);
        assertThat(waits).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(3));
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    @DisplayName("a Retry-After longer than the limit ends the retries with an exception saying so")
    void tooLongRetryAfterStops() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "3600").body("{}").build());
        assertThatThrownBy(() -> client.execute(get(), TOKEN)).isInstanceOf(DataStoreException.class)
                .hasMessageContaining("3600").hasMessageContaining("HTTP 429");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("retries stop after max-retries with the last error; the backoff grows exponentially up to its cap")
    void retriesAreBounded() {
        for (int i = 0; i < 5; i++) {
            server.enqueue(status(502, "{}"));
        }
        assertThatThrownBy(() -> client.execute(get(), TOKEN)).isInstanceOf(DataStoreException.class)
                .hasMessageContaining("after 4 attempts").hasMessageContaining("HTTP 502");
        assertThat(server.getRequestCount()).isEqualTo(4);
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    @DisplayName("4xx answers are not retried and are mapped to typed exceptions")
    void clientErrorsAreNotRetried() {
        server.enqueue(status(409, "{\"code\":\"23505\",\"message\":\"duplicate key value violates unique constraint\","
                + "\"details\":\"Key (user_id, slug)=(user-a, secret-slug) already exists.\"}"));
        assertThatThrownBy(() -> client.execute(get(), TOKEN)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("23505").hasMessageNotContaining("secret-slug");
        server.enqueue(status(401, "{\"code\":\"PGRST303\",\"message\":\"JWT expired\"}"));
        assertThatThrownBy(() -> client.execute(get(), TOKEN)).isInstanceOf(AuthenticationException.class)
                .satisfies(e -> assertThat(((AuthenticationException) e).reason()).isEqualTo(AuthFailureReason.EXPIRED));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    @DisplayName("tokens, the anon key and request bodies never reach logs or exception messages")
    void secretsAreNeverLogged() {
        String body = "{\"content\":\"body-secret-7781\"}";
        List<Throwable> thrown = new ArrayList<>();
        try (SecretCapture capture = SecretCapture.start()) {
            server.enqueue(status(503, "{\"message\":\"busy\"}"));
            server.enqueue(status(400, "{\"code\":\"23502\",\"message\":\"null value in column\","
                    + "\"details\":\"Failing row contains (body-secret-7781).\"}"));
            Query q = Query.table(rest, "memories").onConflict("user_id", "id");
            PostgrestRequest upsert = new PostgrestRequest("POST", q.url(), body,
                    List.of("return=representation", "resolution=merge-duplicates"), true, q.describe("POST upsert"));
            try {
                client.execute(upsert, TOKEN);
            } catch (RuntimeException e) {
                thrown.add(e);
            }
            server.enqueue(status(503, "{\"message\":\"busy\"}"));
            try {
                client.execute(insert(body), TOKEN);
            } catch (RuntimeException e) {
                thrown.add(e);
            }
            String logs = capture.text();
            assertThat(logs).as("the client logged its calls").contains("POST upsert memories").contains("HTTP 503");
            for (String secret : List.of(TOKEN, ANON_KEY, "body-secret-7781", "c2VjcmV0LXNpZ25hdHVyZS0xMjM0")) {
                assertThat(logs).doesNotContain(secret);
                for (Throwable t : thrown) {
                    for (Throwable c = t; c != null; c = c.getCause()) {
                        assertThat(String.valueOf(c.getMessage())).doesNotContain(secret);
                    }
                }
            }
        }
        assertThat(thrown).hasSize(2);
        assertThat(upsertBodyReachedServer()).isTrue();
    }

    private boolean upsertBodyReachedServer() {
        try {
            RecordedRequest first = server.takeRequest(1, TimeUnit.SECONDS);
            return first.getBody().utf8().contains("body-secret-7781")
                    && first.getHeaders().get("Prefer").equals("return=representation,resolution=merge-duplicates");
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName("a non-public schema is sent as Accept-Profile on reads and Content-Profile on writes")
    void schemaProfiles() throws Exception {
        client.close();
        RetryPolicy none = new RetryPolicy(0, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(1),
                b -> 0, Clock.systemUTC());
        client = new PostgrestClient(rest.toString(), ANON_KEY, "omega",
                new PostgrestClient.Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5), 1),
                none, new ErrorMapper(new Json()), waits::add);
        server.enqueue(status(200, "[]"));
        server.enqueue(status(201, "[]"));
        client.execute(get(), TOKEN);
        client.execute(insert("{}"), TOKEN);
        assertThat(server.takeRequest(1, TimeUnit.SECONDS).getHeaders().get("Accept-Profile")).isEqualTo("omega");
        assertThat(server.takeRequest(1, TimeUnit.SECONDS).getHeaders().get("Content-Profile")).isEqualTo("omega");
    }
}
