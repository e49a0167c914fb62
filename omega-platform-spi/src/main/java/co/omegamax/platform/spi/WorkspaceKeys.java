package co.omegamax.platform.spi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Workspace API keys (spec §7.4, the CLI-to-platform bridge): {@code omk_live_} followed by 40 base62 characters
 * from {@link SecureRandom}. Stores keep only {@link #hash(String) the SHA-256 hash}, compared in constant time.
 */
public final class WorkspaceKeys {
    /** Every workspace key starts with this. */
    public static final String PREFIX = "omk_live_";
    /** Number of random base62 characters after the prefix. */
    public static final int RANDOM_LENGTH = 40;
    /** Config key of the CLI's key ({@code OMEGA_WORKSPACE_KEY} in the environment). */
    public static final String CONFIG_KEY = "omega.workspace-key";
    /** Environment variable holding the key for CI / headless use. */
    public static final String ENV_VAR = "OMEGA_WORKSPACE_KEY";
    /** Request header that may carry the key instead of {@code Authorization: Bearer}. */
    public static final String HEADER = "X-Omega-Workspace-Key";

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final Pattern WELL_FORMED = Pattern.compile("omk_live_[0-9A-Za-z]{32,128}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private WorkspaceKeys() {
    }

    /** @return a new random key; show it once and store only {@link #hash(String)} */
    public static String generate() {
        StringBuilder sb = new StringBuilder(PREFIX.length() + RANDOM_LENGTH).append(PREFIX);
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            sb.append(BASE62.charAt(RANDOM.nextInt(BASE62.length()))); // uniform, no modulo bias
        }
        return sb.toString();
    }

    /** @return true if {@code key} has the shape of a workspace key (it may still be unknown or revoked) */
    public static boolean isWellFormed(String key) {
        return key != null && WELL_FORMED.matcher(key).matches();
    }

    /** @return the lower-case hex SHA-256 of the key, the only form stores keep */
    public static String hash(String key) {
        Validate.notNull("key", key);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** @return true if the two hex hashes are equal, compared in constant time */
    public static boolean hashesEqual(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    /** @return the last four characters of a key, safe to display */
    public static String lastFour(String key) {
        Validate.notNull("key", key);
        return key.substring(Math.max(0, key.length() - 4));
    }

    /** @return the key to present from config: {@value #CONFIG_KEY} / {@code OMEGA_WORKSPACE_KEY}, or empty */
    public static Optional<String> fromConfig(PlatformConfig config) {
        return config.get(CONFIG_KEY).map(String::strip).filter(s -> !s.isEmpty());
    }

    /** @return the key a request presents: {@code Authorization: Bearer omk_live_…} or {@value #HEADER}, or empty */
    public static Optional<String> fromRequest(AuthRequest request) {
        Optional<String> bearer = request.bearerToken().filter(t -> t.startsWith(PREFIX));
        return bearer.isPresent() ? bearer : request.header(HEADER).map(String::strip).filter(s -> !s.isEmpty());
    }
}
