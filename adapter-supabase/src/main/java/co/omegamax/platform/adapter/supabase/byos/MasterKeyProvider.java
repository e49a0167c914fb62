package co.omegamax.platform.adapter.supabase.byos;

import co.omegamax.platform.spi.InvalidInputException;

/**
 * The master key(s) of {@link CredentialVault}: wraps each secret's fresh data key and unwraps it again. A provider
 * may hold key material locally ({@link LocalMasterKeyProvider}, {@link EnvironmentMasterKeyProvider}) or delegate to
 * a KMS; either way the master key never leaves it through this interface.
 *
 * <p>Rotation: {@link #wrap} always uses the current key and says which; {@link #unwrap} accepts any key id the
 * provider still knows, so data sealed under a retired key keeps opening until it is re-sealed
 * ({@link CredentialVault#reseal}).
 */
public interface MasterKeyProvider {
    /** @return the id of the key {@link #wrap} uses now (letters, digits, {@code . _ -}; at most 64 characters) */
    String currentKeyId();

    /**
     * Wraps (encrypts and authenticates) a data key with the current master key.
     *
     * @param dataKey the 32-byte data key (not kept)
     * @param aad     associated data the wrapped key is bound to; {@link #unwrap} must be given the same bytes
     * @return the key id used and the wrapped bytes
     */
    WrappedKey wrap(byte[] dataKey, byte[] aad);

    /**
     * @param keyId   the id {@link #wrap} returned
     * @param wrapped the wrapped bytes
     * @param aad     the associated data given to {@link #wrap}
     * @return the data key
     * @throws CredentialVaultException {@link CredentialVaultException.Reason#UNKNOWN_KEY} for an unknown id,
     *                                  {@link CredentialVaultException.Reason#TAMPERED} if authentication fails
     */
    byte[] unwrap(String keyId, byte[] wrapped, byte[] aad);

    /**
     * A data key wrapped by a master key.
     *
     * @param keyId   id of the master key that wrapped it
     * @param wrapped the wrapped bytes (provider-defined layout)
     */
    record WrappedKey(String keyId, byte[] wrapped) {
        /** Checks the components and copies the bytes. */
        public WrappedKey {
            if (keyId == null || !keyId.matches("[A-Za-z0-9._-]{1,64}")) {
                throw new InvalidInputException("keyId", "must be 1..64 of letters, digits, '.', '_', '-'");
            }
            wrapped = wrapped.clone();
        }

        @Override
        public byte[] wrapped() {
            return wrapped.clone();
        }
    }
}
