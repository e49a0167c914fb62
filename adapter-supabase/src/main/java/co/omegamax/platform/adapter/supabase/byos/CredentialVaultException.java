package co.omegamax.platform.adapter.supabase.byos;

import co.omegamax.platform.spi.PlatformException;
import java.util.Objects;

/**
 * A sealed secret could not be opened; {@link #reason()} says why. No plaintext, not even part of it, is returned
 * when this is thrown, and the message never contains key material or plaintext.
 */
public class CredentialVaultException extends PlatformException {
    private static final long serialVersionUID = 1L;

    /** Why a sealed secret could not be opened. */
    public enum Reason {
        /** Not a sealed secret at all (not JSON, fields missing or not base64). */
        MALFORMED,
        /** Sealed by a newer format version than this code reads. */
        UNSUPPORTED_VERSION,
        /** Sealed with a master key the provider does not know (a removed or never configured key). */
        UNKNOWN_KEY,
        /** Sealed for another user or purpose (e.g. copied into another user's account). */
        WRONG_OWNER,
        /** Authentication failed: the blob was altered, or the master key with that id is not the one it was sealed with. */
        TAMPERED
    }

    private final Reason reason;

    /** @param reason why; @param message what happened and what to do, without secrets */
    public CredentialVaultException(Reason reason, String message) {
        this(reason, message, null);
    }

    /** @param reason why; @param message what happened and what to do, without secrets; @param cause the crypto failure */
    public CredentialVaultException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return why the secret could not be opened */
    public Reason reason() {
        return reason;
    }
}
