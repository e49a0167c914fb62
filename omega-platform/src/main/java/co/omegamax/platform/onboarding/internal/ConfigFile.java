package co.omegamax.platform.onboarding.internal;

import co.omegamax.platform.spi.ConfigurationException;
import co.omegamax.platform.spi.PlatformConfig;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads, merges and rewrites {@code ~/.omega/config.yaml}: the top-level mapping (or the one under a lone
 * {@code omega:} key, as {@code PlatformConfig} reads it) gets the new values, every other key is kept; the file is
 * written to a temporary file created with mode 0600 in the same directory and moved over the old one atomically.
 * YAML comments are not preserved.
 */
public final class ConfigFile {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    private ConfigFile() {
    }

    /** @return the file's top-level mapping (empty if the file does not exist or is empty), in file order */
    public static Map<String, Object> read(Path file) {
        return Files.exists(file) ? PlatformConfig.readYamlMapping(file) : new LinkedHashMap<>();
    }

    /**
     * Sets {@code values} (keys may be dotted for nested mappings: {@code sync.enabled}) in the file, keeping every
     * other key, and writes it atomically with mode 0600.
     */
    public static void merge(Path file, Map<String, Object> values) {
        Map<String, Object> root = read(file);
        Map<String, Object> target = root;
        if (root.size() == 1 && root.get("omega") instanceof Map<?, ?>) {
            target = nested(root, "omega");
        }
        for (Map.Entry<String, Object> e : values.entrySet()) {
            String[] path = e.getKey().split("\\.");
            Map<String, Object> m = target;
            for (int i = 0; i < path.length - 1; i++) {
                m = nested(m, path[i]);
            }
            m.put(path[path.length - 1], e.getValue());
        }
        write(file, root);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> nested(Map<String, Object> parent, String key) {
        Object existing = parent.get(key);
        Map<String, Object> copy = new LinkedHashMap<>();
        if (existing instanceof Map<?, ?> m) {
            m.forEach((k, v) -> copy.put(String.valueOf(k), v));
        } else if (existing != null) {
            throw new ConfigurationException("'" + key + "' in the config file is a value, not a mapping; remove it"
                    + " or turn it into a mapping, then run omega link again");
        }
        parent.put(key, copy);
        return copy;
    }

    private static void write(Path file, Map<String, Object> root) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setWidth(200);
        String yaml = new Yaml(new SafeConstructor(new LoaderOptions()), new Representer(options), options).dump(root);
        Path absolute = file.toAbsolutePath();
        Path dir = absolute.getParent();
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        Path tmp = null;
        try {
            if (!Files.isDirectory(dir)) {
                if (posix) {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
                } else {
                    Files.createDirectories(dir);
                }
            }
            FileAttribute<?>[] attrs = posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                    : new FileAttribute<?>[0];
            tmp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp", attrs);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                 Writer w = java.nio.channels.Channels.newWriter(ch, StandardCharsets.UTF_8)) {
                w.write("# OMEGA configuration (updated by omega link; other keys are kept)\n");
                w.write(yaml);
                w.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            if (posix) {
                Files.setPosixFilePermissions(absolute, OWNER_ONLY);
            }
        } catch (FileAlreadyExistsException e) {
            throw new ConfigurationException("cannot write " + absolute + ": " + e.getFile() + " is in the way", e);
        } catch (IOException e) {
            throw new ConfigurationException("cannot write " + absolute + ": " + e.getMessage()
                    + "; check that the directory is writable or pass --config PATH", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort; it was created readable by the owner only
                }
            }
        }
    }
}
