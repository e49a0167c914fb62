package co.omegamax.memory.server.internal;

import co.omegamax.memory.StorageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** File-level operations on a memory database: integrity check, online backup, compaction, restore. */
public final class Maintenance {
    private Maintenance() {
    }

    private static Connection open(Path db) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 10000");
        }
        return c;
    }

    /** {@code PRAGMA quick_check}: an empty list means the file is sound. */
    public static List<String> check(Path db) {
        if (!Files.isRegularFile(db)) {
            return List.of("database file " + db + " does not exist");
        }
        List<String> problems = new ArrayList<>();
        try (Connection c = open(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
            while (rs.next()) {
                String row = rs.getString(1);
                if (!"ok".equalsIgnoreCase(row)) {
                    problems.add(row);
                }
            }
        } catch (SQLException e) {
            problems.add("cannot read " + db + ": " + e.getMessage());
        }
        return problems;
    }

    /** A consistent copy of a live database ({@code VACUUM INTO}); the copy is readable by the owner only. */
    public static long backup(Path db, Path target) {
        if (Files.exists(target)) {
            throw new StorageException("backup target " + target + " already exists; choose another file");
        }
        try {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Connection c = open(db); PreparedStatement ps = c.prepareStatement("VACUUM INTO ?")) {
                ps.setString(1, target.toAbsolutePath().toString());
                ps.execute();
            }
            ownerOnly(target);
            return Files.size(target);
        } catch (SQLException | IOException e) {
            throw new StorageException("backup of " + db + " to " + target + " failed: " + e.getMessage(), e);
        }
    }

    /** Rebuilds the file to reclaim free pages; returns bytes before and after. */
    public static long[] compact(Path db) {
        try {
            long before = size(db);
            try (Connection c = open(db); Statement s = c.createStatement()) {
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                s.execute("VACUUM");
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
            return new long[] {before, size(db)};
        } catch (SQLException e) {
            throw new StorageException("compacting " + db + " failed: " + e.getMessage()
                    + " (another process may be writing; retry later)", e);
        }
    }

    /**
     * Replaces {@code db} with a checked backup. No engine may have the database open. The current file
     * is kept beside it as {@code <name>.before-restore-<millis>}.
     *
     * @return where the previous database was moved, or {@code null} if there was none
     */
    public static Path restore(Path backup, Path db) {
        List<String> problems = check(backup);
        if (!problems.isEmpty()) {
            throw new StorageException("backup " + backup + " failed its integrity check: " + String.join("; ", problems));
        }
        try {
            Path parent = db.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Path previous = null;
            if (Files.exists(db)) {
                previous = db.resolveSibling(db.getFileName() + ".before-restore-" + System.currentTimeMillis());
                Files.move(db, previous);
            }
            Files.deleteIfExists(Path.of(db + "-wal"));
            Files.deleteIfExists(Path.of(db + "-shm"));
            Files.copy(backup, db, StandardCopyOption.REPLACE_EXISTING);
            ownerOnly(db);
            return previous;
        } catch (IOException e) {
            throw new StorageException("restoring " + backup + " to " + db + " failed: " + e.getMessage(), e);
        }
    }

    /** Size of the database and its WAL. */
    public static long size(Path db) {
        try {
            long n = Files.exists(db) ? Files.size(db) : 0;
            Path wal = Path.of(db + "-wal");
            return n + (Files.exists(wal) ? Files.size(wal) : 0);
        } catch (IOException e) {
            return 0;
        }
    }

    /** chmod 600 where the file system supports POSIX permissions. */
    public static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not POSIX (Windows): the user's profile directory is already private
        }
    }
}
