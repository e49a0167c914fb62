package co.omegamax.platform.spi;

/** A write would break a uniqueness rule, e.g. a workspace slug the user already uses. Nothing was changed. */
public class ConflictException extends PlatformException {
    private static final long serialVersionUID = 1L;

    /** @param message what collided and how to resolve it */
    public ConflictException(String message) {
        super(message);
    }
}
