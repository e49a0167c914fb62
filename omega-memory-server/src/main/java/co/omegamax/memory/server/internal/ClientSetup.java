package co.omegamax.memory.server.internal;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the {@code omega} MCP server entry into an MCP client's JSON configuration
 * ({@code mcpServers.omega}), keeping every other key and server, idempotently.
 */
public final class ClientSetup {
    private ClientSetup() {
    }

    /** What happened. */
    public enum Outcome {
        /** The file did not exist and was created. */
        CREATED,
        /** The entry was added or replaced; everything else was kept. */
        UPDATED,
        /** The entry was already exactly this; the file was not touched. */
        UNCHANGED
    }

    /** The config file of a client. */
    public static Path configFile(String client, Path userHome, Path projectDir) {
        return switch (client) {
            case "claude-code" -> userHome.resolve(".claude.json");
            case "claude-code-project" -> projectDir.resolve(".mcp.json");
            case "cursor" -> userHome.resolve(".cursor").resolve("mcp.json");
            default -> throw new IllegalArgumentException("unknown client '" + client
                    + "'; use claude-code, claude-code-project or cursor");
        };
    }

    /** The server entry. */
    public static Map<String, Object> entry(String command, List<String> args, Map<String, String> env) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", "stdio");
        e.put("command", command);
        e.put("args", args);
        if (!env.isEmpty()) {
            e.put("env", env);
        }
        return e;
    }

    /** Adds or replaces {@code mcpServers.<name>} in {@code file}. */
    @SuppressWarnings("unchecked")
    public static Outcome install(Path file, String name, Map<String, Object> entry) throws IOException {
        Map<String, Object> root;
        boolean exists = Files.exists(file);
        if (exists) {
            String text = Files.readString(file);
            try {
                root = text.isBlank() ? new LinkedHashMap<>() : Json.readObject(text);
            } catch (RuntimeException e) {
                throw new IOException(file + " is not valid JSON (" + e.getMessage() + "); fix it first, nothing "
                        + "was changed", e);
            }
        } else {
            root = new LinkedHashMap<>();
        }
        Object servers = root.get("mcpServers");
        if (servers != null && !(servers instanceof Map)) {
            throw new IOException(file + ": \"mcpServers\" is not an object; fix it first, nothing was changed");
        }
        Map<String, Object> mcp = servers == null ? new LinkedHashMap<>() : new LinkedHashMap<>((Map<String, Object>) servers);
        Object normalized = Json.MAPPER.convertValue(entry, Object.class);
        if (normalized.equals(mcp.get(name))) {
            return Outcome.UNCHANGED;
        }
        mcp.put(name, entry);
        root.put("mcpServers", mcp);
        write(file, root, exists);
        return exists ? Outcome.UPDATED : Outcome.CREATED;
    }

    /** The Claude Code settings file that holds hooks for a client: user or project scope; null for others. */
    public static Path hooksFile(String client, Path userHome, Path projectDir) {
        return switch (client) {
            case "claude-code" -> userHome.resolve(".claude").resolve("settings.json");
            case "claude-code-project" -> projectDir.resolve(".claude").resolve("settings.json");
            default -> null;
        };
    }

    /**
     * One Claude Code hook registration: {@code event} (e.g. {@code PostToolUse}), optional {@code matcher},
     * the shell {@code command} and its {@code timeout} in seconds. {@code marker} is the hook name that
     * identifies an earlier OMEGA registration of the same hook: a command mentioning omega and ending in
     * {@code " hook <marker>"} or {@code ".HookMain <marker>"}.
     */
    public record HookEntry(String event, String matcher, String command, int timeoutSeconds, String marker) {
    }

    /**
     * Adds the hooks to {@code hooks.<event>} in a Claude Code settings file, keeping every other key, event
     * and hook. An earlier OMEGA registration of the same hook (same marker, command mentioning omega) is
     * replaced; when everything is already as given the file is not touched.
     */
    @SuppressWarnings("unchecked")
    public static Outcome installHooks(Path file, List<HookEntry> entries) throws IOException {
        boolean exists = Files.exists(file);
        Map<String, Object> root = exists ? read(file) : new LinkedHashMap<>();
        Object h = root.get("hooks");
        if (h != null && !(h instanceof Map)) {
            throw new IOException(file + ": \"hooks\" is not an object; fix it first, nothing was changed");
        }
        Map<String, Object> hooks = h == null ? new LinkedHashMap<>() : new LinkedHashMap<>((Map<String, Object>) h);
        boolean changed = false;
        for (HookEntry e : entries) {
            Object g = hooks.get(e.event());
            if (g != null && !(g instanceof List)) {
                throw new IOException(file + ": \"hooks." + e.event() + "\" is not an array; fix it first, nothing "
                        + "was changed");
            }
            List<Object> groups = g == null ? new java.util.ArrayList<>() : new java.util.ArrayList<>((List<Object>) g);
            Map<String, Object> wantedHook = new LinkedHashMap<>();
            wantedHook.put("type", "command");
            wantedHook.put("command", e.command());
            wantedHook.put("timeout", e.timeoutSeconds());
            Map<String, Object> wantedGroup = new LinkedHashMap<>();
            if (e.matcher() != null) {
                wantedGroup.put("matcher", e.matcher());
            }
            wantedGroup.put("hooks", List.of(wantedHook));
            Object wantedNormalized = Json.MAPPER.convertValue(wantedGroup, Object.class);
            boolean present = false;
            List<Object> kept = new java.util.ArrayList<>();
            for (Object group : groups) {
                if (wantedNormalized.equals(group) && !present) {
                    present = true;
                    kept.add(group);
                    continue;
                }
                if (group instanceof Map<?, ?> gm && gm.get("hooks") instanceof List<?> list) {
                    List<Object> others = new java.util.ArrayList<>();
                    for (Object hook : list) {
                        if (!isOurs(hook, e.marker())) {
                            others.add(hook);
                        }
                    }
                    if (others.size() != list.size()) {
                        changed = true;
                        if (others.isEmpty()) {
                            continue;
                        }
                        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) gm);
                        copy.put("hooks", others);
                        kept.add(copy);
                        continue;
                    }
                }
                kept.add(group);
            }
            if (!present) {
                kept.add(wantedGroup);
                changed = true;
            }
            hooks.put(e.event(), kept);
        }
        if (!changed && exists) {
            return Outcome.UNCHANGED;
        }
        root.put("hooks", hooks);
        write(file, root, exists);
        return exists ? Outcome.UPDATED : Outcome.CREATED;
    }

    private static boolean isOurs(Object hook, String marker) {
        if (hook instanceof Map<?, ?> m && m.get("command") instanceof String c) {
            String t = c.strip();
            return (t.endsWith(" hook " + marker) || t.endsWith(".HookMain " + marker))
                    && t.toLowerCase(java.util.Locale.ROOT).contains("omega");
        }
        return false;
    }

    private static Map<String, Object> read(Path file) throws IOException {
        String text = Files.readString(file);
        try {
            return text.isBlank() ? new LinkedHashMap<>() : Json.readObject(text);
        } catch (RuntimeException e) {
            throw new IOException(file + " is not valid JSON (" + e.getMessage() + "); fix it first, nothing "
                    + "was changed", e);
        }
    }

    private static void write(Path file, Map<String, Object> root, boolean exists) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(tmp, Json.pretty(root) + System.lineSeparator());
            if (exists) {
                try {
                    Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(file));
                } catch (UnsupportedOperationException e) {
                    // not POSIX
                }
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
