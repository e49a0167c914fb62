package co.omegamax.memory.sqlite.bench;

import co.omegamax.memory.Embedder;
import co.omegamax.memory.EventType;
import co.omegamax.memory.MemoryQuery;
import co.omegamax.memory.NewMemory;
import co.omegamax.memory.sqlite.OnnxEmbedder;
import co.omegamax.memory.sqlite.SqliteMemoryEngine;
import co.omegamax.memory.sqlite.internal.Json;
import co.omegamax.memory.sqlite.internal.Text;
import co.omegamax.memory.sqlite.internal.VectorIndex;
import co.omegamax.memory.sqlite.internal.Vectors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * The engine benchmark harness (not a unit test). Run it with
 * {@code ./mvnw -Pbenchmarks -pl omega-memory-sqlite -am verify -DskipTests}; sizes with
 * {@code -Dbench.sizes=10000,100000,1000000}. Prints markdown tables for docs/benchmarks.md:
 * <ol>
 *   <li>store throughput through the real write path (dedup, contradiction, edges), with embeddings
 *       (batched {@code storeAll}) and without (degraded engine);</li>
 *   <li>query latency p50/p95 at each size, with the query embedding excluded (vector computed before
 *       the clock starts) and included (a fresh text each time, so no cache answers);</li>
 *   <li>recall@10 of the vector index's bit-code shortlist against an exhaustive int8 scan;</li>
 *   <li>heap of the vector index and database size per 100k memories.</li>
 * </ol>
 * Large stores are bulk-loaded with SQL (same schema, same triggers) because the write path's
 * per-memory dedup search would take hours at 1M: content is derived from the 331-memory test corpus
 * with a unique suffix, vectors are the corpus' real bge-small vectors plus Gaussian noise
 * (cosine to the source about 0.9), so the index sees clustered, realistic geometry.
 */
public final class MemoryBenchmark {
    private static final int QUERIES = 200;
    private static final int QUERIES_WITH_EMBEDDING = 100;

    private MemoryBenchmark() {
    }

