package co.omegamax.platform.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The ServiceLoader-based discovery of {@link DataStoreProvider}s and {@link AuthProviderFactory}s, in the
 * style of SLF4J and OpenTelemetry: discovering is not activating. A name is selected by configuration; zero
 * providers, an unknown name or a name claimed twice fail with a {@link ConfigurationException} listing the
 * available names and the artifact to add. Nothing is cached: every call loads afresh.
 */
public final class Providers {
    /** Provider names the OMEGA suite ships, mapped to the Maven artifact that brings each. */
    public static final Map<String, String> KNOWN_DATASTORES = Map.of(
            "sqlite", "co.omegamax:adapter-sqlite",
            "postgres", "co.omegamax:adapter-postgres",
            "supabase", "co.omegamax:adapter-supabase");
    /** AuthProvider names the OMEGA suite ships, mapped to the Maven artifact that brings each. */
    public static final Map<String, String> KNOWN_AUTH = Map.of(
            "oidc", "co.omegamax:adapter-oidc",
            "supabase", "co.omegamax:adapter-supabase");

    private Providers() {
    }

    /** @return the DataStore selected by {@code config}, created with it, from the context class loader */
    public static DataStore openDataStore(PlatformConfig config) {
        return openDataStore(config, contextLoader());
    }

    /** @return the DataStore selected by {@code config}, discovered through {@code loader} */
    public static DataStore openDataStore(PlatformConfig config, ClassLoader loader) {
        DataStoreProvider provider = selectDataStore(config, load(DataStoreProvider.class, loader));
        provider.validate(config);
        return provider.create(config);
    }

    /** @return the AuthProvider selected by {@code config}, created with it, from the context class loader */
    public static AuthProvider openAuthProvider(PlatformConfig config) {
        return openAuthProvider(config, contextLoader());
    }

    /** @return the AuthProvider selected by {@code config}, discovered through {@code loader} */
    public static AuthProvider openAuthProvider(PlatformConfig config, ClassLoader loader) {
        AuthProviderFactory factory = selectAuth(config, load(AuthProviderFactory.class, loader));
        factory.validate(config);
        return factory.create(config);
    }

    /** @return names of the DataStore providers on the classpath of {@code loader}, sorted */
    public static List<String> dataStoreNames(ClassLoader loader) {
        return List.copyOf(index("DataStore", load(DataStoreProvider.class, loader), DataStoreProvider::name).keySet());
    }

    /** @return names of the AuthProvider factories on the classpath of {@code loader}, sorted */
    public static List<String> authNames(ClassLoader loader) {
        return List.copyOf(index("AuthProvider", load(AuthProviderFactory.class, loader), AuthProviderFactory::name).keySet());
    }

    /** Picks the provider named by {@value PlatformConfig#DATASTORE} among {@code candidates}. */
    public static DataStoreProvider selectDataStore(PlatformConfig config, Iterable<DataStoreProvider> candidates) {
        return select("DataStore", PlatformConfig.DATASTORE, config.dataStoreName().orElse(null), candidates,
                DataStoreProvider::name, KNOWN_DATASTORES, DataStoreProvider.class);
    }

    /** Picks the factory named by {@value PlatformConfig#AUTH} among {@code candidates}. */
    public static AuthProviderFactory selectAuth(PlatformConfig config, Iterable<AuthProviderFactory> candidates) {
        return select("AuthProvider", PlatformConfig.AUTH, config.authName().orElse(null), candidates,
                AuthProviderFactory::name, KNOWN_AUTH, AuthProviderFactory.class);
    }

    private static <F> F select(String port, String key, String requested, Iterable<F> candidates,
                                Function<F, String> nameOf, Map<String, String> known, Class<F> type) {
        Map<String, F> byName = index(port, candidates, nameOf);
        if (byName.isEmpty()) {
            throw new ConfigurationException("No " + port + " provider found on the classpath (ServiceLoader found no "
                    + type.getName() + "). Add one of these artifacts: " + describe(known)
                    + (requested == null ? "" : "; " + key + " asks for '" + requested + "'"));
        }
        if (requested == null) {
            throw new ConfigurationException(key + " is not set, so no " + port + " is selected. Available on the"
                    + " classpath: " + byName.keySet() + "; " + PlatformConfig.howToSet(key));
        }
        F chosen = byName.get(requested);
        if (chosen == null) {
            String artifact = known.get(requested);
            throw new ConfigurationException(key + "=" + requested + " but no " + port + " provider named '" + requested
                    + "' is on the classpath. Available: " + byName.keySet() + ". "
                    + (artifact != null
                        ? "Add the artifact " + artifact + " to your dependencies, or set " + key + " to an available name."
                        : "Known names are " + describe(known) + "; check the spelling of " + key + "."));
        }
        return chosen;
    }

    private static <F> Map<String, F> index(String port, Iterable<F> candidates, Function<F, String> nameOf) {
        Map<String, F> byName = new TreeMap<>();
        for (F candidate : candidates) {
            String name = nameOf.apply(candidate);
            if (name == null || name.isBlank()) {
                throw new ConfigurationException(port + " provider " + candidate.getClass().getName()
                        + " has no name; fix its name() method");
            }
            F previous = byName.putIfAbsent(name, candidate);
            if (previous != null) {
                throw new ConfigurationException("Two " + port + " providers claim the name '" + name + "': "
                        + origin(previous) + " and " + origin(candidate)
                        + ". Remove one of them from the classpath (check for two versions of the same adapter).");
            }
        }
        return byName;
    }

    private static String origin(Object provider) {
        Class<?> c = provider.getClass();
        var source = c.getProtectionDomain() == null ? null : c.getProtectionDomain().getCodeSource();
        return c.getName() + (source == null || source.getLocation() == null ? "" : " (from " + source.getLocation() + ")");
    }

    private static String describe(Map<String, String> known) {
        Map<String, String> sorted = new TreeMap<>(known);
        List<String> parts = new ArrayList<>();
        sorted.forEach((name, artifact) -> parts.add(artifact + " ('" + name + "')"));
        return String.join(", ", parts);
    }

    private static <F> List<F> load(Class<F> type, ClassLoader loader) {
        List<F> found = new ArrayList<>();
        try {
            for (F f : ServiceLoader.load(type, loader)) {
                found.add(f);
            }
        } catch (ServiceConfigurationError e) {
            throw new ConfigurationException("A " + type.getSimpleName() + " registered in META-INF/services could not"
                    + " be loaded: " + e.getMessage() + ". Check that the adapter jar and its dependencies are complete.", e);
        }
        return found;
    }

    private static ClassLoader contextLoader() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return cl != null ? cl : Providers.class.getClassLoader();
    }

}
