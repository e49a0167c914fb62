package co.omegamax.platform.onboarding;

import co.omegamax.platform.spi.WorkspaceKey;
import java.util.Objects;

/**
 * The result of "Connect your CLI" (spec §7.4): a fresh workspace key, shown once, and the config snippet to paste
 * into {@code ~/.omega/config.yaml} (or to apply with {@code omega link --key …}).
 *
 * @param key     the stored key metadata (id, masked form) — use its id to revoke it
 * @param secret  the full key ({@code omk_live_…}); it is not stored anywhere, show it once
 * @param snippet the YAML snippet, containing the secret; never log it
 */
public record CliConnection(WorkspaceKey key, String secret, String snippet) {
    /** Checks the components. */
    public CliConnection {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(snippet, "snippet");
    }

    /** @return the {@code omega link} command line that writes this connection (contains the secret) */
    public String linkCommand() {
        return "omega link --key " + secret;
    }

    @Override
    public String toString() {
        return "CliConnection[key=" + key.masked() + ", workspace=" + key.workspaceId() + ", secret=***]";
    }
}
