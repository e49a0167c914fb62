package co.omegamax.platform.spi;

/** The platform configuration or classpath is wrong: missing or unknown provider, bad config value or file. */
public class ConfigurationException extends PlatformException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and how to fix it */
    public ConfigurationException(String message) {
        super(message);
    }

    /** @param message what is wrong and how to fix it; @param cause the underlying failure */
    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
