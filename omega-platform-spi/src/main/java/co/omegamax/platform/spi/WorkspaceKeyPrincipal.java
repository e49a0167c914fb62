package co.omegamax.platform.spi;

import java.util.Objects;

/**
 * Who a verified workspace key acts as.
 *
 * @param userId      the key's owner
 * @param workspaceId the workspace the key is bound to
 * @param keyId       the key's id
 */
public record WorkspaceKeyPrincipal(String userId, String workspaceId, String keyId) {
    /** Checks the components. */
    public WorkspaceKeyPrincipal {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(keyId, "keyId");
    }
}
