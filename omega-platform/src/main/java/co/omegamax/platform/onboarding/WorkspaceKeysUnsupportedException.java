package co.omegamax.platform.onboarding;

import co.omegamax.platform.spi.ConfigurationException;

/**
 * The configured store cannot keep workspace keys (it does not implement
 * {@link co.omegamax.platform.spi.WorkspaceKeyStore}); the SQLite and PostgreSQL stores do, the Supabase store
 * (which acts with each user's own token) does not. The message names the store and the alternatives.
 */
public class WorkspaceKeysUnsupportedException extends ConfigurationException {
    private static final long serialVersionUID = 1L;

    /** @param store description of the store (its class or toString, never credentials); @param action what was attempted */
    public WorkspaceKeysUnsupportedException(String store, String action) {
        super("cannot " + action + ": the configured store " + store + " does not keep workspace keys (it does not"
                + " implement WorkspaceKeyStore; the sqlite and postgres stores do);"
                + " use one of those for keys, or configure user_id + workspace instead of a workspace key");
    }
}
