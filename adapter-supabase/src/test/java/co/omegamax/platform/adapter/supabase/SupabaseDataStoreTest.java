package co.omegamax.platform.adapter.supabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.omegamax.platform.spi.AuthFailureReason;
import co.omegamax.platform.spi.AuthenticationException;
import co.omegamax.platform.spi.ConfigurationException;
import co.omegamax.platform.spi.DataStoreException;
import co.omegamax.platform.spi.InvalidInputException;
import co.omegamax.platform.spi.MemoryFilters;
import co.omegamax.platform.spi.NotFoundException;
import co.omegamax.platform.spi.Page;
import co.omegamax.platform.spi.PlatformConfig;
import co.omegamax.platform.spi.Providers;
import co.omegamax.platform.tck.Jwts;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The store's own rules, against a real HTTP server on 127.0.0.1: a token is only sent for the user it belongs to,
 * bad user ids never reach the token source, requests carry the user filter, and the provider's configuration errors
 * name the keys to set. The full DataStore contract is {@link SupabaseDataStoreCompatibilityTest}.
 */
class SupabaseDataStoreTest {
    private final MockWebServer server = new MockWebServer();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private SupabaseDataStore store;

    static String tokenFor(String sub) {
        return Jwts.unsigned(Map.of("alg", "none"), Map.of("sub", sub, "role", "authenticated"));
    }

    @BeforeEach
    void start() throws Exception {
        server.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
        String url = server.url("/").toString();
        store = SupabaseDataStore.open(SupabaseDataStoreSettings.builder(url, "anon-key")
                .retries(0, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(1)).build(), userId -> {
                    tokenRequests.incrementAndGet();
                    return userId.equals("user-mallory") ? tokenFor("user-alice") : userId.equals("user-broken")
                            ? "not-a-jwt" : tokenFor(userId);
                });
    }

    @AfterEach
    void stop() {
        store.close();
        server.close();
    }

    @Test
    @DisplayName("a token whose sub is another user is refused before anything is sent")
    void tokenOfAnotherUserIsRefused() {
        assertThatThrownBy(() -> store.getWorkspaces("user-mallory", Page.first()))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("belongs to another user")
                .satisfies(e -> assertThat(((AuthenticationException) e).reason()).isEqualTo(AuthFailureReason.INVALID_CREDENTIALS));
        assertThatThrownBy(() -> store.getUserAccount("user-broken")).isInstanceOf(AuthenticationException.class)
                .satisfies(e -> assertThat(((AuthenticationException) e).reason()).isEqualTo(AuthFailureReason.MALFORMED_TOKEN));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    @DisplayName("a malformed user id is rejected before the token source is asked")
    void badUserIdNeverReachesTheTokenSource() {
        assertThatThrownBy(() -> store.getWorkspaces("user alice", Page.first())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> store.getUserAccount(null)).isInstanceOf(InvalidInputException.class);
        assertThat(tokenRequests).hasValue(0);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    @DisplayName("every request carries the user's token and a user_id filter; an unknown workspace is NotFound")
    void requestsAreUserScoped() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("[]").build());
        String ws = UUID.randomUUID().toString();
        assertThatThrownBy(() -> store.getMemories("user-alice", MemoryFilters.workspace(ws), Page.first()))
                .isInstanceOf(NotFoundException.class);
        RecordedRequest r = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(r.getUrl().encodedPath()).isEqualTo("/rest/v1/workspaces");
        assertThat(r.getUrl().queryParameter("user_id")).isEqualTo("eq.user-alice");
        assertThat(r.getUrl().queryParameter("id")).isEqualTo("eq." + ws);
        assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + tokenFor("user-alice"));
        assertThat(store.getWorkspaceById("user-alice", "not-a-uuid")).as("no request for an id that cannot exist").isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    private static String workspaceRow(String id) {
        return "[{\"id\":\"" + id + "\",\"user_id\":\"user-alice\",\"name\":\"W\",\"workspace_type\":null,"
                + "\"slug\":\"w\",\"settings\":{},\"created_at\":\"2026-03-01T10:00:00+00:00\","
                + "\"updated_at\":\"2026-03-01T10:00:00.123+00:00\"}]";
    }

    private SupabaseDataStore retryingStore() {
        store.close();
        return SupabaseDataStore.open(SupabaseDataStoreSettings.builder(server.url("/").toString(), "anon-key")
                .retries(2, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(1)).build(),
                SupabaseDataStoreTest::tokenFor);
    }

