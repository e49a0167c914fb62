package co.omegamax.platform.spi;

import java.util.Objects;

/**
 * Sign-in was refused (bad credentials, expired or revoked token) or the identity provider is unreachable.
 * {@link #reason()} says which; the message never contains the token, key or password.
 */
public class AuthenticationException extends PlatformException {
    private static final long serialVersionUID = 1L;

    private final AuthFailureReason reason;

    /** @param message why sign-in failed, without echoing secrets */
    public AuthenticationException(String message) {
        this(AuthFailureReason.OTHER, message, null);
    }

    /** @param message why sign-in failed, without echoing secrets; @param cause the underlying failure */
    public AuthenticationException(String message, Throwable cause) {
        this(AuthFailureReason.OTHER, message, cause);
    }

    /** @param reason the typed reason; @param message why sign-in failed, without echoing secrets */
    public AuthenticationException(AuthFailureReason reason, String message) {
        this(reason, message, null);
    }

    /**
     * @param reason  the typed reason
     * @param message why sign-in failed, without echoing secrets
     * @param cause   the underlying failure, or null (its message must not contain secrets either)
     */
    public AuthenticationException(AuthFailureReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return why the request was refused */
    public AuthFailureReason reason() {
        return reason;
    }
}
