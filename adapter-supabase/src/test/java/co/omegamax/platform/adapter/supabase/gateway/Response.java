package co.omegamax.platform.adapter.supabase.gateway;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the gateway answers: status, headers, body (null for none), and whether the transaction must roll back. */
record Response(int status, Map<String, String> headers, String body, boolean rollback) {
    static Response of(int status, String body) {
        return new Response(status, new LinkedHashMap<>(), body, false);
    }

    Response header(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
