package co.omegamax.platform.adapter.supabase.byos;

import co.omegamax.platform.adapter.supabase.byos.CredentialVaultException.Reason;
import co.omegamax.platform.adapter.supabase.byos.internal.AesGcm;
import co.omegamax.platform.adapter.supabase.byos.internal.SealedEnvelope;
import co.omegamax.platform.spi.InvalidInputException;
import co.omegamax.platform.spi.Validate;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;

/**
 * Envelope encryption of secrets at rest with AES-256-GCM. Each {@link #seal} draws a fresh random data key that
 * encrypts the payload; the data key is wrapped by the {@link MasterKeyProvider}'s current master key. The result is
 * a self-describing JSON text ({@code {"omega_sealed":1,"alg":"A256GCM","kid":…,"owner":…,"wk":…,"ct":…}}) that
 * carries the master key id, so secrets sealed before a key rotation still open while the provider knows the old
 * key.
 *
 * <p>Every secret is bound to its owner: the user id and a purpose (e.g. {@code byos.supabase}) are the AES-GCM
 * associated data of both the payload and the wrapped key, so a blob copied into another user's account, or reused
 * for another purpose, does not open. Any change to the blob fails authentication; {@link #open} then throws
 * {@link CredentialVaultException} and returns nothing.
 *
 * <p>Thread-safe if the provider is.
 */
public final class CredentialVault {
    private static final String PURPOSE_PATTERN = "[a-z0-9][a-z0-9_.-]{0,63}";
    private final MasterKeyProvider keys;
    private final AesGcm aes;

    /** @param keys the master key provider (e.g. {@link EnvironmentMasterKeyProvider#fromEnvironment()}) */
    public CredentialVault(MasterKeyProvider keys) {
        this(keys, new SecureRandom());
    }

    /** @param keys the master key provider; @param random source of data keys and IVs */
    public CredentialVault(MasterKeyProvider keys, SecureRandom random) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.aes = new AesGcm(Objects.requireNonNull(random, "random"));
    }

    /**
     * @param userId    the owner (the secret opens only for this user id)
     * @param purpose   what the secret is for ({@code [a-z0-9][a-z0-9_.-]*}, e.g. {@code byos.supabase})
     * @param plaintext the secret (not kept)
     * @return the sealed secret as JSON text
     */
    public String seal(String userId, String purpose, byte[] plaintext) {
        byte[] aad = aad(userId, purpose);
        if (plaintext == null) {
            throw new InvalidInputException("plaintext", "is required");
        }
        byte[] dataKey = aes.newKey();
        try {
            byte[] ct = aes.seal(dataKey, plaintext, aad);
            MasterKeyProvider.WrappedKey wk = keys.wrap(dataKey, aad);
            return new SealedEnvelope(SealedEnvelope.VERSION, wk.keyId(), owner(userId, purpose), wk.wrapped(), ct)
                    .toJson();
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /**
     * @return the plaintext of a secret sealed for this user and purpose
     * @throws CredentialVaultException if it is malformed, of an unknown version, sealed with an unknown master key,
     *                                  sealed for another owner, or altered (then nothing is returned)
     */
    public byte[] open(String userId, String purpose, String sealed) {
        byte[] aad = aad(userId, purpose);
        SealedEnvelope env = parse(sealed);
        if (!MessageDigest.isEqual(env.owner(), owner(userId, purpose))) {
            throw new CredentialVaultException(Reason.WRONG_OWNER, "the sealed secret belongs to another user or"
                    + " purpose than '" + purpose + "' of this user (was it copied from another account?); enter the"
                    + " credentials again for this account");
        }
        byte[] dataKey = keys.unwrap(env.keyId(), env.wrappedKey(), aad);
        try {
            return aes.open(dataKey, env.ciphertext(), aad);
        } catch (AEADBadTagException e) {
            throw new CredentialVaultException(Reason.TAMPERED, "the sealed secret failed authentication: it was"
                    + " altered after sealing; enter the credentials again");
        } catch (IllegalArgumentException e) {
            throw new CredentialVaultException(Reason.TAMPERED, "the master key provider returned an unusable data"
                    + " key for key '" + env.keyId() + "'; check the provider");
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /** @return the id of the master key a sealed secret was wrapped with (to find secrets needing re-sealing) */
    public String keyIdOf(String sealed) {
        return parse(sealed).keyId();
    }

    /** @return true if the secret is wrapped with a key other than the provider's current one */
    public boolean needsReseal(String sealed) {
        return !keyIdOf(sealed).equals(keys.currentKeyId());
    }

    /** Opens a secret and seals it again under the current master key (after a rotation). @return the new text */
    public String reseal(String userId, String purpose, String sealed) {
        byte[] plain = open(userId, purpose, sealed);
        try {
            return seal(userId, purpose, plain);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private static SealedEnvelope parse(String sealed) {
        try {
            return SealedEnvelope.parse(sealed);
        } catch (SealedEnvelope.Malformed e) {
            throw new CredentialVaultException(e.unsupportedVersion() ? Reason.UNSUPPORTED_VERSION : Reason.MALFORMED,
                    "the stored value is not a sealed secret this version reads: " + e.getMessage()
                            + (e.unsupportedVersion() ? "; upgrade adapter-supabase" : "; enter the credentials again"));
        }
    }

    private static byte[] aad(String userId, String purpose) {
        Validate.userId(userId);
        if (purpose == null || !purpose.matches(PURPOSE_PATTERN)) {
            throw new InvalidInputException("purpose", "must match " + PURPOSE_PATTERN + ", e.g. byos.supabase");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("omega-sealed/" + SealedEnvelope.VERSION + "\0").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(userId.getBytes(StandardCharsets.UTF_8));
        out.write(0);
        out.writeBytes(purpose.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static byte[] owner(String userId, String purpose) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return Arrays.copyOf(sha.digest(aad(userId, purpose)), 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
