package co.omegamax.platform.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.omegamax.platform.spi.ConfigurationException;
import co.omegamax.platform.spi.PlatformConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TTLs come from the YAML config file (snake_case keys) or defaults, and are range-checked. */
class CoordinationSettingsTest {
    @TempDir
    Path dir;

    @Test
    void readsTheYamlKeysOfTheReadme() throws Exception {
        Path yaml = Files.writeString(dir.resolve("config.yaml"), """
                coordination:
                  session_ttl_seconds: 120
                  intent_ttl_minutes: 15
                """);
        CoordinationSettings s = CoordinationSettings.from(PlatformConfig.builder().configFile(yaml).build());
        assertThat(s.sessionTtl()).isEqualTo(Duration.ofSeconds(120));
        assertThat(s.intentTtl()).isEqualTo(Duration.ofMinutes(15));
        assertThat(CoordinationSettings.from(PlatformConfig.of(Map.of()))).isEqualTo(CoordinationSettings.defaults());
    }

    @Test
    void outOfRangeValuesNameTheKey() {
        assertThatThrownBy(() -> CoordinationSettings.from(PlatformConfig.of(Map.of(
                CoordinationSettings.SESSION_TTL_SECONDS, "1")))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(CoordinationSettings.SESSION_TTL_SECONDS);
    }
}
