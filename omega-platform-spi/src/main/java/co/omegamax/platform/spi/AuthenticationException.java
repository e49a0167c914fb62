package co.omegamax.platform.spi;

/** Sign-in was refused (bad credentials, expired or revoked token) or the identity provider is unreachable. */
public class AuthenticationException extends PlatformException {
    private static final long serialVersionUID = 1L;

    /** @param message why sign-in failed, without echoing secrets */
    public AuthenticationException(String message) {
        super(message);
    }

    /** @param message why sign-in failed, without echoing secrets; @param cause the underlying failure */
    public AuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}
