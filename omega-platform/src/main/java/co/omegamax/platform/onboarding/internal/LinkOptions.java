package co.omegamax.platform.onboarding.internal;

import java.util.List;

/**
 * The parsed arguments of {@code omega link}.
 *
 * @param key       the workspace key (from {@code --key} or {@code OMEGA_WORKSPACE_KEY}), or null
 * @param workspace expected workspace slug, or null
 * @param project   project id to work in, or null
 * @param config    config file path as given, or null for the default
 * @param syncUrl   sync endpoint to enable, or null to leave the sync block alone
 * @param verify    whether to verify the key through the configured store
 * @param help      whether help was asked for
 */
public record LinkOptions(String key, String workspace, String project, String config, String syncUrl,
                          boolean verify, boolean help) {

    /** Usage text. */
    public static final String USAGE = """
            Usage: omega link [--key omk_live_...] [--workspace SLUG] [--project ID] [--config FILE]
                              [--sync-url URL] [--no-verify]
            Connects this machine to a platform workspace: verifies the workspace key through the configured
            store (omega.datastore) and writes user_id, workspace, workspace_key (and project, sync) into
            ~/.omega/config.yaml (or $OMEGA_CONFIG / --config), keeping every other key; the file is replaced
            atomically and readable by you only (0600).
              --key KEY         the key from "Connect your CLI" (default: $OMEGA_WORKSPACE_KEY)
              --workspace SLUG  fail unless the key belongs to this workspace (written as is with --no-verify)
              --project ID      also set the project to work in (a project id of that workspace)
              --config FILE     write this file instead of ~/.omega/config.yaml
              --sync-url URL    also write sync.enabled: true and sync.url: URL
              --no-verify       offline: do not check the key against the store
            In CI, skip the file: set OMEGA_WORKSPACE_KEY in the environment.
            """;

    /** Thrown for arguments that cannot be parsed; the message says which. */
    public static final class UsageException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** @return the options; @throws UsageException for an unknown option or a missing value */
    public static LinkOptions parse(List<String> args, String keyFromEnvironment) {
        String key = null;
        String workspace = null;
        String project = null;
        String config = null;
        String syncUrl = null;
        boolean verify = true;
        boolean help = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            switch (name) {
                case "-h", "--help" -> help = true;
                case "--no-verify" -> verify = false;
                case "--key", "--workspace", "--project", "--config", "--sync-url" -> {
                    if (value == null) {
                        if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                            throw new UsageException(name + " needs a value");
                        }
                        value = args.get(++i);
                    }
                    if (value.isBlank()) {
                        throw new UsageException(name + " needs a non-blank value");
                    }
                    switch (name) {
                        case "--key" -> key = value.strip();
                        case "--workspace" -> workspace = value.strip();
                        case "--project" -> project = value.strip();
                        case "--config" -> config = value;
                        default -> syncUrl = value.strip();
                    }
                }
                default -> throw new UsageException("unknown argument '" + (name.startsWith("-") ? name : "…")
                        + "'; see omega link --help");
            }
        }
        if (key == null && keyFromEnvironment != null && !keyFromEnvironment.isBlank()) {
            key = keyFromEnvironment.strip();
        }
        return new LinkOptions(key, workspace, project, config, syncUrl, verify, help);
    }
}
