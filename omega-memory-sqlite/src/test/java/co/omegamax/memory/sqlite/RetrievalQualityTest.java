package co.omegamax.memory.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import co.omegamax.memory.EventType;
import co.omegamax.memory.MemoryQuery;
import co.omegamax.memory.NewMemory;
import co.omegamax.memory.QueryMode;
import co.omegamax.memory.StoreResult;
import co.omegamax.memory.StoreStatus;
import co.omegamax.memory.sqlite.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Retrieval quality on a hand-written corpus (src/test/resources/retrieval: 300+ memories, 60 queries
 * of three kinds: paraphrases, exact tokens, mixed). Hybrid must beat words-only and vectors-only at
 * recall@5; the figures are printed so regressions are visible in the build log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetrievalQualityTest {
    @TempDir
    static Path dir;
    private SqliteMemoryEngine engine;
    private final Map<String, String> engineIdOf = new HashMap<>();
    private final List<JsonNode> queries = new ArrayList<>();

    @BeforeAll
    void load() throws IOException {
        engine = SqliteMemoryEngine.builder(dir.resolve("corpus.db")).embedder(TestModels.bge()).build();
        List<String> corpusIds = new ArrayList<>();
        List<NewMemory> memories = new ArrayList<>();
        for (String line : lines("/retrieval/memories.jsonl")) {
            JsonNode n = Json.MAPPER.readTree(line);
            corpusIds.add(n.get("id").asString());
            List<String> tags = new ArrayList<>();
            n.get("tags").forEach(t -> tags.add(t.asString()));
            memories.add(NewMemory.builder(n.get("content").asString())
                    .eventType(EventType.fromWireName(n.get("type").asString())).tags(tags).build());
        }
        List<StoreResult> results = engine.storeAll(memories);
        for (int i = 0; i < results.size(); i++) {
            assertThat(results.get(i).status()).as("corpus memory %s", corpusIds.get(i))
                    .isNotEqualTo(StoreStatus.BLOCKED);
            engineIdOf.put(corpusIds.get(i), results.get(i).id());
        }
        Map<StoreStatus, Integer> statuses = new java.util.EnumMap<>(StoreStatus.class);
        results.forEach(r -> statuses.merge(r.status(), 1, Integer::sum));
        System.out.println("corpus store statuses: " + statuses);
        for (String line : lines("/retrieval/queries.jsonl")) {
            queries.add(Json.MAPPER.readTree(line));
        }
        assertThat(memories).hasSizeGreaterThanOrEqualTo(300);
        assertThat(queries).hasSizeGreaterThanOrEqualTo(50);
    }

    @AfterAll
    void close() {
        engine.close();
    }

    @Test
    void hybridRecallAtFiveBeatsWordsOnlyAndVectorsOnly() {
        double hybrid = recallAt5(QueryMode.HYBRID);
        double words = recallAt5(QueryMode.WORDS);
        double vectors = recallAt5(QueryMode.SEMANTIC);
        System.out.printf(Locale.ROOT, "recall@5 over %d queries / %d memories: hybrid %.3f, words-only %.3f, "
                + "vectors-only %.3f%n", queries.size(), engineIdOf.size(), hybrid, words, vectors);
        assertThat(hybrid).isGreaterThan(words).isGreaterThan(vectors);
        assertThat(hybrid).isGreaterThan(0.7);
    }

    private double recallAt5(QueryMode mode) {
        double sum = 0;
        for (JsonNode q : queries) {
            Set<String> relevant = new HashSet<>();
            q.get("relevant").forEach(r -> relevant.add(engineIdOf.get(r.asString())));
            List<String> top = engine.query(MemoryQuery.builder().text(q.get("query").asString()).mode(mode).limit(5)
                    .expandGraph(false).build()).memories().stream().map(m -> m.id()).toList();
            long found = relevant.stream().filter(top::contains).count();
            if (found < relevant.size() && Boolean.getBoolean("omega.debugRecall")) {
                System.out.println(mode + " miss: " + q.get("query").asString() + " -> " + q.get("relevant"));
            }
            sum += (double) found / relevant.size();
        }
        return sum / queries.size();
    }

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = RetrievalQualityTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }
}
