package co.omegamax.platform.spi;

import java.util.Objects;

/**
 * A freshly created workspace key: the only time the secret is available. Show it once; it is not stored.
 *
 * @param key    the stored metadata
 * @param secret the full key ({@code omk_live_…}); never printed by {@link #toString()}
 */
public record NewWorkspaceKey(WorkspaceKey key, String secret) {
    /** Checks the components. */
    public NewWorkspaceKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "NewWorkspaceKey[key=" + key + ", secret=***]";
    }
}
