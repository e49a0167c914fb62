package co.omegamax.memory.spi;

import java.util.Objects;

/**
 * A provider that could not be loaded or registered and was skipped.
 *
 * @param provider the provider's name or class (or the service type when the class itself is unknown)
 * @param message what went wrong
 * @param cause the exception, or {@code null}
 */
public record ProviderFailure(String provider, String message, Throwable cause) {

    /** Checks the parts. */
    public ProviderFailure {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return provider + ": " + message;
    }
}
