package co.omegamax.platform.jwt;

import co.omegamax.platform.spi.AuthFailureReason;
import co.omegamax.platform.spi.AuthenticationException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An issuer's public keys (JWKS), fetched lazily through a {@link JwksFetcher} and cached. A token naming a
 * {@code kid} the cache lacks triggers a refresh, at most once per {@code minRefreshInterval} (so forged kids cannot
 * make us hammer the issuer); the cache is also refreshed on use once older than {@code maxAge}. Thread-safe.
 */
public final class JwksKeySource {
    private static final System.Logger LOG = System.getLogger(JwksKeySource.class.getName());

    private final JwksFetcher fetcher;
    private final String owner;
    private final String location;
    private final String unknownKeyAdvice;
    private final Duration minRefreshInterval;
    private final Duration maxAge;
    private final Clock clock;
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile JWKSet keys;
    private volatile Instant fetchedAt = Instant.EPOCH;
    private Instant lastMissRefresh = Instant.EPOCH;
    private boolean missRefreshUsed;

    /**
     * @param fetcher            fetches the JWKS JSON
     * @param owner              who publishes the keys, for messages (e.g. {@code "issuer"})
     * @param location           where the key set lives, for messages
     * @param unknownKeyAdvice   what the user should do when the token's key is unknown, for messages
     * @param minRefreshInterval minimum time between refreshes caused by unknown key ids
     * @param maxAge             age after which the cached set is refreshed on use
     * @param clock              time source
     */
    public JwksKeySource(JwksFetcher fetcher, String owner, String location, String unknownKeyAdvice,
                         Duration minRefreshInterval, Duration maxAge, Clock clock) {
        this.fetcher = fetcher;
        this.owner = owner;
        this.location = location;
        this.unknownKeyAdvice = unknownKeyAdvice;
        this.minRefreshInterval = minRefreshInterval;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** @return how many times the key set was fetched (for tests and metrics) */
    public int fetchCount() {
        return fetches.get();
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
            LOG.log(System.Logger.Level.DEBUG, "token names a key id the {0}''s key set does not contain", owner);
            throw new AuthenticationException(AuthFailureReason.UNKNOWN_KEY, "the token was signed with a key the " + owner
                    + " does not publish at " + location + "; " + unknownKeyAdvice);
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
        String json = fetcher.fetch();
        try {
            return JWKSet.parse(json).toPublicJWKSet();
        } catch (ParseException e) {
            throw new AuthenticationException(AuthFailureReason.PROVIDER_UNAVAILABLE, "the " + owner + "'s key set at "
                    + location + " is not a valid JWKS document");
        }
    }
}
