package co.omegamax.platform.spi;

/** Base of every exception the OMEGA platform ports throw; unchecked, with an actionable message. */
public abstract class PlatformException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong and what to do about it */
    protected PlatformException(String message) {
        super(message);
    }

    /** @param message what went wrong and what to do about it; @param cause the underlying failure */
    protected PlatformException(String message, Throwable cause) {
        super(message, cause);
    }
}
