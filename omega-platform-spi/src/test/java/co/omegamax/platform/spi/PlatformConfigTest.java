package co.omegamax.platform.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformConfigTest {
    @TempDir
    Path dir;

    private Path yaml(String text) throws IOException {
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void readsNestedYamlFlattened() throws IOException {
        PlatformConfig c = PlatformConfig.builder()
                .configFile(yaml("datastore: sqlite\nsqlite:\n  path: /tmp/x.db\n  busy_timeout: 250\n")).build();
        assertThat(c.dataStoreName()).contains("sqlite");
        assertThat(c.get("omega.sqlite.path")).contains("/tmp/x.db");
        assertThat(c.getInt("omega.sqlite.busy-timeout", 0)).isEqualTo(250);
        assertThat(c.sourceOf("omega.datastore")).startsWith("config file");
    }

    @Test
    void unwrapsTopLevelOmegaKey() throws IOException {
        PlatformConfig c = PlatformConfig.builder().configFile(yaml("omega:\n  auth: oidc\n")).build();
        assertThat(c.authName()).contains("oidc");
    }

    @Test
    void precedenceIsCodeThenSystemPropertiesThenEnvironmentThenFile() throws IOException {
        Path file = yaml("datastore: fromfile\nauth: fromfile\nsqlite:\n  path: fromfile\nx: fromfile\n");
        Properties sys = new Properties();
        sys.setProperty("omega.datastore", "fromsys");
        sys.setProperty("omega.auth", "fromsys");
        sys.setProperty("unrelated.key", "ignored");
        Map<String, String> env = Map.of("OMEGA_DATASTORE", "fromenv", "OMEGA_SQLITE_PATH", "fromenv", "PATH", "/bin");
        PlatformConfig c = PlatformConfig.builder().configFile(file).systemProperties(sys).environment(env)
                .set("omega.datastore", "fromcode").build();
        assertThat(c.dataStoreName()).contains("fromcode");
        assertThat(c.authName()).contains("fromsys");
        assertThat(c.get("omega.sqlite.path")).contains("fromenv");
        assertThat(c.sourceOf("omega.sqlite.path")).isEqualTo("environment variable OMEGA_SQLITE_PATH");
        assertThat(c.get("omega.x")).contains("fromfile");
        assertThat(c.keys()).doesNotContain("unrelated.key", "omega.path");
    }

    @Test
    void hyphenatedKeysAreReachableFromTheEnvironment() {
        PlatformConfig c = PlatformConfig.builder().environment(Map.of("OMEGA_SQLITE_BUSY_TIMEOUT", "250")).build();
        assertThat(c.getInt("omega.sqlite.busy-timeout", 0)).isEqualTo(250);
        assertThat(c.sourceOf("omega.sqlite.busy-timeout")).isEqualTo("environment variable OMEGA_SQLITE_BUSY_TIMEOUT");
        assertThat(PlatformConfig.howToSet("omega.sqlite.busy-timeout")).contains("OMEGA_SQLITE_BUSY_TIMEOUT");
    }

    @Test
    void configFileLocationCanComeFromEnvironment() throws IOException {
        Path file = yaml("datastore: sqlite\n");
        PlatformConfig c = PlatformConfig.builder().environment(Map.of("OMEGA_CONFIG", file.toString())).build();
        assertThat(c.dataStoreName()).contains("sqlite");
    }

    @Test
    void defaultFileIsReadFromUserHome() throws IOException {
        Files.createDirectories(dir.resolve(".omega"));
        Files.writeString(dir.resolve(".omega/config.yaml"), "datastore: sqlite\n");
        Properties sys = new Properties();
        sys.setProperty("user.home", dir.toString());
        PlatformConfig c = PlatformConfig.builder().systemProperties(sys).defaultConfigFile().build();
        assertThat(c.dataStoreName()).contains("sqlite");
        Properties empty = new Properties();
        empty.setProperty("user.home", dir.resolve("nowhere").toString());
        assertThat(PlatformConfig.builder().systemProperties(empty).defaultConfigFile().build().keys()).isEmpty();
    }

    @Test
    void rejectsBadFiles() throws IOException {
        assertThatThrownBy(() -> PlatformConfig.builder().configFile(dir.resolve("missing.yaml")).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("does not exist");
        Path bad = yaml("datastore: [sqlite, postgres]\n");
        assertThatThrownBy(() -> PlatformConfig.builder().configFile(bad).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("is a list");
        Path broken = yaml("datastore: sqlite\n  bad indent: x\n");
        assertThatThrownBy(() -> PlatformConfig.builder().configFile(broken).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("not valid YAML");
        Path scalar = yaml("just a string\n");
        assertThatThrownBy(() -> PlatformConfig.builder().configFile(scalar).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("must be a YAML mapping");
        Path dup = yaml("datastore: a\ndatastore: b\n");
        assertThatThrownBy(() -> PlatformConfig.builder().configFile(dup).build())
                .isInstanceOf(ConfigurationException.class);
        Path leaky = yaml("datastore: sqlite\nworkspace_key: \"omk_live_SECRETSECRETSECRETSECRETSECRET\n");
        assertThatThrownBy(() -> PlatformConfig.builder().configFile(leaky).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("not valid YAML at line ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("SECRET"));
        assertThat(PlatformConfig.readYamlMapping(yaml("omega:\n  sync: {enabled: true}\n")))
                .isEqualTo(Map.of("omega", Map.of("sync", Map.of("enabled", true))));
        Path empty = yaml("sqlite:\n  path:\n");
        assertThatThrownBy(() -> PlatformConfig.builder().configFile(empty).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("has no value");
    }

    @Test
    void rejectsBadValuesAndKeys() {
        assertThatThrownBy(() -> PlatformConfig.of(Map.of("omega.datastore", "Postgres!")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("not a provider name");
        assertThatThrownBy(() -> PlatformConfig.of(Map.of("datastore", "sqlite")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("start with 'omega.'");
        assertThatThrownBy(() -> PlatformConfig.of(Map.of("omega.sqlite.path", " ")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("blank");
        PlatformConfig c = PlatformConfig.of(Map.of("omega.n", "x", "omega.b", "yes"));
        assertThatThrownBy(() -> c.getInt("omega.n", 1)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("must be an integer").hasMessageContaining("from code");
        assertThatThrownBy(() -> c.getBoolean("omega.b", false)).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> c.require("omega.missing")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("OMEGA_MISSING").hasMessageContaining("-Domega.missing");
    }

    @Test
    void pathsExpandHomeAndSecretsAreMasked() {
        PlatformConfig c = PlatformConfig.of(Map.of("omega.sqlite.path", "~/x.db", "omega.supabase.service-key", "s3cr3t"));
        assertThat(c.getPath("omega.sqlite.path")).contains(Path.of(System.getProperty("user.home"), "x.db"));
        assertThat(c.toString()).doesNotContain("s3cr3t").contains("omega.sqlite.path=~/x.db");
    }
}
