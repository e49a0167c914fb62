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
        return exists ? Outcome.UPDATED : Outcome.CREATED;
    }
}
