package co.omegamax.platform.adapter.supabase.byos;

import co.omegamax.platform.spi.ConfigurationException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The default {@link MasterKeyProvider}: the current master key is a base64-encoded 32-byte key in an environment
 * variable ({@value #DEFAULT_VARIABLE} unless told otherwise); retired keys, which still open older secrets after a
 * rotation, are a comma-separated list in the same variable name suffixed {@value #RETIRED_SUFFIX}.
 *
 * <p>Rotate: generate a new key ({@code openssl rand -base64 32}), move the old value to
 * {@code OMEGA_MASTER_KEY_RETIRED}, set the new one, restart; re-seal stored secrets with
 * {@link CredentialVault#reseal} and then drop the retired key.
 */
public final class EnvironmentMasterKeyProvider implements MasterKeyProvider {
    /** The variable read by {@link #fromEnvironment()}. */
    public static final String DEFAULT_VARIABLE = "OMEGA_MASTER_KEY";
    /** Suffix of the variable holding retired keys. */
    public static final String RETIRED_SUFFIX = "_RETIRED";

    private final LocalMasterKeyProvider keys;

    /**
     * @param variable    the environment variable holding the current key
     * @param environment variable lookup (normally {@code System::getenv})
     * @throws ConfigurationException if the variable is missing, not base64 or not 32 bytes (the message names the
     *                                variable and how to generate a key, never its value)
     */
    public EnvironmentMasterKeyProvider(String variable, Function<String, String> environment) {
        Objects.requireNonNull(environment, "environment");
        if (variable == null || !variable.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new ConfigurationException("master key variable name '" + variable + "' is not an environment"
                    + " variable name; use e.g. " + DEFAULT_VARIABLE);
        }
        String current = environment.apply(variable);
        if (current == null || current.isBlank()) {
            throw new ConfigurationException(variable + " is not set: the credential vault needs a master key. Generate"
                    + " one with `openssl rand -base64 32` and set " + variable + " in the platform's environment"
                    + " (keep it in your secret manager, never in source control)");
        }
        List<byte[]> retired = new ArrayList<>();
        String old = environment.apply(variable + RETIRED_SUFFIX);
        if (old != null && !old.isBlank()) {
            String[] parts = old.split(",");
            for (int i = 0; i < parts.length; i++) {
                retired.add(decode(variable + RETIRED_SUFFIX + " (entry " + (i + 1) + ")", parts[i]));
            }
        }
        this.keys = new LocalMasterKeyProvider(decode(variable, current), retired);
    }

    /** @return a provider over {@value #DEFAULT_VARIABLE} of the process environment */
    public static EnvironmentMasterKeyProvider fromEnvironment() {
        return new EnvironmentMasterKeyProvider(DEFAULT_VARIABLE, System::getenv);
    }

    private static byte[] decode(String what, String value) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value.strip());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(what + " is not valid base64; generate a key with"
                    + " `openssl rand -base64 32` and set it without quotes or line breaks");
        }
        if (key.length != 32) {
            throw new ConfigurationException(what + " decodes to " + key.length + " bytes, but an AES-256 master key"
                    + " is exactly 32 bytes; generate one with `openssl rand -base64 32`");
        }
        return key;
    }

    /** @return the ids of every key configured (current first) */
    public List<String> knownKeyIds() {
        return keys.knownKeyIds();
    }

    @Override
    public String currentKeyId() {
        return keys.currentKeyId();
    }

    @Override
    public WrappedKey wrap(byte[] dataKey, byte[] aad) {
        return keys.wrap(dataKey, aad);
    }

    @Override
    public byte[] unwrap(String keyId, byte[] wrapped, byte[] aad) {
        return keys.unwrap(keyId, wrapped, aad);
    }

    @Override
    public String toString() {
        return "EnvironmentMasterKeyProvider[" + keys + "]";
    }
}
