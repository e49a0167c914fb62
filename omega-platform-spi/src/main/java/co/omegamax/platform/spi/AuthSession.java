package co.omegamax.platform.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * An authenticated session.
 *
 * @param user        who is signed in
 * @param accessToken bearer token for later requests (never printed by {@link #toString()})
 * @param expiresAt   when the token expires
 */
public record AuthSession(AuthUser user, String accessToken, Instant expiresAt) {
    /** Checks the components. */
    public AuthSession {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** @return true if the session has expired at {@code now} */
    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "AuthSession[user=" + user + ", accessToken=***, expiresAt=" + expiresAt + "]";
    }
}
