package co.omegamax.platform.spi;

/** The backing store failed (I/O, driver, corrupt database); the operation may be retried once fixed. */
public class DataStoreException extends PlatformException {
    private static final long serialVersionUID = 1L;

    /** @param message what failed and where; @param cause the underlying failure */
    public DataStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
