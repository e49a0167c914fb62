package co.omegamax.platform.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvidersTest {

    /** A provider that records whether it was created; the DataStore it returns is never used. */
    static final class Named implements DataStoreProvider {
        final String name;
        final AtomicBoolean created = new AtomicBoolean();

        Named(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void validate(PlatformConfig config) {
            config.require("omega." + name + ".path");
        }

        @Override
        public DataStore create(PlatformConfig config) {
            created.set(true);
            return null;
        }
    }

    /** Registered through META-INF/services in a temporary class path by the ServiceLoader test. */
    public static final class Registered extends NamedPublic {
        /** ServiceLoader constructor. */
        public Registered() {
            super("test-store");
        }
    }

    /** Public base for a ServiceLoader-instantiable provider. */
    public static class NamedPublic implements DataStoreProvider {
        private final String name;

        NamedPublic(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public DataStore create(PlatformConfig config) {
            throw new ConfigurationException("created " + name);
        }
    }

    private static PlatformConfig cfg(String datastore) {
        return datastore == null ? PlatformConfig.of(Map.of()) : PlatformConfig.of(Map.of("omega.datastore", datastore));
    }

    @Test
    void selectsByConfiguredName() {
        Named a = new Named("sqlite");
        Named b = new Named("postgres");
        assertThat(Providers.selectDataStore(cfg("postgres"), List.of(a, b))).isSameAs(b);
        assertThat(a.created).isFalse();
    }

    @Test
    void zeroProvidersListsArtifacts() {
        assertThatThrownBy(() -> Providers.selectDataStore(cfg("sqlite"), List.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("No DataStore provider found")
                .hasMessageContaining("co.omegamax:adapter-sqlite")
                .hasMessageContaining("co.omegamax:adapter-postgres");
    }

    @Test
    void unknownKnownNameNamesTheArtifactToAdd() {
        assertThatThrownBy(() -> Providers.selectDataStore(cfg("postgres"), List.of(new Named("sqlite"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("omega.datastore=postgres")
                .hasMessageContaining("Available: [sqlite]")
                .hasMessageContaining("Add the artifact co.omegamax:adapter-postgres");
    }

    @Test
    void unknownUnheardOfNameListsKnownNames() {
        assertThatThrownBy(() -> Providers.selectDataStore(cfg("mongo"), List.of(new Named("sqlite"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Available: [sqlite]")
                .hasMessageContaining("'supabase'");
    }

    @Test
    void duplicateNameFails() {
        assertThatThrownBy(() -> Providers.selectDataStore(cfg("sqlite"), List.of(new Named("sqlite"), new Named("sqlite"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Two DataStore providers claim the name 'sqlite'");
    }

    @Test
    void discoveringIsNotActivating() {
        assertThatThrownBy(() -> Providers.selectDataStore(cfg(null), List.of(new Named("sqlite"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("omega.datastore is not set")
                .hasMessageContaining("[sqlite]")
                .hasMessageContaining("OMEGA_DATASTORE");
    }

    @Test
    void authFactoriesFollowTheSameRules() {
        assertThatThrownBy(() -> Providers.selectAuth(PlatformConfig.of(Map.of("omega.auth", "oidc")), List.of()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("co.omegamax:adapter-oidc");
    }

    @Test
    void serviceLoaderDiscoveryValidatesBeforeCreating(@TempDir Path dir) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(DataStoreProvider.class.getName()), Registered.class.getName() + "\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            assertThat(Providers.dataStoreNames(loader)).containsExactly("test-store");
            assertThatThrownBy(() -> Providers.openDataStore(cfg("test-store"), loader))
                    .isInstanceOf(ConfigurationException.class).hasMessage("created test-store");
            assertThatThrownBy(() -> Providers.openDataStore(cfg("other"), loader))
                    .hasMessageContaining("Available: [test-store]");
        }
    }

    @Test
    void validationRunsBeforeCreate() {
        Named a = new Named("sqlite");
        DataStoreProvider chosen = Providers.selectDataStore(cfg("sqlite"), List.of(a));
        assertThatThrownBy(() -> chosen.validate(cfg("sqlite"))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("omega.sqlite.path is not set");
        assertThat(a.created).isFalse();
    }

    @Test
    void servicesBuilderPrefersGivenInstances() {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            assertThatThrownBy(() -> PlatformServices.builder().config(cfg("sqlite")).classLoader(empty).build())
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("No DataStore provider");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
