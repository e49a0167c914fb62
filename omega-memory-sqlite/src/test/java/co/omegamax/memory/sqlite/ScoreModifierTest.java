package co.omegamax.memory.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import co.omegamax.memory.EventType;
import co.omegamax.memory.MemoryHit;
import co.omegamax.memory.MemoryQuery;
import co.omegamax.memory.NewMemory;
import co.omegamax.memory.QueryResult;
import co.omegamax.memory.spi.RetrievalPlugins;
import co.omegamax.memory.spi.RetrievalProfile;
import co.omegamax.memory.spi.RetrievalProvider;
import co.omegamax.memory.spi.ScoreAdjustment;
import co.omegamax.memory.spi.ScoreModifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plug-in score modifiers change the ranking and explain themselves; a failing one is ignored. */
class ScoreModifierTest {
    @TempDir
    Path dir;

    private static List<String> rank(SqliteMemoryEngine engine) {
        QueryResult r = engine.query(MemoryQuery.builder().text("deploy staging").expandGraph(false).build());
        return r.hits().stream().map(h -> h.memory().content()).toList();
    }

    @Test
    void modifierBoostsMatchingMemoriesAndAddsAReason() {
        List<NewMemory> memories = List.of(
                NewMemory.of("deploy staging with the blue pipeline", EventType.DECISION),
                NewMemory.of("deploy staging only after the smoke tests", EventType.LESSON_LEARNED));
        List<String> plain;
        try (SqliteMemoryEngine engine = SqliteMemoryEngine.builder(dir.resolve("plain.db")).withoutEmbeddings().build()) {
            engine.storeAll(memories);
            plain = rank(engine);
        }
        String loser = plain.get(plain.size() - 1);
        ScoreModifier boost = new ScoreModifier() {
            @Override
            public ScoreAdjustment adjust(co.omegamax.memory.Memory m, MemoryQuery q, java.time.Instant now) {
                return m.content().equals(loser) ? ScoreAdjustment.of(5, "test boost x5.00") : ScoreAdjustment.NONE;
            }
        };
        ScoreModifier broken = (m, q, now) -> {
            throw new IllegalStateException("modifier bug");
        };
        try (SqliteMemoryEngine engine = SqliteMemoryEngine.builder(dir.resolve("boosted.db")).withoutEmbeddings()
                .scoreModifiers(List.of(broken, boost)).build()) {
            engine.storeAll(memories);
            QueryResult r = engine.query(MemoryQuery.builder().text("deploy staging").expandGraph(false).build());

            MemoryHit top = r.hits().get(0);
            assertThat(top.memory().content()).isEqualTo(loser);
            assertThat(top.rankingReasons()).contains("test boost x5.00");
            assertThat(r.hits().get(1).rankingReasons()).noneMatch(s -> s.contains("test boost"));
        }
    }

    @Test
    void retrievalProfileFromAProviderAppliesToItsEventTypeOnly() {
        RetrievalProvider provider = new RetrievalProvider() {
            @Override
            public List<RetrievalProfile> profiles() {
                return List.of(RetrievalProfile.weight(EventType.USER_FACT, 4.0));
            }

            @Override
            public String name() {
                return "facts-first";
            }
        };
        try (SqliteMemoryEngine engine = SqliteMemoryEngine.builder(dir.resolve("p.db")).withoutEmbeddings()
                .scoreModifiers(RetrievalPlugins.of(List.of(provider)).modifiers()).build()) {
            engine.store(NewMemory.of("deploy staging from the release branch", EventType.DECISION));
            engine.store(NewMemory.of("staging deploy keys live in the team vault", EventType.USER_FACT));
            List<MemoryHit> hits = new ArrayList<>(engine.query(MemoryQuery.builder().text("deploy staging")
                    .expandGraph(false).build()).hits());

            assertThat(hits.get(0).memory().eventType()).isEqualTo(EventType.USER_FACT);
            assertThat(hits.get(0).rankingReasons()).anyMatch(s -> s.startsWith("facts-first profile user_fact x4.00"));
            assertThat(hits.get(1).rankingReasons()).noneMatch(s -> s.contains("facts-first"));
        }
    }
}
