package co.omegamax.platform.jdbi;

/**
 * An active (not revoked) workspace key as found by its hash, before the hash is compared in constant time.
 *
 * @param keyId       the key's id
 * @param userId      its owner
 * @param workspaceId the workspace it is bound to
 * @param keyHash     the stored SHA-256 hash
 */
public record ActiveWorkspaceKey(String keyId, String userId, String workspaceId, String keyHash) {
}
