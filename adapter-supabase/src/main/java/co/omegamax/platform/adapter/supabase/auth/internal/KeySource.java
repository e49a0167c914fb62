package co.omegamax.platform.adapter.supabase.auth.internal;

import co.omegamax.platform.spi.AuthFailureReason;
import co.omegamax.platform.spi.AuthenticationException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The project's signing keys from {@code /auth/v1/.well-known/jwks.json}, cached; an unknown {@code kid} triggers a
 * refresh at most once per {@code minRefreshInterval}; the cache is refreshed on use once older than {@code maxAge}.
 */
public final class KeySource {
    private final String jwksUrl;
    private final String apiKey;
    private final OkHttpClient http;
    private final Duration minRefreshInterval;
    private final Duration maxAge;
    private final Clock clock;
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile JWKSet keys;
    private volatile Instant fetchedAt = Instant.EPOCH;
    private Instant lastMissRefresh = Instant.EPOCH;
    private boolean missRefreshUsed;

    /**
     * @param jwksUrl            key set URL
     * @param apiKey             the project's anon key, sent as {@code apikey}
     * @param http               HTTP client
     * @param minRefreshInterval minimum time between refreshes caused by unknown key ids
     * @param maxAge             age after which the cache is refreshed on use
     * @param clock              time source
     */
    public KeySource(String jwksUrl, String apiKey, OkHttpClient http, Duration minRefreshInterval, Duration maxAge, Clock clock) {
        this.jwksUrl = jwksUrl;
        this.apiKey = apiKey;
        this.http = http;
        this.minRefreshInterval = minRefreshInterval;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** @return how many times the key set was fetched */
    public int fetchCount() {
        return fetches.get();
    }

    /**
     * @param kid key id from the token, or null
     * @return the candidate keys
     * @throws AuthenticationException UNKNOWN_KEY or PROVIDER_UNAVAILABLE
     */
    public List<JWK> candidates(String kid) {
        JWKSet current = keys;
        if (current == null || clock.instant().isAfter(fetchedAt.plus(maxAge))) {
            current = refresh(false);
        }
        if (kid == null) {
            return current.getKeys();
        }
        JWK key = current.getKeyByKeyId(kid);
        if (key == null) {
            current = refresh(true);
            key = current == null ? null : current.getKeyByKeyId(kid);
        }
        if (key == null) {
            throw new AuthenticationException(AuthFailureReason.UNKNOWN_KEY, "the token was signed with a key the project"
                    + " does not publish at " + jwksUrl + "; sign in again");
        }
        return List.of(key);
    }

    private synchronized JWKSet refresh(boolean becauseOfUnknownKid) {
        Instant now = clock.instant();
        if (becauseOfUnknownKid) {
            if (missRefreshUsed && now.isBefore(lastMissRefresh.plus(minRefreshInterval))) {
                return keys;
            }
            missRefreshUsed = true;
            lastMissRefresh = now;
        } else if (keys != null && !now.isAfter(fetchedAt.plus(maxAge))) {
            return keys;
        }
        keys = fetch();
        fetchedAt = now;
        return keys;
    }

    private JWKSet fetch() {
        fetches.incrementAndGet();
        Request request = new Request.Builder().url(jwksUrl).header("apikey", apiKey).header("Accept", "application/json").get().build();
        try (Response r = http.newCall(request).execute()) {
            if (r.code() != 200) {
                throw new AuthenticationException(AuthFailureReason.PROVIDER_UNAVAILABLE, "the project's key set at " + jwksUrl
                        + " answered HTTP " + r.code() + "; check omega.supabase.url and the anon key");
            }
            return JWKSet.parse(r.body().string()).toPublicJWKSet();
        } catch (java.text.ParseException e) {
            throw new AuthenticationException(AuthFailureReason.PROVIDER_UNAVAILABLE, "the project's key set at " + jwksUrl
                    + " is not a valid JWKS document");
        } catch (IOException e) {
            throw new AuthenticationException(AuthFailureReason.PROVIDER_UNAVAILABLE, "cannot fetch the project's key set at "
                    + jwksUrl + " (" + e.getClass().getSimpleName() + "); check network access to Supabase", e);
        }
    }
}
