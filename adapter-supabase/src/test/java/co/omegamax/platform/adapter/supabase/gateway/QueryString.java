package co.omegamax.platform.adapter.supabase.gateway;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The decoded {@code key=value} pairs of a query string, in order; keys may repeat ({@code id=gt.1&id=lt.9}). */
record QueryString(List<Pair> pairs) {
    /** One parameter. */
    record Pair(String key, String value) {
    }

    /** @param raw the raw (still percent-encoded) query, or null */
    static QueryString parse(String raw) {
        List<Pair> pairs = new ArrayList<>();
        if (raw != null && !raw.isEmpty()) {
            for (String part : raw.split("&")) {
                if (part.isEmpty()) {
                    continue;
                }
                int eq = part.indexOf('=');
                String k = eq < 0 ? part : part.substring(0, eq);
                String v = eq < 0 ? "" : part.substring(eq + 1);
                pairs.add(new Pair(decode(k), decode(v)));
            }
        }
        return new QueryString(List.copyOf(pairs));
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw PgrstError.parse("query string", "bad percent-encoding in '" + s + "'");
        }
    }

    /** @return the last value of {@code key}, or null */
    String get(String key) {
        String found = null;
        for (Pair p : pairs) {
            if (p.key().equals(key)) {
                found = p.value();
            }
        }
        return found;
    }
}
