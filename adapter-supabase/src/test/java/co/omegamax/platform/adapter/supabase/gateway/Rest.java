package co.omegamax.platform.adapter.supabase.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A tiny HTTP client for the gateway tests: every call carries the anon key as {@code apikey}. */
final class Rest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final LocalSupabase supabase;
    private String token;
    private String apiKey;

    Rest(LocalSupabase supabase) {
        this.supabase = supabase;
        this.apiKey = supabase.anonKey();
    }

    /** @return a client sending {@code Authorization: Bearer <token>} (null: no Authorization header) */
    Rest as(String bearer) {
        Rest r = new Rest(supabase);
        r.token = bearer;
        r.apiKey = apiKey;
        return r;
    }

    /** @return a client sending {@code apikey: <key>} (null: none) */
    Rest withApiKey(String key) {
        Rest r = as(token);
        r.apiKey = key;
        return r;
    }

    HttpResponse<String> get(String pathAndQuery, String... headers) {
        return send("GET", pathAndQuery, null, headers);
    }

    HttpResponse<String> post(String pathAndQuery, String body, String... headers) {
        return send("POST", pathAndQuery, body, headers);
    }

    HttpResponse<String> patch(String pathAndQuery, String body, String... headers) {
        return send("PATCH", pathAndQuery, body, headers);
    }

    HttpResponse<String> delete(String pathAndQuery, String... headers) {
        return send("DELETE", pathAndQuery, null, headers);
    }

    HttpResponse<String> send(String method, String pathAndQuery, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(supabase.restUrl() + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null) {
            b.header("apikey", apiKey);
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