    /** Entry point; see the class comment. */
    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("omega-bench");
        List<JsonNode> corpus = corpus();
        List<String> queries = queries();
        try (OnnxEmbedder bge = OnnxEmbedder.bgeSmallEnV15Quantized()) {
            List<float[]> corpusVectors = bge.embedAll(corpus.stream().map(n -> n.get("content").asString()).toList());
            if (Boolean.parseBoolean(System.getProperty("bench.store", "true"))) {
                System.out.println("## Store throughput (real write path)\n");
                System.out.println("| mode | memories | seconds | memories/s | outcomes |\n|---|---|---|---|---|");
                storeThroughput(work, bge, corpus, true, 1_000);
                storeThroughput(work, bge, corpus, false, 20_000);
            }

            System.out.println("\n## Query latency\n");
            System.out.println("| memories | p50 excl. embedding ms | p95 excl. ms | p50 incl. embedding ms | "
                    + "p95 incl. ms | index recall@10 | index heap MB | heap MB / 100k | db MB / 100k | open s |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|");
            for (String s : System.getProperty("bench.sizes", "10000,100000,1000000").split(",")) {
                int size = Integer.parseInt(s.strip());
                querySize(work, bge, corpus, corpusVectors, queries, size);
            }
        }
    }

    private static void storeThroughput(Path work, OnnxEmbedder bge, List<JsonNode> corpus, boolean embeddings,
                                        int count) {
        Path db = work.resolve("store-" + embeddings + ".db");
        SqliteMemoryEngine.Builder builder = SqliteMemoryEngine.builder(db);
        if (embeddings) {
            builder.embedder(bge);
        } else {
            builder.withoutEmbeddings();
        }
        Random random = new Random(7);
        try (SqliteMemoryEngine engine = builder.build()) {
            List<NewMemory> all = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                // new content in the corpus' own types (decisions, lessons, facts, ...), so every dedup and
                // contradiction check runs: the first half of one corpus memory joined to the second half of another
                JsonNode a = corpus.get(random.nextInt(corpus.size()));
                JsonNode b = corpus.get(random.nextInt(corpus.size()));
                String[] aw = a.get("content").asString().split(" ");
                String[] bw = b.get("content").asString().split(" ");
                String text = String.join(" ", Arrays.copyOfRange(aw, 0, aw.length / 2)) + " "
                        + String.join(" ", Arrays.copyOfRange(bw, bw.length / 2, bw.length)) + " #" + i;
                all.add(NewMemory.of(text, EventType.fromWireName(a.get("type").asString())));
            }
            int batch = embeddings ? 32 : 500;
            Map<co.omegamax.memory.StoreStatus, Integer> statuses = new java.util.EnumMap<>(
                    co.omegamax.memory.StoreStatus.class);
            long start = System.nanoTime();
            for (int i = 0; i < all.size(); i += batch) {
                engine.storeAll(all.subList(i, Math.min(all.size(), i + batch)))
                        .forEach(r -> statuses.merge(r.status(), 1, Integer::sum));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.0f | %s |%n", embeddings
                    ? "with embeddings (storeAll x32)" : "without embeddings (storeAll x500)", count, seconds,
                    count / seconds, statuses);
        }
    }

    private static void querySize(Path work, OnnxEmbedder bge, List<JsonNode> corpus, List<float[]> corpusVectors,
                                  List<String> queries, int size) throws Exception {
        Path db = work.resolve("q" + size + ".db");
        try (SqliteMemoryEngine engine = SqliteMemoryEngine.builder(db).embedder(bge).build()) {
            engine.stats(); // creates the schema and records the model
        }
        VectorIndex reference = new VectorIndex(bge.dimension());
        bulkLoad(db, corpus, corpusVectors, size, reference);
        Map<String, float[]> precomputed = new ConcurrentHashMap<>();
        for (String q : queries) {
            precomputed.put(q, bge.embed(q));
        }
        PrecomputedEmbedder embedder = new PrecomputedEmbedder(bge, precomputed);
        System.gc();
        long heapBefore = usedHeap();
        long openStart = System.nanoTime();
        try (SqliteMemoryEngine engine = SqliteMemoryEngine.builder(db).embedder(embedder).build()) {
            engine.query(MemoryQuery.text(queries.get(0))); // loads the index
            double openSeconds = (System.nanoTime() - openStart) / 1e9;
            System.gc();
            long heap = usedHeap() - heapBefore;
            for (int i = 0; i < 50; i++) {
                engine.query(MemoryQuery.text(queries.get(i % queries.size())));
            }
            double[] excluded = new double[QUERIES];
            for (int i = 0; i < QUERIES; i++) {
                String q = queries.get(i % queries.size());
                long t = System.nanoTime();
                engine.query(MemoryQuery.text(q));
                excluded[i] = (System.nanoTime() - t) / 1e6;
            }
            double[] included = new double[QUERIES_WITH_EMBEDDING];
            Random random = new Random(size);
            for (int i = 0; i < QUERIES_WITH_EMBEDDING; i++) {
                String q = queries.get(i % queries.size()) + " " + Integer.toString(random.nextInt(1 << 30), 36);
                long t = System.nanoTime();
                engine.query(MemoryQuery.text(q));
                included[i] = (System.nanoTime() - t) / 1e6;
            }
            double recall = indexRecall(reference, precomputed);
            long dbBytes = Files.size(db) + (Files.exists(Path.of(db + "-wal")) ? Files.size(Path.of(db + "-wal")) : 0);
            System.out.printf(Locale.ROOT, "| %,d | %.2f | %.2f | %.2f | %.2f | %.3f | %.0f | %.1f | %.1f | %.1f |%n",
                    size, percentile(excluded, 50), percentile(excluded, 95), percentile(included, 50),
                    percentile(included, 95), recall, engine.vectorIndexBytes() / 1e6,
                    heap / 1e6 * 100_000 / size, dbBytes / 1e6 * 100_000 / size, openSeconds);
        }
        Files.deleteIfExists(db);
        Files.deleteIfExists(Path.of(db + "-wal"));
        Files.deleteIfExists(Path.of(db + "-shm"));
    }

    private static double indexRecall(VectorIndex index, Map<String, float[]> queries) {
        double sum = 0;
        int n = 0;
        for (float[] q : queries.values()) {
            Set<Long> exact = new HashSet<>();
            index.search(q, 10, VectorIndex.Filter.VISIBLE, true).forEach(h -> exact.add(h.rowid()));
            long found = index.search(q, 10, VectorIndex.Filter.VISIBLE).stream().filter(h -> exact.contains(h.rowid()))
                    .count();
            sum += (double) found / exact.size();
            n++;
        }
        return sum / n;
    }

    private static void bulkLoad(Path db, List<JsonNode> corpus, List<float[]> vectors, int size,
                                 VectorIndex reference) throws Exception {
        Random random = new Random(size * 31L);
        long now = System.currentTimeMillis();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("PRAGMA synchronous=OFF");
            }
            c.setAutoCommit(false);
            try (PreparedStatement mem = c.prepareStatement("INSERT INTO memories (rowid, id, content, canonical_hash, "
                    + "content_hash, event_type, tags, metadata, priority, created_at, updated_at, status, valid_from) "
                    + "VALUES (?,?,?,?,?,?,?,'{}',?,?,?,'ACTIVE',?)");
                 PreparedStatement vec = c.prepareStatement("INSERT INTO memory_vectors (memory_rowid, model, dim, "
                         + "vector) VALUES (?,?,?,?)")) {
                for (int i = 1; i <= size; i++) {
                    int src = random.nextInt(corpus.size());
                    JsonNode n = corpus.get(src);
                    String content = n.get("content").asString() + " (ref " + Integer.toString(i, 36) + ")";
                    EventType type = EventType.fromWireName(n.get("type").asString());
                    mem.setLong(1, i);
                    mem.setString(2, UUID.randomUUID().toString());
                    mem.setString(3, content);
                    mem.setString(4, Text.sha256(Text.canonical(content)));
                    mem.setString(5, Text.sha256(content));
                    mem.setString(6, type.wireName());
                    mem.setString(7, Json.write(List.of()));
                    mem.setInt(8, type.defaultPriority());
                    long t = now - random.nextInt(365) * 86_400_000L;
                    mem.setLong(9, t);
                    mem.setLong(10, t);
                    mem.setLong(11, t);
                    mem.addBatch();
                    float[] v = noisy(vectors.get(src), random);
                    vec.setLong(1, i);
                    vec.setString(2, "bge-small-en-v1.5-q");
                    vec.setInt(3, v.length);
                    vec.setBytes(4, Vectors.toBlob(v));
                    vec.addBatch();
                    reference.upsert(i, v, new VectorIndex.Attrs(type.ordinal(), null, null, null, true));
                    if (i % 5_000 == 0) {
                        mem.executeBatch();
                        vec.executeBatch();
                        c.commit();
                    }
                }
                mem.executeBatch();
                vec.executeBatch();
                c.commit();
            }
        }
    }

    private static float[] noisy(float[] base, Random random) {
        float[] v = Arrays.copyOf(base, base.length);
        double sigma = 0.5 / Math.sqrt(base.length);
        double norm = 0;
        for (int d = 0; d < v.length; d++) {
            v[d] += (float) (random.nextGaussian() * sigma);
            norm += v[d] * v[d];
        }
        float inv = (float) (1 / Math.sqrt(norm));
        for (int d = 0; d < v.length; d++) {
            v[d] *= inv;
        }
        return v;
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static List<JsonNode> corpus() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : resource("/retrieval/memories.jsonl")) {
            out.add(Json.MAPPER.readTree(line));
        }
        return out;
    }

    private static List<String> queries() throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : resource("/retrieval/queries.jsonl")) {
            out.add(Json.MAPPER.readTree(line).get("query").asString());
        }
        return out;
    }

    private static List<String> resource(String name) throws IOException {
        try (InputStream in = MemoryBenchmark.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " missing from the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }

    /** The real model, except for query texts embedded before the clock starts. */
    private record PrecomputedEmbedder(OnnxEmbedder delegate, Map<String, float[]> precomputed) implements Embedder {
        @Override
        public String modelName() {
            return delegate.modelName();
        }

        @Override
        public int dimension() {
            return delegate.dimension();
        }

        @Override
        public float[] embed(String text) {
            float[] v = precomputed.get(text);
            return v != null ? v.clone() : delegate.embed(text);
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            List<float[]> out = new ArrayList<>();
            for (String t : texts) {
                out.add(embed(t));
            }
            return out;
        }
    }

}
