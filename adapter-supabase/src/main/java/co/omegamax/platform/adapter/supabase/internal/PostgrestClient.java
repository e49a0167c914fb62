package co.omegamax.platform.adapter.supabase.internal;

import co.omegamax.platform.spi.DataStoreException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of the Supabase DataStore: one pooled {@link OkHttpClient} per store (connect, read, write and whole
 * call timeouts; OkHttp's own silent connection retry is off so that only this class decides what is repeated),
 * the {@code apikey} and {@code Authorization: Bearer <user access token>} headers on every call, and retries with
 * backoff for {@linkplain PostgrestRequest#idempotent() idempotent} calls only (see {@link RetryPolicy}). A plain
 * insert is never repeated. Logs name the operation, status, attempt and time: never a token, key, query value or
 * body.
 */
public final class PostgrestClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PostgrestClient.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient http;
    private final String anonKey;
    private final String schema;
    private final RetryPolicy retry;
    private final ErrorMapper errors;
    private final Sleeper sleeper;
    private final String endpoint;

    /** Waits between attempts (tests may record instead of sleeping). */
    @FunctionalInterface
    public interface Sleeper {
        /** Waits {@code d}. @throws InterruptedException if interrupted */
        void sleep(Duration d) throws InterruptedException;
    }

    /**
     * @param endpoint     the REST endpoint for messages, e.g. {@code https://abcd.supabase.co/rest/v1} (no secrets)
     * @param anonKey      the project's anon (publishable) key, sent as {@code apikey}
     * @param schema       the exposed schema the tables live in; null or {@code public} for the default
     * @param timeouts     connect, read/write and whole-call timeouts
     * @param retry        retry policy for idempotent calls
     * @param errors       maps error answers to exceptions
     * @param sleeper      waits between attempts
     */
    public PostgrestClient(String endpoint, String anonKey, String schema, Timeouts timeouts, RetryPolicy retry,
                           ErrorMapper errors, Sleeper sleeper) {
        this.endpoint = endpoint;
        this.anonKey = anonKey;
        this.schema = schema == null || schema.equals("public") ? null : schema;
        this.retry = retry;
        this.errors = errors;
        this.sleeper = sleeper;
        this.http = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(timeouts.maxIdleConnections(), 5, TimeUnit.MINUTES))
                .connectTimeout(timeouts.connect())
                .readTimeout(timeouts.read())
                .writeTimeout(timeouts.read())
                .callTimeout(timeouts.call())
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .build();
    }

    /**
     * Timeouts of the pooled client.
     *
     * @param connect            TCP/TLS connect
     * @param read               between bytes read or written
     * @param call               the whole call, including redirects and body
     * @param maxIdleConnections idle connections kept in the pool
     */
    public record Timeouts(Duration connect, Duration read, Duration call, int maxIdleConnections) {
    }

    /**
     * Runs a call for a user, repeating it (idempotent calls only) on 429/5xx and I/O errors.
     *
     * @param request     the call
     * @param accessToken the user's access token (sent as bearer, never logged)
     * @return the successful answer
     * @throws co.omegamax.platform.spi.PlatformException typed by {@link ErrorMapper} for error answers, or a
     *     {@link DataStoreException} when Supabase cannot be reached
     */
    public PostgrestResponse execute(PostgrestRequest request, String accessToken) {
        Request http = toHttp(request, accessToken);
        int attempt = 0;
        while (true) {
            attempt++;
            long start = System.nanoTime();
            String retryAfter;
            ErrorMapper.Failure failure;
            IOException ioFailure = null;
            try (Response r = this.http.newCall(http).execute()) {
                String body = r.body().string();
                long ms = (System.nanoTime() - start) / 1_000_000;
                LOG.debug("Supabase {} -> HTTP {} in {} ms (attempt {})", request.what(), r.code(), ms, attempt);
                if (r.isSuccessful()) {
                    return new PostgrestResponse(r.code(), body, r.header("Content-Range"));
                }
                failure = errors.parse(r.code(), body);
                retryAfter = r.header("Retry-After");
                if (!(request.idempotent() && RetryPolicy.retryableStatus(r.code()))) {
                    throw errors.toException(failure, request.what());
                }
            } catch (IOException e) {
                if (e instanceof InterruptedIOException && Thread.currentThread().isInterrupted()) {
                    throw new DataStoreException("Supabase " + request.what() + " was interrupted", e);
                }
                LOG.debug("Supabase {} failed on attempt {}: {}", request.what(), attempt, e.getClass().getSimpleName());
                if (!request.idempotent()) {
                    throw unreachable(request, e, attempt, "it is not safe to repeat, so it was not retried; check"
                            + " whether it took effect before repeating it");
                }
                ioFailure = e;
                failure = null;
                retryAfter = null;
            }
            if (attempt > retry.maxRetries()) {
                throw ioFailure != null
                        ? unreachable(request, ioFailure, attempt, "retries exhausted")
                        : errors.toException(failure, request.what() + " (after " + attempt + " attempts)");
            }
            Optional<Duration> wait = retry.delay(attempt, retryAfter);
            if (wait.isEmpty()) {
                throw errors.toException(failure, request.what() + " (Supabase asked to wait " + retryAfter
                        + " s before retrying, longer than " + retry.maxRetryAfter().toSeconds() + " s)");
            }
            LOG.warn("Supabase {} answered {}; retrying in {} ms (retry {}/{})", request.what(),
                    ioFailure != null ? ioFailure.getClass().getSimpleName() : "HTTP " + failure.status(),
                    wait.get().toMillis(), attempt, retry.maxRetries());
            try {
                sleeper.sleep(wait.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DataStoreException("interrupted while waiting to retry Supabase " + request.what(), e);
            }
        }
    }

    private DataStoreException unreachable(PostgrestRequest request, IOException e, int attempts, String note) {
        return new DataStoreException("cannot reach Supabase at " + endpoint + " for " + request.what() + " ("
                + e.getClass().getSimpleName() + " after " + attempts + " attempt" + (attempts == 1 ? "" : "s") + "; "
                + note + "); check omega.supabase.url and the network", e);
    }

    private Request toHttp(PostgrestRequest request, String accessToken) {
        Request.Builder b = new Request.Builder().url(request.url())
                .header("apikey", anonKey)
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json");
        if (!request.prefer().isEmpty()) {
            b.header("Prefer", String.join(",", request.prefer()));
        }
        if (schema != null) {
            b.header(request.method().equals("GET") ? "Accept-Profile" : "Content-Profile", schema);
        }
        RequestBody body = request.body() == null ? null : RequestBody.create(request.body(), JSON);
        if (body == null && !request.method().equals("GET") && !request.method().equals("DELETE")) {
            body = RequestBody.create(new byte[0], JSON);
        }
        return b.method(request.method(), body).build();
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
