package co.omegamax.platform.spi;

/**
 * A named factory for a {@link DataStore}, found through {@link java.util.ServiceLoader}: list the
 * implementation in {@code META-INF/services/co.omegamax.platform.spi.DataStoreProvider}. Being on the
 * classpath only makes a provider available; {@value PlatformConfig#DATASTORE} or code selects one.
 */
public interface DataStoreProvider {

    /** @return the unique name selected by {@value PlatformConfig#DATASTORE}, e.g. {@code sqlite} */
    String name();

    /**
     * Checks the provider's own config keys before anything is opened; the default accepts everything.
     *
     * @throws ConfigurationException naming the bad key and how to fix it
     */
    default void validate(PlatformConfig config) {
    }

    /** @return a new, ready store; the caller closes it */
    DataStore create(PlatformConfig config);
}
