package co.omegamax.platform.adapter.oidc;

import co.omegamax.platform.spi.AuthSession;
import java.util.Objects;
import java.util.Optional;

/**
 * Tokens returned by the issuer's token endpoint, after validation.
 *
 * @param session      the session (user from the ID token, access token and its expiry)
 * @param idToken      the ID token, or null (refresh responses may omit it)
 * @param refreshToken the refresh token, or null
 */
public record OidcTokens(AuthSession session, String idToken, String refreshToken) {
    /** Checks the components. */
    public OidcTokens {
        Objects.requireNonNull(session, "session");
    }

    /** @return the refresh token, if the issuer sent one */
    public Optional<String> refresh() {
        return Optional.ofNullable(refreshToken);
    }

    @Override
    public String toString() {
        return "OidcTokens[session=" + session + ", idToken=" + (idToken == null ? "none" : "***")
                + ", refreshToken=" + (refreshToken == null ? "none" : "***") + "]";
    }
}
