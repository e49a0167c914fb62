package co.omegamax.platform.adapter.oidc;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * A started authorization-code login: send the browser to {@link #authorizationUri()}, keep the rest server-side
 * (e.g. in the session) until the redirect comes back, then call {@link OidcAuthProvider#completeLogin}.
 *
 * @param authorizationUri where to send the browser
 * @param state            anti-CSRF state echoed by the issuer
 * @param nonce            nonce the ID token must carry
 * @param codeVerifier     PKCE code verifier (secret; never printed by {@link #toString()})
 * @param redirectUri      redirect URI registered with the issuer
 * @param createdAt        when the login started
 */
public record PendingLogin(URI authorizationUri, String state, String nonce, String codeVerifier, URI redirectUri,
                           Instant createdAt) {
    /** Checks the components. */
    public PendingLogin {
        Objects.requireNonNull(authorizationUri, "authorizationUri");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(codeVerifier, "codeVerifier");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    @Override
    public String toString() {
        return "PendingLogin[redirectUri=" + redirectUri + ", createdAt=" + createdAt + ", state/nonce/verifier=***]";
    }
}
