package co.omegamax.memory.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.omegamax.memory.EventType;
import co.omegamax.memory.Feedback;
import co.omegamax.memory.FeedbackResult;
import co.omegamax.memory.InvalidMemoryException;
import co.omegamax.memory.InvalidQueryException;
import co.omegamax.memory.Memory;
import co.omegamax.memory.MemoryHit;
import co.omegamax.memory.MemoryNotFoundException;
import co.omegamax.memory.MemoryQuery;
import co.omegamax.memory.MemoryStatus;
import co.omegamax.memory.NewMemory;
import co.omegamax.memory.QueryResult;
import co.omegamax.memory.Scope;
import co.omegamax.memory.StoreResult;
import co.omegamax.memory.StoreStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The behaviour a user relies on, against a real SQLite file and the real bge-small model. */
class MemoryEngineBehaviourTest {
    @TempDir
    Path dir;
    private final TestModels.MutableClock clock = new TestModels.MutableClock(Instant.parse("2026-06-01T12:00:00Z"));
    private SqliteMemoryEngine engine;

    @BeforeEach
    void open() {
        engine = SqliteMemoryEngine.builder(dir.resolve("memory.db")).embedder(TestModels.bge()).clock(clock).build();
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void sameContentTwiceIsDeduplicatedAndCountsAnAccess() {
        StoreResult first = engine.store(NewMemory.of("Run the integration tests with ./mvnw verify -Pit",
                EventType.LESSON_LEARNED));
        StoreResult again = engine.store(NewMemory.of("Run the integration tests with ./mvnw verify -Pit",
                EventType.LESSON_LEARNED));
        StoreResult caseAndSpace = engine.store(NewMemory.of("  run the INTEGRATION tests   with ./mvnw verify -Pit. ",
                EventType.LESSON_LEARNED));
        StoreResult markdown = engine.store(NewMemory.of("**Run** the _integration_ tests with `./mvnw verify -Pit`",
                EventType.LESSON_LEARNED));

        assertThat(first.status()).isEqualTo(StoreStatus.CREATED);
        assertThat(first.id()).hasSize(36);
        for (StoreResult r : List.of(again, caseAndSpace, markdown)) {
            assertThat(r.status()).isEqualTo(StoreStatus.DEDUPED);
            assertThat(r.id()).isEqualTo(first.id());
            assertThat(r.reason()).contains(first.id());
        }
        assertThat(engine.find(first.id()).orElseThrow().accessCount()).isEqualTo(3);
        assertThat(engine.stats().total()).isEqualTo(1);
    }

    @Test
    void paraphraseAboveThresholdDeduplicatesButADifferentFactDoesNot() {
        StoreResult original = engine.store(NewMemory.of("The staging database password rotates every 30 days",
                EventType.USER_FACT));
        StoreResult paraphrase = engine.store(NewMemory.of("The staging database password is rotated every 30 days",
                EventType.USER_FACT));
        StoreResult different = engine.store(NewMemory.of("The production cluster runs in the eu-west-1 region",
                EventType.USER_FACT));

        assertThat(paraphrase.status()).isEqualTo(StoreStatus.DEDUPED);
        assertThat(paraphrase.id()).isEqualTo(original.id());
        assertThat(paraphrase.reason()).containsAnyOf("semantic duplicate", "word-overlap duplicate");
        assertThat(different.status()).isEqualTo(StoreStatus.CREATED);
        assertThat(different.id()).isNotEqualTo(original.id());
    }

    @Test
    void newerPreferenceSupersedesTheOlderOne() {
        StoreResult tabs = engine.store(NewMemory.of("I prefer tabs", EventType.USER_PREFERENCE));
        clock.advance(Duration.ofDays(2));
        StoreResult spaces = engine.store(NewMemory.of("I no longer prefer tabs, use spaces", EventType.USER_PREFERENCE));

        assertThat(spaces.status()).isEqualTo(StoreStatus.SUPERSEDED);
        assertThat(spaces.relatedId()).isEqualTo(tabs.id());
        QueryResult result = engine.query(MemoryQuery.text("indentation preference"));
        assertThat(result.hits()).isNotEmpty();
        assertThat(result.hits().get(0).memory().id()).isEqualTo(spaces.id());
        assertThat(result.memories()).extracting(Memory::id).doesNotContain(tabs.id());

        Memory old = engine.find(tabs.id()).orElseThrow();
        assertThat(old.status()).isEqualTo(MemoryStatus.SUPERSEDED);
        assertThat(old.supersededBy()).isEqualTo(spaces.id());
        assertThat(old.validUntil()).isEqualTo(clock.instant());
        assertThat(engine.traverse(spaces.id(), 1, 10).edges())
                .anySatisfy(e -> assertThat(e.targetId()).isEqualTo(tabs.id()));
        QueryResult withHistory = engine.query(MemoryQuery.builder().text("indentation preference")
                .includeSuperseded(true).build());
        assertThat(withHistory.memories()).extracting(Memory::id).contains(tabs.id(), spaces.id());
    }

    @Test
    void changedValueSupersedes() {
        StoreResult bern = engine.store(NewMemory.of("Our office is in Bern", EventType.USER_FACT));
        StoreResult zurich = engine.store(NewMemory.of("We moved the office from Bern to Zurich", EventType.USER_FACT));
        assertThat(zurich.status()).isEqualTo(StoreStatus.SUPERSEDED);
        assertThat(zurich.relatedId()).isEqualTo(bern.id());
        assertThat(zurich.reason()).contains("bern");
    }

    @Test
    void explicitTimeRangeReturnsTheMemoryInsideItFirst() {
        Instant now = clock.instant();
        java.util.Map<Integer, String> notes = java.util.Map.of(
                30, "Deployed version 2.4 to production; the rollback plan was not needed",
                60, "Production deploy of version 2.1 failed on a missing environment variable",
                85, "First production deploy of version 1.0 went through the blue-green switch");
        notes.forEach((days, text) -> assertThat(engine.store(NewMemory.builder(text).eventType(EventType.MEMORY)
                .validFrom(now.minus(Duration.ofDays(days))).build()).status()).isEqualTo(StoreStatus.CREATED));
        assertThat(engine.query(MemoryQuery.text("production deploy")).hits()).hasSize(3);

        QueryResult result = engine.query(MemoryQuery.builder().text("production deploy")
                .between(now.minus(Duration.ofDays(90)), now.minus(Duration.ofDays(80))).build());
        assertThat(result.hits()).isNotEmpty();
        assertThat(result.hits().get(0).memory().content()).isEqualTo(notes.get(85));

        QueryResult inferred = engine.query(MemoryQuery.text("production deploy between 80 and 90 days ago"));
        assertThat(inferred.hits()).hasSize(3);
        assertThat(inferred.hits().get(0).memory().content()).isEqualTo(notes.get(85));
        assertThat(inferred.from()).isEqualTo(now.minus(Duration.ofDays(90)));
    }

    @Test
    void outdatedPlusUnhelpfulFeedbackFlagsAndHides() {
        StoreResult r = engine.store(NewMemory.of("Deploys go through the Jenkins job deploy-prod", EventType.DECISION));
        assertThat(engine.query(MemoryQuery.text("how do we deploy to production")).memories())
                .extracting(Memory::id).contains(r.id());

        FeedbackResult outdated = engine.feedback(r.id(), Feedback.OUTDATED);
        assertThat(outdated.flagged()).isFalse();
        FeedbackResult unhelpful = engine.feedback(r.id(), Feedback.UNHELPFUL);
        assertThat(unhelpful.flagged()).isTrue();
        assertThat(unhelpful.feedbackScore()).isEqualTo(-3);

        assertThat(engine.query(MemoryQuery.text("how do we deploy to production")).memories())
                .extracting(Memory::id).doesNotContain(r.id());
        assertThat(engine.query(MemoryQuery.builder().text("how do we deploy to production").includeFlagged(true)
                .build()).memories()).extracting(Memory::id).contains(r.id());
    }

    @Test
    void helpfulFeedbackRaisesTheRank() {
        StoreResult a = engine.store(NewMemory.of("Use ruff for Python linting", EventType.DECISION));
        StoreResult b = engine.store(NewMemory.of("Use eslint for TypeScript linting", EventType.DECISION));
        for (int i = 0; i < 5; i++) {
            engine.feedback(b.id(), Feedback.HELPFUL);
        }
        List<MemoryHit> hits = engine.query(MemoryQuery.text("linting")).hits();
        assertThat(hits.get(0).memory().id()).isEqualTo(b.id());
        assertThat(hits.get(0).rankingReasons()).anyMatch(s -> s.startsWith("feedback +5"));
        assertThat(hits).extracting(h -> h.memory().id()).contains(a.id());
    }

    @Test
    void scopeAndAgentFiltersNeverLeakEvenThroughTheGraph() {
        Scope a = Scope.workspace("ws-a");
        Scope b = Scope.workspace("ws-b");
        engine.store(NewMemory.builder("Kafka consumers must commit offsets after processing").scope(a)
                .eventType(EventType.LESSON_LEARNED).agentType("claude-code").build());
        engine.store(NewMemory.builder("Kafka consumer groups rebalance when a consumer misses heartbeats").scope(b)
                .eventType(EventType.LESSON_LEARNED).agentType("cursor").build());
        engine.store(NewMemory.builder("Kafka consumers should commit offsets only after processing succeeds")
                .scope(b).eventType(EventType.ERROR_PATTERN).agentType("cursor").build());

        QueryResult inA = engine.query(MemoryQuery.builder().text("kafka consumer offsets").scope(a).build());
        assertThat(inA.hits()).isNotEmpty();
        assertThat(inA.memories()).allSatisfy(m -> assertThat(m.scope().workspace()).isEqualTo("ws-a"));

        QueryResult cursor = engine.query(MemoryQuery.builder().text("kafka consumer offsets").agentType("cursor")
                .build());
        assertThat(cursor.hits()).isNotEmpty();
        assertThat(cursor.memories()).allSatisfy(m -> assertThat(m.agentType()).isEqualTo("cursor"));

        QueryResult none = engine.query(MemoryQuery.builder().text("kafka consumer offsets")
                .scope(Scope.workspace("ws-unknown")).build());
        assertThat(none.hits()).isEmpty();
        assertThat(none.abstained()).isTrue();
    }

    @Test
    void graphExpansionAddsNeighboursButRespectsFilters() {
        StoreResult a = engine.store(NewMemory.builder("Flyway migrations must be idempotent and versioned")
                .eventType(EventType.LESSON_LEARNED).tags("db").build());
        StoreResult b = engine.store(NewMemory.builder("Never edit a Flyway migration that has already been applied")
                .eventType(EventType.ERROR_PATTERN).tags("db").build());
        assertThat(engine.traverse(b.id(), 1, 10).nodes()).extracting(n -> n.memory().id()).contains(a.id());

        QueryResult onlyErrors = engine.query(MemoryQuery.builder().text("flyway migrations")
                .eventTypes(EventType.ERROR_PATTERN).build());
        assertThat(onlyErrors.memories()).extracting(Memory::id).containsExactly(b.id());
    }

    @Test
    void emptyStoreAndOffTopicQueriesAbstain() {
        QueryResult empty = engine.query(MemoryQuery.text("what did we decide about caching"));
        assertThat(empty.abstained()).isTrue();
        assertThat(empty.abstainReason()).isNotBlank();

        engine.store(NewMemory.of("Cache product pages in Redis for 5 minutes", EventType.DECISION));
        engine.store(NewMemory.of("Use Testcontainers-free integration tests with embedded Postgres",
                EventType.DECISION));
        QueryResult offTopic = engine.query(MemoryQuery.text("best sourdough bread hydration"));
        assertThat(offTopic.abstained()).isTrue();
        assertThat(offTopic.hits()).isEmpty();
    }

    @Test
    void badInputIsRejectedWithTypedErrors() {
        assertThatThrownBy(() -> engine.store(NewMemory.of("   ", EventType.MEMORY)))
                .isInstanceOf(InvalidMemoryException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> engine.store(NewMemory.of("x".repeat(16_001), EventType.MEMORY)))
                .isInstanceOf(InvalidMemoryException.class).hasMessageContaining("16000");
        assertThatThrownBy(() -> engine.get("no-such-id"))
                .isInstanceOf(MemoryNotFoundException.class).hasMessageContaining("no-such-id");
        assertThatThrownBy(() -> engine.feedback("no-such-id", Feedback.HELPFUL))
                .isInstanceOf(MemoryNotFoundException.class);
        assertThatThrownBy(() -> engine.delete(" ")).isInstanceOf(InvalidQueryException.class);
        assertThatThrownBy(() -> MemoryQuery.builder().text("x").limit(0).build())
                .isInstanceOf(InvalidQueryException.class);
        assertThatThrownBy(() -> MemoryQuery.builder().text("x")
                .between(Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z")).build())
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("inverted");
        assertThatThrownBy(() -> EventType.fromWireName("decisoin"))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("lesson_learned");
        assertThatThrownBy(() -> engine.traverse("x", 4, 10)).isInstanceOf(InvalidQueryException.class);
    }

    @Test
    void secretsAreBlockedAndNeverStored() {
        StoreResult r = engine.store(NewMemory.of("the AWS key is AKIAABCDEFGHIJKLMNOP", EventType.USER_FACT));
        assertThat(r.status()).isEqualTo(StoreStatus.BLOCKED);
        assertThat(r.id()).isNull();
        assertThat(r.reason()).contains("AWS access key").doesNotContain("AKIA");
        assertThat(engine.stats().total()).isZero();
    }

    @Test
    void nearDuplicateLessonEvolvesInsteadOfAddingANode() {
        StoreResult first = engine.store(NewMemory.of(
                "When Gradle builds hang, stop the daemon with ./gradlew --stop.", EventType.LESSON_LEARNED));
        StoreResult second = engine.store(NewMemory.of(
                "When Gradle builds hang, stop the daemon with ./gradlew --stop. Also delete ~/.gradle/caches/transforms-3 if it persists.",
                EventType.LESSON_LEARNED));
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.status()).isIn(StoreStatus.EVOLVED, StoreStatus.DEDUPED);
        if (second.status() == StoreStatus.EVOLVED) {
            assertThat(engine.find(first.id()).orElseThrow().content()).contains("transforms-3")
                    .startsWith("When Gradle builds hang");
        }
        assertThat(engine.stats().total()).isEqualTo(1);
    }

    @Test
    void ttlExpiresShortLivedMemories() {
        StoreResult obs = engine.store(NewMemory.of("Edited src/main/App.java line 40", EventType.OBSERVATION));
        StoreResult pref = engine.store(NewMemory.of("I like small commits", EventType.USER_PREFERENCE));
        assertThat(engine.find(obs.id()).orElseThrow().expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(7)));
        assertThat(engine.find(pref.id()).orElseThrow().expiresAt()).isNull();
        clock.advance(Duration.ofDays(8));
        assertThat(engine.query(MemoryQuery.text("edited App.java")).memories()).extracting(Memory::id)
                .doesNotContain(obs.id());
        assertThat(engine.purgeExpired()).isEqualTo(1);
        assertThat(engine.find(obs.id())).isEmpty();
        assertThat(engine.find(pref.id())).isPresent();
    }

    @Test
    void nodeCountLimitIsEnforced() {
        engine.close();
        engine = SqliteMemoryEngine.builder(dir.resolve("limited.db")).embedder(TestModels.bge()).clock(clock)
                .settings(EngineSettings.defaults().withMaxMemories(2)).build();
        engine.store(NewMemory.of("first fact about the build", EventType.USER_FACT));
        engine.store(NewMemory.of("second fact: the CI runs on GitHub Actions", EventType.USER_FACT));
        assertThatThrownBy(() -> engine.store(NewMemory.of("third fact: prod is on Kubernetes", EventType.USER_FACT)))
                .isInstanceOf(co.omegamax.memory.MemoryLimitExceededException.class).hasMessageContaining("limit");
    }
}
