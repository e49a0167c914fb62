package co.omegamax.platform.adapter.supabase;

import co.omegamax.platform.spi.DataStoreException;

/**
 * Supabase refused an operation for lack of privilege (SQLSTATE {@code 42501}: a missing GRANT, or a row-level
 * security policy that rejected a write). With the shipped migrations this means the schema is not migrated for the
 * {@code authenticated} role, or the access token carries another role; the message says which table or function.
 */
public class PermissionDeniedException extends DataStoreException {
    private static final long serialVersionUID = 1L;

    /** @param message what was refused and how to fix it (never a token or request body) */
    public PermissionDeniedException(String message) {
        super(message, null);
    }
}
