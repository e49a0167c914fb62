package co.omegamax.platform.adapter.supabase.byos;

import co.omegamax.platform.adapter.supabase.byos.CredentialVaultException.Reason;
import co.omegamax.platform.adapter.supabase.byos.internal.AesGcm;
import co.omegamax.platform.spi.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.AEADBadTagException;

/**
 * A {@link MasterKeyProvider} over 32-byte AES keys held in memory: one current key (wraps new data keys) and any
 * number of retired keys (still unwrap). Data keys are wrapped with AES-256-GCM. Key ids are derived from the key
 * ({@code mk-} + 12 hex digits of a SHA-256 fingerprint), so the same key always has the same id and a different
 * key never claims it.
 */
public final class LocalMasterKeyProvider implements MasterKeyProvider {
    private final String currentKeyId;
    private final Map<String, byte[]> keys = new LinkedHashMap<>();
    private final AesGcm aes;

    /**
     * @param currentKey  the key that wraps new data keys (32 bytes, copied)
     * @param retiredKeys older keys that only unwrap (32 bytes each, copied)
     */
    public LocalMasterKeyProvider(byte[] currentKey, List<byte[]> retiredKeys) {
        this(currentKey, retiredKeys, new SecureRandom());
    }

    LocalMasterKeyProvider(byte[] currentKey, List<byte[]> retiredKeys, SecureRandom random) {
        this.aes = new AesGcm(random);
        this.currentKeyId = keyIdOf(checkKey("currentKey", currentKey));
        keys.put(currentKeyId, currentKey.clone());
        for (int i = 0; i < retiredKeys.size(); i++) {
            byte[] k = checkKey("retiredKeys[" + i + "]", retiredKeys.get(i));
            keys.putIfAbsent(keyIdOf(k), k.clone());
        }
    }

    private static byte[] checkKey(String field, byte[] key) {
        if (key == null || key.length != AesGcm.KEY_BYTES) {
            throw new InvalidInputException(field, "must be exactly " + AesGcm.KEY_BYTES + " bytes (AES-256), was "
                    + (key == null ? "null" : key.length + " bytes"));
        }
        return key;
    }

    /** @return the id this provider gives a 32-byte key: {@code mk-} + 12 hex digits of its SHA-256 fingerprint */
    public static String keyIdOf(byte[] key) {
        checkKey("key", key);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("omega-master-key-id\0".getBytes(StandardCharsets.UTF_8));
            return "mk-" + HexFormat.of().formatHex(sha.digest(key), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /** @return the ids of every key this provider can unwrap with, current first */
    public List<String> knownKeyIds() {
        return List.copyOf(keys.keySet());
    }

    @Override
    public String currentKeyId() {
        return currentKeyId;
    }

    @Override
    public WrappedKey wrap(byte[] dataKey, byte[] aad) {
        return new WrappedKey(currentKeyId, aes.seal(keys.get(currentKeyId), dataKey, aad));
    }

    @Override
    public byte[] unwrap(String keyId, byte[] wrapped, byte[] aad) {
        byte[] key = keys.get(keyId);
        if (key == null) {
            throw new CredentialVaultException(Reason.UNKNOWN_KEY, "the secret was sealed with master key '" + keyId
                    + "', which is not configured here (known: " + knownKeyIds() + "); add that key back as a retired"
                    + " key to open it, or enter the credentials again");
        }
        try {
            return aes.open(key, wrapped, aad);
        } catch (AEADBadTagException e) {
            throw new CredentialVaultException(Reason.TAMPERED, "the data key sealed under master key '" + keyId
                    + "' failed authentication: the stored secret was altered, belongs to another owner, or a different"
                    + " key now carries that id; enter the credentials again");
        }
    }

    @Override
    public String toString() {
        return "LocalMasterKeyProvider[current=" + currentKeyId + ", known=" + keys.keySet() + "]";
    }
}
