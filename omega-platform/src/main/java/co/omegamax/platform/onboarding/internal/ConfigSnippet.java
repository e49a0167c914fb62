package co.omegamax.platform.onboarding.internal;

/** The {@code ~/.omega/config.yaml} snippet of spec §7.4, with every value double-quoted and escaped for YAML. */
public final class ConfigSnippet {
    private ConfigSnippet() {
    }

    /** @return the snippet text (contains the key: show it once, never log it) */
    public static String render(String userId, String workspaceSlug, String workspaceKey, String syncUrl) {
        return "# Add to ~/.omega/config.yaml\n"
                + "user_id: " + quote(userId) + "\n"
                + "workspace: " + quote(workspaceSlug) + "\n"
                + "workspace_key: " + quote(workspaceKey) + "\n"
                + "sync:\n"
                + "  enabled: true\n"
                + "  url: " + quote(syncUrl) + "\n";
    }

    /** @return {@code value} as a YAML double-quoted scalar */
    static String quote(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
