package co.omegamax.platform.coordination.internal;

import co.omegamax.platform.spi.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;

/**
 * Normalises claimed resources and derives deterministic claim ids: {@code <resource>:<hash>} where the hash is
 * the first 40 hex digits of SHA-256 over {@code workspace \0 project \0 key}. Every process that claims one file
 * in one workspace and project therefore races on the same id.
 */
public final class ClaimKeys {
    private static final int MAX_PATH = 4096;

    private ClaimKeys() {
    }

    /** @return the claim id of a resource key in a workspace and (nullable) project */
    public static String id(String resource, String workspaceId, String projectId, String key) {
        String material = workspaceId + '\0' + (projectId == null ? "" : projectId) + '\0' + key;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
            return resource + ":" + HexFormat.of().formatHex(digest).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * Normalises a repository path: {@code \} becomes {@code /}, {@code .} and empty segments go, {@code ..}
     * removes the previous segment, a trailing {@code /} goes; a leading {@code /} (absolute path) is kept.
     *
     * @throws InvalidInputException for a blank path, a control character or a path that climbs above its root
     */
    public static String path(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException(field, "is required: a file path relative to the repository root, "
                    + "e.g. src/main/App.java");
        }
        String p = raw.strip().replace('\\', '/');
        if (p.length() > MAX_PATH) {
            throw new InvalidInputException(field, "must be at most " + MAX_PATH + " characters");
        }
        for (int i = 0; i < p.length(); i++) {
            if (Character.isISOControl(p.charAt(i))) {
                throw new InvalidInputException(field, "must not contain control characters");
            }
        }
        boolean absolute = p.startsWith("/");
        Deque<String> parts = new ArrayDeque<>();
        for (String segment : p.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (parts.isEmpty()) {
                    throw new InvalidInputException(field, "'" + raw + "' climbs above the repository root; "
                            + "give a path inside the repository");
                }
                parts.removeLast();
            } else {
                parts.addLast(segment);
            }
        }
        if (parts.isEmpty()) {
            throw new InvalidInputException(field, "'" + raw + "' names no file; give a path like src/App.java");
        }
        return (absolute ? "/" : "") + String.join("/", parts);
    }

    /** @return true if the two normalised paths are equal or one is a directory containing the other */
    public static boolean overlaps(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        return b.startsWith(a + "/") || a.startsWith(b + "/");
    }

    /**
     * Normalises a git branch name (strips {@code refs/heads/}).
     *
     * @throws InvalidInputException for names git would reject (spaces, control characters, {@code ..}, ...)
     */
    public static String branch(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException(field, "is required: a branch name such as feature/login");
        }
        String b = raw.strip();
        if (b.startsWith("refs/heads/")) {
            b = b.substring("refs/heads/".length());
        }
        if (b.isEmpty() || b.length() > 250 || b.contains("..") || b.startsWith("/") || b.endsWith("/")
                || b.endsWith(".lock") || b.startsWith("-") || b.chars().anyMatch(c -> c <= ' ' || c == 127
                || "~^:?*[\\".indexOf(c) >= 0)) {
            throw new InvalidInputException(field, "'" + raw + "' is not a valid git branch name");
        }
        return b;
    }
}
