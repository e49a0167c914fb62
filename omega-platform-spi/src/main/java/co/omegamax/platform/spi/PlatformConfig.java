package co.omegamax.platform.spi;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Typed, validated platform configuration. Keys are lower-case and dot-separated, all under {@code omega.}.
 * Sources, highest precedence first:
 * <ol>
 *   <li>values set on the {@link Builder} in code;</li>
 *   <li>system properties starting with {@code omega.} ({@code -Domega.datastore=sqlite});</li>
 *   <li>environment variables starting with {@code OMEGA_}, lower-cased with {@code _} read as {@code .}
 *       ({@code OMEGA_DATASTORE}, {@code OMEGA_SQLITE_PATH} → {@code omega.sqlite.path});</li>
 *   <li>the YAML file {@code ~/.omega/config.yaml} (or {@code omega.config} / {@code OMEGA_CONFIG}), whose
 *       nested keys are flattened: {@code sqlite: {path: x}} → {@code omega.sqlite.path}; an optional
 *       top-level {@code omega:} mapping is unwrapped.</li>
 * </ol>
 * Everything is validated when the config is built, before any provider is created.
 */
public final class PlatformConfig {
    /** Name of the {@link DataStoreProvider} to use, e.g. {@code sqlite}. */
    public static final String DATASTORE = "omega.datastore";
    /** Name of the {@link AuthProviderFactory} to use, e.g. {@code oidc}. */
    public static final String AUTH = "omega.auth";
    /** Location of the YAML config file; default {@code ~/.omega/config.yaml}. */
    public static final String CONFIG_FILE = "omega.config";

    private static final Pattern KEY = Pattern.compile("omega(\\.[a-z0-9][a-z0-9-]*)+");
    private static final Pattern PROVIDER_NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    private final Map<String, String> values;
    private final Map<String, String> sources;

    private PlatformConfig(Map<String, String> values, Map<String, String> sources) {
        this.values = Collections.unmodifiableMap(values);
        this.sources = Collections.unmodifiableMap(sources);
    }

    /** @return the configuration of this process: system properties, environment and the default config file */
    public static PlatformConfig load() {
        return builder().systemProperties(System.getProperties()).environment(System.getenv())
                .defaultConfigFile().build();
    }

    /** @return a builder with no sources; add the ones you want (tests add none or explicit ones) */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a config holding exactly these values (keys under {@code omega.}), validated */
    public static PlatformConfig of(Map<String, String> values) {
        Builder b = builder();
        values.forEach(b::set);
        return b.build();
    }

