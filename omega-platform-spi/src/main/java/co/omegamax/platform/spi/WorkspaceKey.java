package co.omegamax.platform.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A workspace API key as listed: never the key itself, only its prefix and last four characters.
 *
 * @param id          key id (not secret; used to revoke)
 * @param userId      owner
 * @param workspaceId workspace the key acts in
 * @param name        label chosen at creation
 * @param prefix      {@value WorkspaceKeys#PREFIX}
 * @param lastFour    last four characters of the key
 * @param createdAt   creation time
 * @param revokedAt   revocation time, or null while active
 */
public record WorkspaceKey(String id, String userId, String workspaceId, String name, String prefix, String lastFour,
                           Instant createdAt, Instant revokedAt) {
    /** Checks the components. */
    public WorkspaceKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(lastFour, "lastFour");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** @return true once revoked */
    public boolean revoked() {
        return revokedAt != null;
    }

    /** @return a display form such as {@code omk_live_…x7Qa} */
    public String masked() {
        return prefix + "\u2026" + lastFour;
    }
}
