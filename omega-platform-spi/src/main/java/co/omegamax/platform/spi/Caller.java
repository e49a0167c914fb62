package co.omegamax.platform.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * Who is calling the platform, as resolved by {@link AuthChain}.
 *
 * @param userId      the acting user, passed to every {@link DataStore} method
 * @param workspaceId the workspace a workspace key is bound to, or null for a user session (any own workspace)
 * @param method      how the caller authenticated
 */
public record Caller(String userId, String workspaceId, Method method) {
    /** How a caller authenticated. */
    public enum Method {
        /** A workspace API key ({@code omk_live_…}). */
        WORKSPACE_KEY,
        /** A session or token validated by an {@link AuthProvider}. */
        SESSION
    }

    /** Checks the components. */
    public Caller {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(method, "method");
    }

    /** @return the bound workspace, if the caller used a workspace key */
    public Optional<String> boundWorkspace() {
        return Optional.ofNullable(workspaceId);
    }
}
