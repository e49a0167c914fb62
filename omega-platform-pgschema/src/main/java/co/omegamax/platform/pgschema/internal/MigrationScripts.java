package co.omegamax.platform.pgschema.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code V<n>__<description>.sql} scripts in one classpath folder (directories and jars), found once and
 * ordered by version.
 */
public final class MigrationScripts {
    private static final Pattern NAME = Pattern.compile("V(\\d+)__[A-Za-z0-9_]+\\.sql");

    /** One script: its version and file name. */
    public record Script(int version, String fileName) {
    }

    private final String location;
    private final ClassLoader loader;
    private volatile List<Script> scripts;

    /**
     * @param location classpath folder, without leading or trailing slash
     * @param loader   class loader to search
     */
    public MigrationScripts(String location, ClassLoader loader) {
        this.location = location;
        this.loader = loader;
    }

    /** @return the scripts, ordered by version (never empty: a missing folder is an IllegalStateException) */
    public List<Script> all() {
        List<Script> found = scripts;
        if (found == null) {
            found = scan();
            scripts = found;
        }
        return found;
    }

    /** @return the text of {@code script} */
    public String read(Script script) {
        String resource = location + "/" + script.fileName();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("migration " + resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read migration " + resource, e);
        }
    }

    private List<Script> scan() {
        Map<Integer, String> byVersion = new LinkedHashMap<>();
        try {
            Enumeration<URL> roots = loader.getResources(location);
            for (URL root : Collections.list(roots)) {
                for (String name : fileNames(root)) {
                    Matcher m = NAME.matcher(name);
                    if (!m.matches()) {
                        continue;
                    }
                    int version = Integer.parseInt(m.group(1));
                    String other = byVersion.putIfAbsent(version, name);
                    if (other != null && !other.equals(name)) {
                        throw new IllegalStateException("two migrations with version " + version + " in " + location
                                + ": " + other + " and " + name + "; give one of them the next free number");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list migrations in " + location, e);
        }
        if (byVersion.isEmpty()) {
            throw new IllegalStateException("no V<n>__*.sql migration found in classpath folder " + location
                    + "; is omega-platform-pgschema on the classpath?");
        }
        List<Script> list = new ArrayList<>();
        byVersion.forEach((v, n) -> list.add(new Script(v, n)));
        list.sort(Comparator.comparingInt(Script::version));
        return List.copyOf(list);
    }

    private List<String> fileNames(URL root) throws IOException {
        List<String> names = new ArrayList<>();
        if ("file".equals(root.getProtocol())) {
            try (DirectoryStream<Path> dir = Files.newDirectoryStream(Path.of(root.toURI()))) {
                dir.forEach(p -> names.add(p.getFileName().toString()));
            } catch (URISyntaxException e) {
                throw new IOException("bad classpath URL " + root, e);
            }
        } else if ("jar".equals(root.getProtocol())) {
            JarURLConnection connection = (JarURLConnection) root.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                String prefix = location + "/";
                for (JarEntry entry : Collections.list(jar.entries())) {
                    String n = entry.getName();
                    if (n.startsWith(prefix) && n.indexOf('/', prefix.length()) < 0 && n.length() > prefix.length()) {
                        names.add(n.substring(prefix.length()));
                    }
                }
            }
        } else {
            throw new IOException("cannot list migrations behind a " + root.getProtocol() + ": URL (" + root
                    + "); put omega-platform-pgschema on the classpath as a jar or directory");
        }
        return names;
    }
}
