package co.omegamax.platform.spi;

/**
 * A named factory for an {@link AuthProvider}, found through {@link java.util.ServiceLoader}: list the
 * implementation in {@code META-INF/services/co.omegamax.platform.spi.AuthProviderFactory}. Selected by
 * {@value PlatformConfig#AUTH} or by code.
 */
public interface AuthProviderFactory {

    /** @return the unique name selected by {@value PlatformConfig#AUTH}, e.g. {@code oidc} */
    String name();

    /**
     * Checks the factory's own config keys before anything is created; the default accepts everything.
     *
     * @throws ConfigurationException naming the bad key and how to fix it
     */
    default void validate(PlatformConfig config) {
    }

    /** @return a new provider; the caller closes it */
    AuthProvider create(PlatformConfig config);
}
