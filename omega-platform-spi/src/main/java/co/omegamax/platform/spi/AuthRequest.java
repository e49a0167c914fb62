package co.omegamax.platform.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The part of an incoming HTTP request an {@link AuthProvider} needs: headers (names case-insensitive,
 * multi-valued) and cookies. Built by the web layer from whatever server type it uses.
 */
public final class AuthRequest {
    private final Map<String, List<String>> headers;
    private final Map<String, String> cookies;

    private AuthRequest(Map<String, List<String>> headers, Map<String, String> cookies) {
        this.headers = headers;
        this.cookies = cookies;
    }

    /** @return a builder for a request */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the first value of a header, or empty */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** @return every value of a header, possibly none */
    public List<String> headers(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /** @return a cookie's value, or empty */
    public Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    /** @return the token of an {@code Authorization: Bearer …} header, or empty */
    public Optional<String> bearerToken() {
        return header("Authorization")
                .filter(v -> v.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(v -> v.substring(7).strip())
                .filter(v -> !v.isEmpty());
    }

    /** @return header names (lower case) */
    public java.util.Set<String> headerNames() {
        return headers.keySet();
    }

    /** @return cookie names */
    public java.util.Set<String> cookieNames() {
        return cookies.keySet();
    }

    @Override
    public String toString() {
        return "AuthRequest[headers=" + headers.keySet() + ", cookies=" + cookies.keySet() + "]";
    }

    /** Collects headers and cookies; not thread-safe. */
    public static final class Builder {
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private final Map<String, String> cookies = new LinkedHashMap<>();

        private Builder() {
        }

        /** Adds a header value. @return this */
        public Builder header(String name, String value) {
            Validate.notNull("header name", name);
            Validate.notNull("header value", value);
            headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
            return this;
        }

        /** Sets a cookie. @return this */
        public Builder cookie(String name, String value) {
            Validate.notNull("cookie name", name);
            Validate.notNull("cookie value", value);
            cookies.put(name, value);
            return this;
        }

        /** Adds an {@code Authorization: Bearer} header. @return this */
        public Builder bearer(String token) {
            return header("Authorization", "Bearer " + token);
        }

        /** @return the immutable request */
        public AuthRequest build() {
            Map<String, List<String>> h = new LinkedHashMap<>();
            headers.forEach((k, v) -> h.put(k, List.copyOf(v)));
            return new AuthRequest(Collections.unmodifiableMap(h), Collections.unmodifiableMap(new LinkedHashMap<>(cookies)));
        }
    }
}
