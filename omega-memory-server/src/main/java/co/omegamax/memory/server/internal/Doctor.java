package co.omegamax.memory.server.internal;

import co.omegamax.memory.Embedder;
import co.omegamax.memory.sqlite.OnnxEmbedder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Checks an installation and says how to fix what fails. Reads the database without opening an engine. */
public final class Doctor {
    private Doctor() {
    }

    /**
     * One check.
     *
     * @param name what was checked
     * @param ok whether it passed
     * @param detail what was found
     * @param fix how to fix it ({@code null} when ok)
     */
    public record Check(String name, boolean ok, String detail, String fix) {
    }

    /** Runs every check. */
    public static List<Check> run(Path db) {
        List<Check> checks = new ArrayList<>();
        Optional<OnnxEmbedder> model = Optional.empty();
        try {
            model = OnnxEmbedder.discover();
        } catch (RuntimeException | LinkageError e) {
            checks.add(new Check("model", false, "model lookup failed: " + e, "reinstall omega; the jar is damaged"));
        }
        Integer modelDim = null;
        String modelName = null;
        if (model.isPresent()) {
            try (Embedder e = model.get()) {
                float[] v = e.embed("omega doctor");
                modelDim = v.length;
                modelName = e.modelName();
                checks.add(new Check("model", true, modelName + " loads and embeds (" + v.length + " dimensions)", null));
            } catch (RuntimeException | LinkageError e) {
                checks.add(new Check("model", false, "the bundled model does not load: " + e,
                        "onnxruntime needs glibc on x86-64/aarch64 Linux, macOS or Windows; check the platform, "
                                + "or run degraded (words only)"));
            }
        } else if (checks.isEmpty()) {
            checks.add(new Check("model", false, "no embedding model on the classpath: recall is words-only (degraded)",
                    "add " + OnnxEmbedder.MODEL_ARTIFACT + " to the classpath (the omega -all.jar includes it)"));
        }
        if (!Files.exists(db)) {
            checks.add(new Check("database", false, db + " does not exist yet",
                    "run `omega store \"first memory\"` or start `omega serve`; it is created on first use"));
            return checks;
        }
        List<String> problems = Maintenance.check(db);
        checks.add(problems.isEmpty()
                ? new Check("database", true, db + " passes the SQLite quick check (" + Maintenance.size(db) + " bytes)", null)
                : new Check("database", false, String.join("; ", problems),
                "restore the latest backup with `omega restore <file>`, or export what is readable and import it "
                        + "into a new database"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath() + "?open_mode=1");
             Statement s = c.createStatement()) {
            long memories = one(s, "SELECT COUNT(*) FROM memories");
            long fts = one(s, "SELECT COUNT(*) FROM memories_fts");
            checks.add(fts == memories
                    ? new Check("fts", true, "full-text index covers all " + memories + " memories", null)
                    : new Check("fts", false, "full-text index has " + fts + " rows for " + memories + " memories",
                    "rebuild it: sqlite3 " + db + " \"INSERT INTO memories_fts(memories_fts) VALUES('rebuild')\""));
            long vectors = one(s, "SELECT COUNT(*) FROM memory_vectors");
            checks.add(vectors == memories
                    ? new Check("vectors", true, vectors + " of " + memories + " memories have vectors", null)
                    : new Check("vectors", false, vectors + " of " + memories + " memories have vectors",
                    model.isPresent() ? "open the database once with the model (any omega command): missing vectors "
                            + "are embedded at start-up" : "install the model, then open the database once"));
            String storedModel = meta(s, "embedding_model");
            String storedDim = meta(s, "embedding_dim");
            if (storedDim == null) {
                checks.add(new Check("dimension", true, "no vectors recorded yet", null));
            } else if (modelDim != null && !String.valueOf(modelDim).equals(storedDim)) {
                checks.add(new Check("dimension", false, "database holds " + storedModel + " vectors of " + storedDim
                        + " dimensions, the model gives " + modelDim,
                        "export (`omega export --out f.jsonl`) and import into a new database to re-embed"));
            } else {
                checks.add(new Check("dimension", true, "database vectors: " + storedModel + ", " + storedDim
                        + " dimensions" + (modelDim == null ? "" : " (matches the model)"), null));
            }
        } catch (java.sql.SQLException e) {
            checks.add(new Check("schema", false, "cannot read the memory tables: " + e.getMessage(),
                    "is this an OMEGA database? Point --db or OMEGA_DB at memory.db"));
        }
        return checks;
    }

    private static long one(Statement s, String sql) throws java.sql.SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static String meta(Statement s, String key) throws java.sql.SQLException {
        try (ResultSet rs = s.executeQuery("SELECT value FROM engine_meta WHERE key = '" + key + "'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
