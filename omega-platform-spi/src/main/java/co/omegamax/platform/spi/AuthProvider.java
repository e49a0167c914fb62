package co.omegamax.platform.spi;

import java.util.Optional;

/**
 * The platform's authentication port (spec §5.5), free of any servlet type: requests are seen through
 * {@link AuthRequest}.
 */
public interface AuthProvider extends AutoCloseable {

    /** @return the user the request is authenticated as, or empty if it carries no valid session */
    Optional<AuthUser> getCurrentUser(AuthRequest request);

    /** @return the request's session if valid and not expired, or empty */
    Optional<AuthSession> validateSession(AuthRequest request);

    /** @return the subscription account of a user, or empty */
    Optional<UserAccount> getUserAccount(String userId);

    /** @return a new session; @throws AuthenticationException if the credentials are refused */
    AuthSession signIn(Credentials credentials);

    /** Ends the request's session; a request without a session is a no-op. */
    void signOut(AuthRequest request);

    /**
     * Authenticates a request strictly: like {@link #validateSession} but a refusal throws, with a typed
     * {@link AuthFailureReason}. Providers should override this with precise reasons; the default reports
     * {@link AuthFailureReason#MISSING_TOKEN} or {@link AuthFailureReason#OTHER}.
     *
     * @return the request's valid session
     * @throws AuthenticationException with the reason the request was refused (never echoing the token)
     */
    default AuthSession authenticate(AuthRequest request) {
        Validate.notNull("request", request);
        if (request.bearerToken().isEmpty() && request.cookieNames().isEmpty()) {
            throw new AuthenticationException(AuthFailureReason.MISSING_TOKEN,
                    "the request carries no bearer token or session cookie; send 'Authorization: Bearer <token>'");
        }
        return validateSession(request).orElseThrow(() -> new AuthenticationException(AuthFailureReason.OTHER,
                "the request's token or session was refused; sign in again"));
    }

    /** Releases resources; the default does nothing. */
    @Override
    default void close() {
    }
}
