package co.omegamax.platform.adapter.supabase.byos.internal;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Raw anonymous GETs against a project's REST endpoint, for diagnosis only: the setup flow needs the status and
 * error code of an answer (is this the gateway refusing the key, PostgREST refusing a table, or a missing table?),
 * which a DataStore hides behind exceptions. Sends the anon key as {@code apikey} and as bearer (how an anonymous
 * client calls Supabase); never logs or returns either.
 */
public final class RestProbe implements AutoCloseable {
    private final HttpUrl endpoint;
    private final String anonKey;
    private final OkHttpClient http;

    /**
     * @param restEndpoint {@code <project url>/rest/v1}
     * @param anonKey      the anon key
     * @param timeout      connect and whole-call timeout
     */
    public RestProbe(String restEndpoint, String anonKey, Duration timeout) {
        this.endpoint = HttpUrl.get(restEndpoint + "/");
        this.anonKey = anonKey;
        this.http = new OkHttpClient.Builder().connectTimeout(timeout).readTimeout(timeout).callTimeout(timeout)
                .followRedirects(false).retryOnConnectionFailure(false).build();
    }

    /**
     * An answer: status, and PostgREST's (or the gateway's) error {@code code} and {@code message} if the body is an
     * error object.
     *
     * @param status   HTTP status
     * @param code     error code ({@code PGRST205}, {@code 42501}, …) or null
     * @param message  error message or null
     * @param rows     for a 2xx JSON array answer, its length; -1 otherwise
     */
    public record Answer(int status, String code, String message, int rows) {
        /** @return whether PostgREST itself (not a gateway in front of it) refused for lack of privilege */
        public boolean permissionDenied() {
            return (status == 401 || status == 403) && "42501".equals(code);
        }

        /** @return whether PostgREST says the table does not exist (or is not in its schema cache) */
        public boolean tableMissing() {
            return status == 404 && ("PGRST205".equals(code) || "42P01".equals(code));
        }

        /** @return whether the API key or bearer token was refused (by the gateway or PostgREST's JWT check) */
        public boolean keyRefused() {
            return (status == 401 || status == 403) && !permissionDenied();
        }
    }

    /**
     * GETs {@code table} with {@code select=id} and the given equality filters, anonymously.
     *
     * @throws IOException if the endpoint cannot be reached
     */
    public Answer selectAnonymously(String table, Map<String, String> equals) throws IOException {
        HttpUrl.Builder url = endpoint.newBuilder().addPathSegment(table).addQueryParameter("select", "id")
                .addQueryParameter("limit", "1");
        equals.forEach((column, value) -> url.addQueryParameter(column, "eq." + value));
        Request request = new Request.Builder().url(url.build()).header("apikey", anonKey)
                .header("Authorization", "Bearer " + anonKey).header("Accept", "application/json").get().build();
        try (Response r = http.newCall(request).execute()) {
            String body = r.body().string();
            String trimmed = body.strip();
            if (r.isSuccessful() && trimmed.startsWith("[")) {
                return new Answer(r.code(), null, null, countRows(trimmed));
            }
            try {
                Map<String, Object> m = JSONObjectUtils.parse(trimmed);
                Object code = m.get("code");
                Object message = m.containsKey("message") ? m.get("message") : m.get("msg");
                return new Answer(r.code(), code == null ? null : String.valueOf(code),
                        message == null ? null : String.valueOf(message), -1);
            } catch (ParseException e) {
                return new Answer(r.code(), null, null, -1);
            }
        }
    }

    private static int countRows(String array) {
        try {
            return JSONObjectUtils.parse("{\"a\":" + array + "}").get("a") instanceof java.util.List<?> l ? l.size() : -1;
        } catch (ParseException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
