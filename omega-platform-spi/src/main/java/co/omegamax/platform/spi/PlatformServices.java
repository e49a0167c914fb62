package co.omegamax.platform.spi;

import java.util.Optional;

/**
 * The ports an application runs with. Each is either passed in as an instance (the builder path) or
 * discovered and created from {@link PlatformConfig} (the configuration path). Closing closes only what
 * this object created.
 */
public final class PlatformServices implements AutoCloseable {
    private final DataStore dataStore;
    private final AuthProvider authProvider;
    private final boolean ownsDataStore;
    private final boolean ownsAuth;

    private PlatformServices(DataStore dataStore, boolean ownsDataStore, AuthProvider authProvider, boolean ownsAuth) {
        this.dataStore = dataStore;
        this.ownsDataStore = ownsDataStore;
        this.authProvider = authProvider;
        this.ownsAuth = ownsAuth;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the data store */
    public DataStore dataStore() {
        return dataStore;
    }

    /** @return the auth provider, or empty if neither given nor configured with {@value PlatformConfig#AUTH} */
    public Optional<AuthProvider> authProvider() {
        return Optional.ofNullable(authProvider);
    }

    @Override
    public void close() {
        try {
            if (ownsAuth && authProvider != null) {
                authProvider.close();
            }
        } finally {
            if (ownsDataStore) {
                dataStore.close();
            }
        }
    }

    /** Collects instances and config; {@link #build()} discovers whatever was not given. */
    public static final class Builder {
        private PlatformConfig config;
        private DataStore dataStore;
        private AuthProvider authProvider;
        private ClassLoader classLoader;

        private Builder() {
        }

        /** Uses this config for discovery (default: {@link PlatformConfig#load()}). @return this */
        public Builder config(PlatformConfig config) {
            this.config = Validate.notNull("config", config);
            return this;
        }

        /** Uses this store instead of discovering one; the caller keeps ownership. @return this */
        public Builder dataStore(DataStore dataStore) {
            this.dataStore = Validate.notNull("dataStore", dataStore);
            return this;
        }

        /** Uses this auth provider instead of discovering one; the caller keeps ownership. @return this */
        public Builder authProvider(AuthProvider authProvider) {
            this.authProvider = Validate.notNull("authProvider", authProvider);
            return this;
        }

        /** Discovers providers through this class loader (default: the thread's context loader). @return this */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = Validate.notNull("classLoader", classLoader);
            return this;
        }

        /** @return the services; @throws ConfigurationException if a port can be neither found nor selected */
        public PlatformServices build() {
            PlatformConfig cfg = config;
            if (cfg == null && (dataStore == null || authProvider == null)) {
                cfg = PlatformConfig.load();
            }
            ClassLoader cl = classLoader != null ? classLoader : Thread.currentThread().getContextClassLoader();
            if (cl == null) {
                cl = PlatformServices.class.getClassLoader();
            }
            boolean ownsStore = dataStore == null;
            DataStore store = ownsStore ? Providers.openDataStore(cfg, cl) : dataStore;
            AuthProvider auth = authProvider;
            boolean ownsAuth = false;
            if (auth == null && cfg.authName().isPresent()) {
                try {
                    auth = Providers.openAuthProvider(cfg, cl);
                    ownsAuth = true;
                } catch (RuntimeException e) {
                    if (ownsStore) {
                        store.close();
                    }
                    throw e;
                }
            }
            return new PlatformServices(store, ownsStore, auth, ownsAuth);
        }
    }
}
