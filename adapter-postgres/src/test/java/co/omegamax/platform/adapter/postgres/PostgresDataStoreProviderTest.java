package co.omegamax.platform.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.omegamax.platform.spi.ConfigurationException;
import co.omegamax.platform.spi.DataStoreProvider;
import co.omegamax.platform.spi.Page;
import co.omegamax.platform.spi.PlatformConfig;
import co.omegamax.platform.spi.PlatformServices;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class PostgresDataStoreProviderTest {

    @Test
    void isDiscoveredByServiceLoader() {
        assertThat(ServiceLoader.load(DataStoreProvider.class).stream().map(p -> p.get().name()))
                .contains(PostgresDataStoreProvider.NAME);
    }

    @Test
    void buildsTypedConfigAndNeverShowsPasswords() {
        PostgresConfig c = PostgresDataStoreProvider.toConfig(PlatformConfig.of(Map.of(
                "omega.postgres.url", "jdbc:postgresql://db:5432/omega?password=url-secret",
                "omega.postgres.user", "omega_app", "omega.postgres.password", "app-secret",
                "omega.postgres.owner-user", "omega_owner", "omega.postgres.owner-password", "owner-secret",
                "omega.postgres.pool-size", "7")));
        assertThat(c.poolSize()).isEqualTo(7);
        assertThat(c.appRole()).isEqualTo("omega_app");
        assertThat(c.migrateOnOpen()).isTrue();
        assertThat(c.toString()).doesNotContain("app-secret").doesNotContain("owner-secret").doesNotContain("url-secret");
    }

    @Test
    void rejectsMissingOrUnsafeSettings() {
        assertThatThrownBy(() -> PostgresDataStoreProvider.toConfig(PlatformConfig.of(Map.of())))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("omega.postgres.url");
        assertThatThrownBy(() -> PostgresDataStoreProvider.toConfig(PlatformConfig.of(Map.of(
                "omega.postgres.url", "jdbc:postgresql://db/omega"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("omega.postgres.user");
        assertThatThrownBy(() -> PostgresDataStoreProvider.toConfig(PlatformConfig.of(Map.of(
                "omega.postgres.url", "jdbc:mysql://db/omega", "omega.postgres.user", "a"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("jdbc:postgresql:");
        assertThatThrownBy(() -> PostgresDataStoreProvider.toConfig(PlatformConfig.of(Map.of(
                "omega.postgres.url", "jdbc:postgresql://db/omega", "omega.postgres.user", "same",
                "omega.postgres.owner-user", "same"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("must not be the owner");
    }

    @Test
    void isSelectedByConfiguration() {
        TestPostgres pg = TestPostgres.get();
        pg.truncateAll();
        PlatformConfig config = PlatformConfig.of(Map.of("omega.datastore", "postgres",
                "omega.postgres.url", pg.url(TestPostgres.DATABASE),
                "omega.postgres.user", TestPostgres.APP, "omega.postgres.password", TestPostgres.APP_PASSWORD,
                "omega.postgres.pool-size", "2"));
        try (PlatformServices services = PlatformServices.builder().config(config).build()) {
            assertThat(services.dataStore().getWorkspaces("someone", Page.first(3))).isEmpty();
        }
    }
}