    @Test
    @DisplayName("the store retries an upsert answered 503 (idempotent) but never a plain insert")
    void storeRetriesOnlyIdempotentWrites() throws Exception {
        store = retryingStore();
        String ws = UUID.randomUUID().toString();
        server.enqueue(new MockResponse.Builder().code(200).body(workspaceRow(ws)).build()); // workspace check
        server.enqueue(new MockResponse.Builder().code(200).body("[]").build());             // no job with this id yet
        server.enqueue(new MockResponse.Builder().code(503).body("{}").build());
        server.enqueue(new MockResponse.Builder().code(201).body("[{\"id\":\"j1\",\"user_id\":\"user-alice\","
                + "\"workspace_id\":\"" + ws + "\",\"project_id\":null,\"name\":\"J\",\"status\":\"queued\","
                + "\"payload\":{},\"error\":null,\"created_at\":\"2026-03-01T10:00:00+00:00\","
                + "\"updated_at\":\"2026-03-01T10:00:00+00:00\"}]").build());
        assertThat(store.recordJob("user-alice", co.omegamax.platform.spi.JobInput.queued("j1", ws, "J")).id()).isEqualTo("j1");
        assertThat(server.getRequestCount()).isEqualTo(4);
        for (int i = 0; i < 2; i++) {
            server.takeRequest(1, TimeUnit.SECONDS);
        }
        RecordedRequest upsert = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(upsert.getHeaders().get("Prefer")).isEqualTo("return=representation,resolution=merge-duplicates");
        assertThat(upsert.getUrl().queryParameter("on_conflict")).isEqualTo("user_id,id");
        assertThat(server.takeRequest(1, TimeUnit.SECONDS).getBody().utf8()).as("the retry sends the same body")
                .isEqualTo(upsert.getBody().utf8());

        server.enqueue(new MockResponse.Builder().code(200).body(workspaceRow(ws)).build()); // workspace check
        server.enqueue(new MockResponse.Builder().code(503).body("{}").build());             // the insert
        server.enqueue(new MockResponse.Builder().code(201).body("[]").build());
        assertThatThrownBy(() -> store.createProject("user-alice", ws,
                co.omegamax.platform.spi.CreateProjectInput.named("P"))).isInstanceOf(DataStoreException.class)
                .hasMessageContaining("HTTP 503");
        assertThat(server.getRequestCount()).as("the insert was sent once").isEqualTo(6);
    }

    @Test
    @DisplayName("a closed store refuses calls; closing twice is harmless")
    void closedStore() {
        store.close();
        store.close();
        assertThatThrownBy(() -> store.getWorkspaces("user-alice", Page.first())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("a server that is not PostgREST gives a DataStoreException naming the URL to check")
    void notPostgrest() {
        server.enqueue(new MockResponse.Builder().code(200).body("<html>hello</html>").build());
        assertThatThrownBy(() -> store.getWorkspaces("user-alice", Page.first())).isInstanceOf(DataStoreException.class)
                .hasMessageContaining("omega.supabase.url");
    }

    @Test
    @DisplayName("provider: found as 'supabase'; missing url, anon key or credentials name the key to set")
    void provider() {
        assertThat(Providers.dataStoreNames(getClass().getClassLoader())).contains("supabase");
        SupabaseDataStoreProvider p = new SupabaseDataStoreProvider();
        assertThatThrownBy(() -> p.validate(PlatformConfig.of(Map.of()))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("omega.supabase.url");
        assertThatThrownBy(() -> p.validate(PlatformConfig.of(Map.of("omega.supabase.url", "https://x.supabase.co"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("omega.supabase.anon-key");
        assertThatThrownBy(() -> p.validate(PlatformConfig.of(Map.of("omega.supabase.url", "https://x.supabase.co",
                "omega.supabase.anon-key", "k")))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("omega.supabase.refresh-token").hasMessageContaining("omega.supabase.email");
        assertThatThrownBy(() -> p.validate(PlatformConfig.of(Map.of("omega.supabase.url", "http://example.com",
                "omega.supabase.anon-key", "k")))).isInstanceOf(ConfigurationException.class).hasMessageContaining("https");
        p.validate(PlatformConfig.of(Map.of("omega.supabase.url", "https://x.supabase.co", "omega.supabase.anon-key", "k",
                "omega.supabase.refresh-token", "rt")));
        SupabaseDataStoreSettings s = SupabaseDataStoreSettings.from(PlatformConfig.of(Map.of("omega.supabase.url",
                "https://x.supabase.co/", "omega.supabase.anon-key", "secret-anon", "omega.supabase.rest-path", "/api/")));
        assertThat(s.restUrl()).isEqualTo("https://x.supabase.co/api/");
        assertThat(s.toString()).doesNotContain("secret-anon");
    }
}
