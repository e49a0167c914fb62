package co.omegamax.examples.quickstart;

import co.omegamax.memory.EventType;
import co.omegamax.memory.MemoryEngine;
import co.omegamax.memory.MemoryHit;
import co.omegamax.memory.MemoryQuery;
import co.omegamax.memory.NewMemory;
import co.omegamax.memory.QueryResult;
import co.omegamax.memory.StoreResult;
import co.omegamax.memory.sqlite.SqliteMemoryEngine;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Stores a few memories in an embedded SQLite file and recalls them by meaning, with real
 * bge-small embeddings computed in-process. Run: {@code ./mvnw -q -Pquickstart -pl examples -am package -DskipTests}.
 */
public final class Quickstart {
    /** Questions asked of the memories; they are answered by meaning, the first without any shared word. */
    public static final List<String> QUESTIONS = List.of(
            "how should I indent code",
            "which database backs the service",
            "why did the nightly job crash");

    private Quickstart() {
    }

    /** Runs the quickstart on the database file given as the first argument (default ./omega-quickstart.db). */
    public static void main(String[] args) {
        Path db = Path.of(args.length > 0 ? args[0] : "omega-quickstart.db");
        run(db, System.out);
    }

    /** Stores the sample memories and prints the best answer to each question; returns the top hits. */
    public static List<MemoryHit> run(Path db, PrintStream out) {
        try (MemoryEngine engine = SqliteMemoryEngine.builder(db).build()) {
            List<StoreResult> stored = engine.storeAll(List.of(
                    NewMemory.of("I prefer spaces over tabs, four per level", EventType.USER_PREFERENCE),
                    NewMemory.of("We chose PostgreSQL 16 as the primary datastore for the orders service",
                            EventType.DECISION),
                    NewMemory.of("The nightly export failed with OutOfMemoryError; stream rows instead of loading "
                            + "them all", EventType.LESSON_LEARNED),
                    NewMemory.of("Release notes are written in docs/CHANGELOG.md", EventType.USER_FACT)));
            out.printf("stored %d memories in %s (%s)%n", stored.size(), db.toAbsolutePath(),
                    engine.isDegraded() ? "DEGRADED: words only" : "with embeddings");
            stored.forEach(r -> out.printf("  %-8s %s%n", r.status(), r.id()));
            List<MemoryHit> answers = new java.util.ArrayList<>();
            for (String question : QUESTIONS) {
                QueryResult result = engine.query(MemoryQuery.builder().text(question).limit(1).build());
                out.printf("%nQ: %s%n", question);
                if (result.abstained()) {
                    out.printf("A: (no memory) %s%n", result.abstainReason());
                    continue;
                }
                MemoryHit top = result.hits().get(0);
                answers.add(top);
                out.printf("A: [%s] %s%n   why: %s%n", top.memory().eventType().wireName(), top.memory().content(),
                        String.join("; ", top.rankingReasons()));
            }
            return answers;
        }
    }
}
