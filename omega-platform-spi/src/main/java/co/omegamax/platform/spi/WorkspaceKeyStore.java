package co.omegamax.platform.spi;

import java.util.List;
import java.util.Optional;

/**
 * Port for workspace API keys (spec §7.4). Keys are stored only as {@link WorkspaceKeys#hash SHA-256 hashes};
 * the secret exists once, in the {@link NewWorkspaceKey} returned by {@link #create}. Like {@link DataStore},
 * every management method takes the acting user and never touches another user's keys or workspaces.
 */
public interface WorkspaceKeyStore {

    /**
     * Creates a key bound to one of the user's workspaces.
     *
     * @throws NotFoundException     if the workspace does not exist or belongs to another user
     * @throws InvalidInputException for a malformed id or name
     */
    NewWorkspaceKey create(String userId, String workspaceId, String name);

    /** @return the user's keys of a workspace (active and revoked), newest first; empty for a foreign workspace */
    List<WorkspaceKey> list(String userId, String workspaceId);

    /**
     * Revokes a key; revoking an already revoked key is a no-op.
     *
     * @throws NotFoundException if the key does not exist or belongs to another user
     */
    void revoke(String userId, String keyId);

    /**
     * Resolves a presented key. Malformed, unknown and revoked keys give empty; hashes are compared in constant
     * time. Never logs the key.
     *
     * @return the key's owner and workspace, or empty
     */
    Optional<WorkspaceKeyPrincipal> verify(String presentedKey);
}
