package co.omegamax.platform.adapter.sqlite.internal;

import co.omegamax.platform.spi.DataStoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Applies the versioned SQL migrations shipped in the jar ({@code migrations/index.txt} lists them in order) and
 * records each in {@code schema_migrations} with a checksum, so a changed or unknown migration is detected.
 */
public final class Migrator {
    private static final String BASE = "/co/omegamax/platform/adapter/sqlite/migrations/";
    private static final Pattern NAME = Pattern.compile("V(\\d+)__([a-z0-9_]+)\\.sql");

    /** A migration script. @param version its version @param name file name @param sql its text */
    record Migration(int version, String name, String sql) {
        String checksum() {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sql.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private Migrator() {
    }

    /** Brings the schema up to date. @return the schema version afterwards */
    public static int migrate(Jdbi jdbi, String description) {
        List<Migration> migrations = load();
        return jdbi.inTransaction(h -> {
            h.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                    + " checksum TEXT NOT NULL, applied_at INTEGER NOT NULL)");
            Map<Integer, String> applied = new java.util.HashMap<>();
            h.createQuery("SELECT version, checksum FROM schema_migrations")
                    .map((rs, ctx) -> Map.entry(rs.getInt(1), rs.getString(2)))
                    .forEach(e -> applied.put(e.getKey(), e.getValue()));
            int latest = migrations.isEmpty() ? 0 : migrations.get(migrations.size() - 1).version();
            for (int v : applied.keySet()) {
                if (v > latest) {
                    throw new DataStoreException("SQLite store " + description + " has schema version " + v
                            + " but this adapter-sqlite only knows up to " + latest + "; upgrade co.omegamax:adapter-sqlite", null);
                }
            }
            for (Migration m : migrations) {
                String done = applied.get(m.version());
                if (done == null) {
                    apply(h, m);
                } else if (!done.equals(m.checksum())) {
                    throw new DataStoreException("SQLite store " + description + ": migration " + m.name()
                            + " was changed after it was applied; restore the original or use a new version", null);
                }
            }
            return latest;
        });
    }

    private static void apply(Handle h, Migration m) {
        h.createScript(m.sql()).execute();
        h.createUpdate("INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (:v, :n, :c, :t)")
                .bind("v", m.version()).bind("n", m.name()).bind("c", m.checksum())
                .bind("t", System.currentTimeMillis()).execute();
    }

    static List<Migration> load() {
        List<Migration> out = new ArrayList<>();
        int previous = 0;
        for (String line : read("index.txt").split("\n")) {
            String file = line.strip();
            if (file.isEmpty() || file.startsWith("#")) {
                continue;
            }
            Matcher m = NAME.matcher(file);
            if (!m.matches()) {
                throw new IllegalStateException("bad migration file name " + file);
            }
            int version = Integer.parseInt(m.group(1));
            if (version != previous + 1) {
                throw new IllegalStateException("migration versions must be consecutive; " + file + " follows V" + previous);
            }
            previous = version;
            out.add(new Migration(version, file, read(file)));
        }
        return out;
    }

    private static String read(String file) {
        try (InputStream in = Migrator.class.getResourceAsStream(BASE + file)) {
            if (in == null) {
                throw new IllegalStateException("migration resource " + BASE + file + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + file, e);
        }
    }
}
