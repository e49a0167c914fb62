package co.omegamax.memory.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import co.omegamax.memory.Briefing;
import co.omegamax.memory.Checkpoint;
import co.omegamax.memory.Embedder;
import co.omegamax.memory.EventType;
import co.omegamax.memory.ImportResult;
import co.omegamax.memory.IncompatibleEmbeddingsException;
import co.omegamax.memory.InvalidQueryException;
import co.omegamax.memory.Memory;
import co.omegamax.memory.MemoryQuery;
import co.omegamax.memory.MemoryStatus;
import co.omegamax.memory.MemoryUpdate;
import co.omegamax.memory.NewMemory;
import co.omegamax.memory.QueryMode;
import co.omegamax.memory.QueryResult;
import co.omegamax.memory.Scope;
import co.omegamax.memory.StoreResult;
import co.omegamax.memory.StoreStatus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Concurrency, degraded mode, model checks, export/import, checkpoints, reminders and briefings. */
class EngineLifecycleTest {
    @TempDir
    Path dir;

    @Test
    void twoEnginesOnOneFileWritingConcurrentlyLoseNothing() throws Exception {
        Path db = dir.resolve("shared.db");
        int perWriter = 60;
        try (SqliteMemoryEngine a = SqliteMemoryEngine.builder(db).embedder(TestModels.bge()).build();
             SqliteMemoryEngine b = SqliteMemoryEngine.builder(db).embedder(TestModels.bge()).build()) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            CountDownLatch start = new CountDownLatch(1);
            Set<String> ids = ConcurrentHashMap.newKeySet();
            List<Future<String>> futures = new ArrayList<>();
            int writer = 0;
            for (SqliteMemoryEngine engine : List.of(a, b, a, b)) {
                int w = writer++;
                futures.add(pool.submit(() -> {
                    start.await();
                    String last = null;
                    for (int i = 0; i < perWriter; i++) {
                        // session summaries deduplicate only on identical text, so every write must survive
                        last = "Session " + w + "-" + i + " summary: migrated service" + w + "x" + i;
                        StoreResult r = engine.store(NewMemory.builder(last).eventType(EventType.SESSION_SUMMARY)
                                .build());
                        assertThat(r.status()).isEqualTo(StoreStatus.CREATED);
                        ids.add(r.id());
                    }
                    return last;
                }));
            }
            start.countDown();
            List<String> lastTexts = new ArrayList<>();
            for (Future<String> f : futures) {
                lastTexts.add(f.get(5, TimeUnit.MINUTES));
            }
            pool.shutdown();
            assertThat(ids).hasSize(4 * perWriter);
            assertThat(a.stats().total()).isEqualTo(4 * perWriter);
            assertThat(b.stats().total()).isEqualTo(4 * perWriter);
            assertThat(b.stats().withVectors()).isEqualTo(4 * perWriter);
            // engine b finds engine a's last write by meaning: its vector index caught up through the change log
            String lastOfA = lastTexts.get(2);
            QueryResult fromB = b.query(MemoryQuery.builder().text(lastOfA).mode(QueryMode.SEMANTIC).limit(5).build());
            assertThat(fromB.memories()).extracting(Memory::content).contains(lastOfA);
        }
    }

    @Test
    void degradedModeRecallsByWordsAndStoresNoVectors() {
        try (SqliteMemoryEngine engine = SqliteMemoryEngine.builder(dir.resolve("words.db")).withoutEmbeddings()
                .build()) {
            assertThat(engine.isDegraded()).isTrue();
            engine.store(NewMemory.of("Use pnpm instead of npm in the web workspace", EventType.DECISION));
            engine.store(NewMemory.of("The CI cache key includes pnpm-lock.yaml", EventType.USER_FACT));
            QueryResult r = engine.query(MemoryQuery.text("pnpm workspace"));
            assertThat(r.degraded()).isTrue();
            assertThat(r.hits()).isNotEmpty();
            assertThat(r.hits().get(0).memory().content()).contains("web workspace");
            assertThat(engine.stats().withVectors()).isZero();
            assertThat(engine.stats().degraded()).isTrue();
            assertThat(engine.query(MemoryQuery.text("kubernetes ingress")).abstained()).isTrue();
        }
        // reopening with the model embeds what was stored words-only
        try (SqliteMemoryEngine engine = SqliteMemoryEngine.builder(dir.resolve("words.db"))
                .embedder(TestModels.bge()).build()) {
            assertThat(engine.stats().withVectors()).isEqualTo(2);
            assertThat(engine.query(MemoryQuery.builder().text("which javascript package manager")
                    .mode(QueryMode.SEMANTIC).build()).hits()).isNotEmpty();
        }
    }

    @Test
    void wordOverlapDedupIsStricterForFactsThanForLessons() {
        try (SqliteMemoryEngine engine = SqliteMemoryEngine.builder(dir.resolve("overlap.db")).withoutEmbeddings()
                .build()) {
            // each pair differs in one of ten words: Jaccard 9/11 = 0.82, between the prose (0.80) and fact (0.90) bars
            StoreResult lesson = engine.store(NewMemory.of(
                    "Always rebase feature branches onto main before opening review requests", EventType.LESSON_LEARNED));
            StoreResult lessonAgain = engine.store(NewMemory.of(
                    "Always rebase feature branches onto main before opening merge requests", EventType.LESSON_LEARNED));
            assertThat(lessonAgain.status()).isEqualTo(StoreStatus.DEDUPED);
            assertThat(lessonAgain.id()).isEqualTo(lesson.id());

            StoreResult fact = engine.store(NewMemory.of(
                    "Staging database host runs Postgres sixteen behind bastion jump01 eastus", EventType.USER_FACT));
            StoreResult otherFact = engine.store(NewMemory.of(
                    "Staging database host runs Postgres sixteen behind bastion jump02 eastus", EventType.USER_FACT));
            assertThat(otherFact.status()).isEqualTo(StoreStatus.CREATED);
            assertThat(otherFact.id()).isNotEqualTo(fact.id());
        }
        assertThat(EngineSettings.defaults().wordDedupThreshold(EventType.USER_FACT)).isEqualTo(0.90, within(1e-9));
        assertThat(EngineSettings.defaults().wordDedupThreshold(EventType.LESSON_LEARNED)).isEqualTo(0.80, within(1e-9));
    }

    @Test
    void aDifferentModelOnTheSameDatabaseIsRefused() {
        Path db = dir.resolve("model.db");
        try (SqliteMemoryEngine engine = SqliteMemoryEngine.builder(db).embedder(TestModels.bge()).build()) {
            engine.store(NewMemory.of("Vectors were made with bge-small", EventType.MEMORY));
        }
        Embedder other = new Embedder() {
            @Override
            public String modelName() {
                return "other-model";
            }

            @Override
            public int dimension() {
                return 8;
            }

            @Override
            public float[] embed(String text) {
                float[] v = new float[8];
                v[Math.floorMod(text.hashCode(), 8)] = 1;
                return v;
            }
        };
        assertThatThrownBy(() -> SqliteMemoryEngine.builder(db).embedder(other).build())
                .isInstanceOf(IncompatibleEmbeddingsException.class)
                .hasMessageContaining("bge-small-en-v1.5-q").hasMessageContaining("other-model")
                .hasMessageContaining("export");
    }

    @Test
    void exportThenImportRoundTripsEveryField() {
        Path source = dir.resolve("source.db");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String supersededId;
        try (SqliteMemoryEngine engine = SqliteMemoryEngine.builder(source).embedder(TestModels.bge()).build()) {
            supersededId = engine.store(NewMemory.of("Our office is in Bern", EventType.USER_FACT)).id();
            engine.store(NewMemory.of("We moved the office from Bern to Zurich", EventType.USER_FACT));
            engine.store(NewMemory.builder("Prefer records over Lombok").eventType(EventType.USER_PREFERENCE)
                    .tags("java", "style").metadata("source", "review").scope(Scope.of("acme", "api")).build());
            assertThat(engine.exportTo(out)).isEqualTo(3);
        }
        String exported = out.toString(StandardCharsets.UTF_8);
        assertThat(exported.lines()).hasSize(3);
        try (SqliteMemoryEngine target = SqliteMemoryEngine.builder(dir.resolve("target.db"))
                .embedder(TestModels.bge()).build()) {
            String withBadLine = exported + "{not json\n{\"content\":\"\"}\n";
            ImportResult result = target.importFrom(new ByteArrayInputStream(withBadLine.getBytes(StandardCharsets.UTF_8)));
            assertThat(result.created()).isEqualTo(3);
            assertThat(result.rejected()).isEqualTo(2);
            assertThat(result.errors()).hasSize(2).allMatch(e -> e.startsWith("line "));
            Memory old = target.find(supersededId).orElseThrow();
            assertThat(old.status()).isEqualTo(MemoryStatus.SUPERSEDED);
            assertThat(old.validUntil()).isNotNull();
            Memory pref = target.query(MemoryQuery.builder().text("lombok").scope(Scope.of("acme", "api")).build())
                    .top().orElseThrow().memory();
            assertThat(pref.tags()).containsExactly("java", "style");
            assertThat(pref.metadata()).containsEntry("source", "review");
            ImportResult again = target.importFrom(new ByteArrayInputStream(exported.getBytes(StandardCharsets.UTF_8)));
            assertThat(again.created()).isZero();
            assertThat(again.deduplicated()).isEqualTo(3);
        }
    }

    @Test
    void checkpointsResumeTheLatestStateOfATask() {
        TestModels.MutableClock clock = new TestModels.MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
        try (SqliteMemoryEngine engine = SqliteMemoryEngine.builder(dir.resolve("tasks.db"))
                .embedder(TestModels.bge()).clock(clock).build()) {
            engine.checkpoint(new Checkpoint("Migrate auth to OIDC", "Discovery client written",
                    List.of("JWKS cache", "token validation"), List.of("OidcClient.java"), Scope.GLOBAL, "s1"));
            clock.advance(Duration.ofHours(3));
            StoreResult later = engine.checkpoint(new Checkpoint("Migrate auth to OIDC", "JWKS cache done",
                    List.of("token validation"), List.of("JwksCache.java"), Scope.GLOBAL, "s1"));
            assertThat(later.status()).isEqualTo(StoreStatus.CREATED);
            Memory resumed = engine.resumeTask("migrate auth to oidc", Scope.GLOBAL).orElseThrow();
            assertThat(resumed.id()).isEqualTo(later.id());
            assertThat(resumed.content()).contains("JWKS cache done").contains("- token validation");
            assertThat(engine.resumeTask("switch login to single sign-on", Scope.GLOBAL)).isPresent();
            assertThat(engine.resumeTask("OIDC", Scope.workspace("other"))).isEmpty();
            assertThatThrownBy(() -> engine.resumeTask(" ", Scope.GLOBAL)).isInstanceOf(InvalidQueryException.class);
        }
    }

    @Test
    void remindersBecomeDueAndCanBeDismissed() {
        TestModels.MutableClock clock = new TestModels.MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
        try (SqliteMemoryEngine engine = SqliteMemoryEngine.builder(dir.resolve("remind.db"))
                .embedder(TestModels.bge()).clock(clock).build()) {
            String soon = engine.remind("Rotate the staging TLS certificate", clock.instant().plus(Duration.ofDays(1)),
                    Scope.GLOBAL).id();
            engine.remind("Review the Q3 cloud bill", clock.instant().plus(Duration.ofDays(10)), Scope.GLOBAL);
            assertThat(engine.reminders(Scope.GLOBAL, true)).isEmpty();
            assertThat(engine.reminders(Scope.GLOBAL, false)).hasSize(2).first()
                    .extracting(Memory::id).isEqualTo(soon);
            clock.advance(Duration.ofDays(2));
            assertThat(engine.reminders(Scope.GLOBAL, true)).extracting(Memory::id).containsExactly(soon);
            Briefing briefing = engine.welcome(Scope.GLOBAL);
            assertThat(briefing.dueReminders()).extracting(Memory::id).containsExactly(soon);
            engine.dismissReminder(soon);
            assertThat(engine.reminders(Scope.GLOBAL, true)).isEmpty();
            assertThat(engine.find(soon).orElseThrow().status()).isEqualTo(MemoryStatus.ARCHIVED);
        }
    }

    @Test
    void welcomeBriefingGroupsByKindAndLessonsRankByTopic() {
        try (SqliteMemoryEngine engine = SqliteMemoryEngine.builder(dir.resolve("welcome.db"))
                .embedder(TestModels.bge()).build()) {
            engine.store(NewMemory.of("I prefer small pull requests", EventType.USER_PREFERENCE));
            engine.store(NewMemory.of("We chose Flyway over Liquibase for migrations", EventType.DECISION));
            engine.store(NewMemory.of("Always set a statement timeout on Postgres connections",
                    EventType.LESSON_LEARNED));
            engine.store(NewMemory.of("NullPointerException in OrderMapper when currency is missing",
                    EventType.ERROR_PATTERN));
            Briefing b = engine.welcome(Scope.GLOBAL);
            assertThat(b.preferences()).extracting(Memory::content).containsExactly("I prefer small pull requests");
            assertThat(b.decisions()).hasSize(1);
            assertThat(b.lessons()).hasSize(1);
            assertThat(b.pitfalls()).hasSize(1);
            assertThat(b.recent()).hasSize(4);
            assertThat(b.totalMemories()).isEqualTo(4);
            assertThat(engine.lessons("database timeouts", Scope.GLOBAL, 5)).first()
                    .extracting(Memory::content).asString().contains("statement timeout");
        }
    }

    @Test
    void updateReembedsAndDeleteRemovesEverywhere() {
        try (SqliteMemoryEngine engine = SqliteMemoryEngine.builder(dir.resolve("edit.db"))
                .embedder(TestModels.bge()).build()) {
            String id = engine.store(NewMemory.of("The build uses Gradle", EventType.USER_FACT)).id();
            Memory updated = engine.update(id, MemoryUpdate.content("The build uses Maven with the wrapper"));
            assertThat(updated.content()).contains("Maven");
            assertThat(engine.query(MemoryQuery.builder().text("maven wrapper").mode(QueryMode.SEMANTIC).build())
                    .memories()).extracting(Memory::id).contains(id);
            assertThat(engine.delete(id)).isTrue();
            assertThat(engine.delete(id)).isFalse();
            assertThat(engine.query(MemoryQuery.text("maven wrapper")).hits()).isEmpty();
            assertThat(engine.timeline(MemoryQuery.builder().mode(QueryMode.TIMELINE).build())).isEmpty();
        }
    }
}