    /**
     * @return the value of a key, or empty. A key with hyphens also matches its environment spelling, where
     *     hyphens became dots: {@code omega.sqlite.busy-timeout} is found as {@code OMEGA_SQLITE_BUSY_TIMEOUT}.
     */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(resolve(key)));
    }

    private String resolve(String key) {
        if (values.containsKey(key)) {
            return key;
        }
        String relaxed = key.replace('-', '.');
        return values.containsKey(relaxed) ? relaxed : key;
    }

    /** @return the value of a key; @throws ConfigurationException naming every way to set it */
    public String require(String key) {
        String v = values.get(resolve(key));
        if (v == null) {
            throw new ConfigurationException(key + " is not set; " + howToSet(key));
        }
        return v;
    }

    /** @return a path value with a leading {@code ~} expanded to the user's home, or empty */
    public Optional<Path> getPath(String key) {
        return get(key).map(v -> {
            String expanded = v.equals("~") || v.startsWith("~/")
                    ? System.getProperty("user.home") + v.substring(1) : v;
            try {
                return Path.of(expanded);
            } catch (InvalidPathException e) {
                throw new ConfigurationException(key + "=" + v + " (from " + sourceOf(key) + ") is not a valid path: "
                        + e.getReason(), e);
            }
        });
    }

    /** @return an integer value, or {@code defaultValue} if unset; @throws ConfigurationException if not a number */
    public int getInt(String key, int defaultValue) {
        Optional<String> v = get(key);
        if (v.isEmpty()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(v.get().strip());
        } catch (NumberFormatException e) {
            throw new ConfigurationException(key + "=" + v.get() + " (from " + sourceOf(key) + ") must be an integer", e);
        }
    }

    /** @return a boolean value ({@code true}/{@code false}), or {@code defaultValue} if unset */
    public boolean getBoolean(String key, boolean defaultValue) {
        Optional<String> v = get(key);
        if (v.isEmpty()) {
            return defaultValue;
        }
        String s = v.get().strip().toLowerCase(Locale.ROOT);
        if (s.equals("true") || s.equals("false")) {
            return Boolean.parseBoolean(s);
        }
        throw new ConfigurationException(key + "=" + v.get() + " (from " + sourceOf(key) + ") must be true or false");
    }

    /** @return the configured DataStore provider name ({@value #DATASTORE}), or empty */
    public Optional<String> dataStoreName() {
        return get(DATASTORE);
    }

    /** @return the configured AuthProvider factory name ({@value #AUTH}), or empty */
    public Optional<String> authName() {
        return get(AUTH);
    }

    /** @return where a key's value came from ("code", "system property", "environment variable X", a file) */
    public String sourceOf(String key) {
        return sources.getOrDefault(resolve(key), "nowhere");
    }

    /** @return every key that has a value, sorted */
    public java.util.Set<String> keys() {
        return new TreeMap<>(values).keySet();
    }

    /** @return the ways to set a key, for error messages */
    public static String howToSet(String key) {
        return "set it with -D" + key + "=…, the environment variable " + envName(key)
                + ", or '" + key.substring("omega.".length()) + "' in ~/.omega/config.yaml";
    }

    static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("PlatformConfig{");
        boolean first = true;
        for (String key : keys()) {
            sb.append(first ? "" : ", ").append(key).append('=').append(isSecret(key) ? "***" : values.get(key));
            first = false;
        }
        return sb.append('}').toString();
    }

    private static boolean isSecret(String key) {
        return key.contains("password") || key.contains("secret") || key.contains("token") || key.endsWith("key");
    }

    /**
     * Reads a YAML config file exactly as {@link Builder#configFile} does (safe types only, no duplicate keys, few
     * aliases) and returns its top-level mapping as written, not flattened; for tools that rewrite the file (such as
     * {@code omega link}). Parse errors name the line and column but never quote the file, which may hold secrets.
     *
     * @return the top-level mapping in file order; empty for an empty file
     * @throws ConfigurationException if the file cannot be read, is not valid YAML, or is not a mapping
     */
    public static Map<String, Object> readYamlMapping(Path file) {
        Validate.notNull("file", file);
        Object root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            root = new Yaml(new SafeConstructor(options)).load(reader);
        } catch (IOException e) {
            throw new ConfigurationException("cannot read config file " + file + ": " + e.getMessage(), e);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark();
            throw new ConfigurationException("config file " + file + " is not valid YAML"
                    + (mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1))
                    + ": " + e.getProblem() + "; fix it or move it away", e);
        } catch (YAMLException e) {
            throw new ConfigurationException("config file " + file + " is not valid YAML; fix it or move it away", e);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        if (root == null) {
            return out;
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new ConfigurationException("config file " + file + " must be a YAML mapping (key: value), found "
                    + root.getClass().getSimpleName());
        }
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    /** Collects sources in any order; precedence is fixed (code, system properties, environment, file). */
    public static final class Builder {
        private final Map<String, String> code = new LinkedHashMap<>();
        private Properties systemProperties = new Properties();
        private Map<String, String> environment = Map.of();
        private Path configFile;
        private boolean useDefaultFile;

        private Builder() {
        }

        /** Sets a value in code (highest precedence). @return this */
        public Builder set(String key, String value) {
            Validate.notNull("config value for " + key, value);
            code.put(checkKey(key, "code"), value);
            return this;
        }

        /** Reads {@code omega.*} system properties from these properties. @return this */
        public Builder systemProperties(Properties properties) {
            this.systemProperties = Validate.notNull("properties", properties);
            return this;
        }

        /** Reads {@code OMEGA_*} variables from this environment. @return this */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(Validate.notNull("environment", environment));
            return this;
        }

        /** Reads this YAML file; it must exist. @return this */
        public Builder configFile(Path file) {
            this.configFile = Validate.notNull("configFile", file);
            return this;
        }

        /** Reads {@code <user.home>/.omega/config.yaml} if it exists (user.home from the given properties). @return this */
        public Builder defaultConfigFile() {
            this.useDefaultFile = true;
            return this;
        }

        /** @return the validated config; @throws ConfigurationException on any invalid source or value */
        public PlatformConfig build() {
            Map<String, String> values = new LinkedHashMap<>();
            Map<String, String> sources = new LinkedHashMap<>();
            Map<String, String> env = new LinkedHashMap<>();
            environment.forEach((name, value) -> {
                if (name.startsWith("OMEGA_") && name.length() > 6) {
                    String key = name.toLowerCase(Locale.ROOT).replace('_', '.');
                    env.put(checkKey(key, "environment variable " + name), value);
                    sources.put(key, "environment variable " + name);
                }
            });
            Map<String, String> sys = new LinkedHashMap<>();
            for (String name : systemProperties.stringPropertyNames()) {
                if (name.startsWith("omega.")) {
                    sys.put(checkKey(name, "system property " + name), systemProperties.getProperty(name));
                }
            }
            Path file = resolveFile(sys, env);
            if (file != null) {
                String origin = "config file " + file;
                readYaml(file).forEach((k, v) -> {
                    values.put(k, v);
                    sources.put(k, origin);
                });
            }
            env.forEach((k, v) -> {
                values.put(k, v);
                sources.put(k, "environment variable " + envName(k));
            });
            sys.forEach((k, v) -> {
                values.put(k, v);
                sources.put(k, "system property " + k);
            });
            code.forEach((k, v) -> {
                values.put(k, v);
                sources.put(k, "code");
            });
            for (String key : List.of(DATASTORE, AUTH)) {
                String v = values.get(key);
                if (v != null && !PROVIDER_NAME.matcher(v).matches()) {
                    throw new ConfigurationException(key + "='" + v + "' (from " + sources.get(key)
                            + ") is not a provider name: use lower-case letters, digits and '-', e.g. 'sqlite'");
                }
            }
            for (Map.Entry<String, String> e : values.entrySet()) {
                if (e.getValue().isBlank()) {
                    throw new ConfigurationException(e.getKey() + " (from " + sources.get(e.getKey())
                            + ") is blank; remove it or give it a value");
                }
            }
            return new PlatformConfig(values, sources);
        }

        private Path resolveFile(Map<String, String> sys, Map<String, String> env) {
            String override = code.getOrDefault(CONFIG_FILE, sys.getOrDefault(CONFIG_FILE, env.get(CONFIG_FILE)));
            if (override != null) {
                return Path.of(override);
            }
            if (configFile != null) {
                return configFile;
            }
            if (!useDefaultFile) {
                return null;
            }
            Path home = Path.of(systemProperties.getProperty("user.home", System.getProperty("user.home")));
            Path def = home.resolve(".omega").resolve("config.yaml");
            return Files.exists(def) ? def : null;
        }

        private static Map<String, String> readYaml(Path file) {
            if (!Files.isRegularFile(file)) {
                throw new ConfigurationException("config file " + file + " does not exist or is not a file; create it"
                        + " or point " + CONFIG_FILE + " / OMEGA_CONFIG at an existing file");
            }
            Map<?, ?> map = readYamlMapping(file);
            Map<String, String> out = new LinkedHashMap<>();
            if (map.size() == 1 && map.get("omega") instanceof Map<?, ?> inner) {
                map = inner;
            }
            flatten(file, "omega", map, out);
            return out;
        }

        private static void flatten(Path file, String prefix, Map<?, ?> map, Map<String, String> out) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = prefix + "." + String.valueOf(e.getKey()).toLowerCase(Locale.ROOT).replace('_', '-');
                Object v = e.getValue();
                if (v instanceof Map<?, ?> nested) {
                    flatten(file, key, nested, out);
                } else if (v == null) {
                    throw new ConfigurationException("config file " + file + ": '" + key.substring(6)
                            + "' has no value; remove it or give it one");
                } else if (v instanceof List<?>) {
                    throw new ConfigurationException("config file " + file + ": '" + key.substring(6)
                            + "' is a list; only scalar values and nested mappings are supported");
                } else {
                    out.put(checkKey(key, "config file " + file), String.valueOf(v));
                }
            }
        }

        private static String checkKey(String key, String origin) {
            if (key == null || !KEY.matcher(key).matches()) {
                throw new ConfigurationException("invalid config key '" + key + "' from " + origin
                        + ": keys are lower-case, dot-separated and start with 'omega.', e.g. omega.sqlite.path");
            }
            return key;
        }
    }
}
