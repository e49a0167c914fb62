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

    /** Releases resources; the default does nothing. */
    @Override
    default void close() {
    }
}
