package co.omegamax.platform.adapter.supabase.internal;

import java.util.List;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * One PostgREST call.
 *
 * @param method     GET, POST, PATCH or DELETE
 * @param url        full URL with the query string
 * @param body       JSON body, or null (never logged)
 * @param prefer     Prefer header values, e.g. {@code return=representation}
 * @param idempotent whether repeating the call cannot change the outcome (only these are retried)
 * @param what       what the call does, for logs and messages (no values): e.g. {@code "GET workspaces"}
 */
public record PostgrestRequest(String method, HttpUrl url, String body, List<String> prefer, boolean idempotent,
                               String what) {
    /** Checks the components. */
    public PostgrestRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        prefer = List.copyOf(prefer);
        Objects.requireNonNull(what, "what");
    }

    @Override
    public String toString() {
        return "PostgrestRequest[" + what + (idempotent ? ", idempotent" : "") + "]";
    }
}
