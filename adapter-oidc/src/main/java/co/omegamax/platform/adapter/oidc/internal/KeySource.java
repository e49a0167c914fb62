package co.omegamax.platform.adapter.oidc.internal;

import co.omegamax.platform.spi.AuthFailureReason;
import co.omegamax.platform.spi.AuthenticationException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The issuer's public keys (JWKS), fetched lazily and cached. A token naming a {@code kid} the cache lacks triggers a
 * refresh, at most once per {@code minRefreshInterval} (so forged kids cannot make us hammer the issuer); the cache
 * is also refreshed on use once older than {@code maxAge}.
 */
public final class KeySource {
    private static final System.Logger LOG = System.getLogger(KeySource.class.getName());

    private final URI jwksUri;
    private final HttpClient http;
    private final Duration timeout;
    private final Duration minRefreshInterval;
    private final Duration maxAge;
    private final Clock clock;
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile JWKSet keys;
    private volatile Instant fetchedAt = Instant.EPOCH;
    private Instant lastMissRefresh = Instant.EPOCH;
    private boolean missRefreshUsed;

    /**
     * @param jwksUri            where the key set lives
     * @param http               HTTP client
     * @param timeout            request timeout
     * @param minRefreshInterval minimum time between refreshes caused by unknown key ids
     * @param maxAge             age after which the cached set is refreshed on use
     * @param clock              time source
     */
    public KeySource(URI jwksUri, HttpClient http, Duration timeout, Duration minRefreshInterval, Duration maxAge, Clock clock) {
        this.jwksUri = jwksUri;
        this.http = http;
        this.timeout = timeout;
        this.minRefreshInterval = minRefreshInterval;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** @return how many times the key set was fetched (for tests and metrics) */
    public int fetchCount() {
        return fetches.get();
    }

    /** @return the key set's URI */
    public URI uri() {
        return jwksUri;
    }

    /**
     * @param kid key id from the token header, or null
     * @return candidate keys: the one with {@code kid}, or every key when the token names none
     * @throws AuthenticationException {@link AuthFailureReason#UNKNOWN_KEY} if the kid is unknown after a refresh
     *                                 (or a refresh was not allowed yet), {@link AuthFailureReason#PROVIDER_UNAVAILABLE}
     *                                 if the key set cannot be fetched
     */
    public List<JWK> candidates(String kid) {
        JWKSet current = keys;
        Instant now = clock.instant();
        if (current == null || now.isAfter(fetchedAt.plus(maxAge))) {
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
            LOG.log(System.Logger.Level.DEBUG, "token names a key id the issuer''s key set does not contain");
            throw new AuthenticationException(AuthFailureReason.UNKNOWN_KEY, "the token was signed with a key the issuer"
                    + " does not publish at " + jwksUri + "; get a new token from the issuer");
        }
        return List.of(key);
    }

    private synchronized JWKSet refresh(boolean becauseOfUnknownKid) {
        Instant now = clock.instant();
        if (becauseOfUnknownKid) {
            if (missRefreshUsed && now.isBefore(lastMissRefresh.plus(minRefreshInterval))) {
                return keys; // rate-limited: answer from the cache
            }
            missRefreshUsed = true;
            lastMissRefresh = now;
        } else if (keys != null && !now.isAfter(fetchedAt.plus(maxAge))) {
            return keys; // another thread refreshed meanwhile
        }
        keys = fetch();
        fetchedAt = now;
        return keys;
    }

    private JWKSet fetch() {
        fetches.incrementAndGet();
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(jwksUri).timeout(timeout)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new AuthenticationException(AuthFailureReason.PROVIDER_UNAVAILABLE, "the issuer's key set at "
                        + jwksUri + " answered HTTP " + r.statusCode() + "; check the issuer URL and that it is up");
            }
            return JWKSet.parse(r.body()).toPublicJWKSet();
        } catch (java.text.ParseException e) {
            throw new AuthenticationException(AuthFailureReason.PROVIDER_UNAVAILABLE, "the issuer's key set at " + jwksUri
                    + " is not a valid JWKS document", null);
        } catch (java.io.IOException e) {
            throw new AuthenticationException(AuthFailureReason.PROVIDER_UNAVAILABLE, "cannot fetch the issuer's key set at "
                    + jwksUri + " (" + e.getClass().getSimpleName() + "); check network access to the issuer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthenticationException(AuthFailureReason.PROVIDER_UNAVAILABLE, "interrupted while fetching " + jwksUri, e);
        }
    }
}
