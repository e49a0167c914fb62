package co.omegamax.platform.spi;

import java.util.Optional;

/**
 * An {@link AuthProvider} that verifies each request's token itself: implement the strict {@link #authenticate};
 * {@link #validateSession} and {@link #getCurrentUser} follow from it (a refusal becomes empty).
 */
public interface TokenAuthProvider extends AuthProvider {

    /** {@inheritDoc} Token providers must implement this with precise {@link AuthFailureReason}s. */
    @Override
    AuthSession authenticate(AuthRequest request);

    /** @return the session {@link #authenticate} accepts, or empty if it refuses the request */
    @Override
    default Optional<AuthSession> validateSession(AuthRequest request) {
        try {
            return Optional.of(authenticate(request));
        } catch (AuthenticationException e) {
            return Optional.empty();
        }
    }

    /** @return the user of the session {@link #authenticate} accepts, or empty */
    @Override
    default Optional<AuthUser> getCurrentUser(AuthRequest request) {
        return validateSession(request).map(AuthSession::user);
    }
}
