package co.omegamax.memory.sqlite.bench;

import co.omegamax.memory.sqlite.OnnxEmbedder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Plain benchmark harness (not a JUnit test) for {@link OnnxEmbedder} with the bundled model.
 * Prints markdown table rows: milliseconds per text for single {@code embed} calls and for
 * {@code embedAll} batches of 32, median and p95, plus throughput. Every measured text is unique,
 * so the embedder's cache never answers.
 *
 * <p>Run with the module's test classpath:
 * {@code java -cp target/test-classes:target/classes:<deps> co.omegamax.memory.sqlite.bench.EmbeddingBenchmark}
 */
public final class EmbeddingBenchmark {

    private static final int SINGLE_TEXTS = 200;
    private static final int BATCHES = 20;
    private static final int BATCH = 32;
    private static final String[] WORDS = (
            "the a we use prefer database postgres sqlite connection pool size timeout retry cache index query"
            + " vector embedding model token session decision lesson error deploy release branch merge review"
            + " test build maven gradle java kotlin spring config yaml json schema migration flyway tenant user"
            + " auth token oidc issuer secret rotate key memory agent context window prompt tool server client"
            + " latency throughput benchmark thread lock queue batch stream file path directory backup restore")
            .split(" ");

    private EmbeddingBenchmark() {
    }

    /** Runs the benchmark; no arguments. */
    public static void main(String[] args) {
        Random random = new Random(42);
        int[] counter = {0};
        try (OnnxEmbedder embedder = OnnxEmbedder.bgeSmallEnV15Quantized()) {
            long loadStart = System.nanoTime();
            embedder.embed(text(random, counter));
            double loadMs = (System.nanoTime() - loadStart) / 1e6;

            // warm-up: single and batched paths
            for (int i = 0; i < 30; i++) {
                embedder.embed(text(random, counter));
            }
            for (int i = 0; i < 3; i++) {
                embedder.embedAll(texts(random, counter, BATCH));
            }

            double[] single = new double[SINGLE_TEXTS];
            long singleStart = System.nanoTime();
            for (int i = 0; i < SINGLE_TEXTS; i++) {
                String t = text(random, counter);
                long s = System.nanoTime();
                embedder.embed(t);
                single[i] = (System.nanoTime() - s) / 1e6;
            }
            double singleTotalS = (System.nanoTime() - singleStart) / 1e9;

            double[] batched = new double[BATCHES];
            long batchTotalNs = 0;
            for (int i = 0; i < BATCHES; i++) {
                List<String> batch = texts(random, counter, BATCH);
                long s = System.nanoTime();
                embedder.embedAll(batch);
                long took = System.nanoTime() - s;
                batchTotalNs += took;
                batched[i] = took / 1e6 / BATCH;
            }
            double batchTotalS = batchTotalNs / 1e9;

            System.out.printf(Locale.ROOT, "model %s, %d dims, %d processors, Java %s, first embed incl. load %.0f ms%n",
                    embedder.modelName(), embedder.dimension(), Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"), loadMs);
            System.out.println("| mode | texts | median ms/text | p95 ms/text | texts/s |");
            System.out.println("|---|---|---|---|---|");
            row("embed (single)", SINGLE_TEXTS, single, SINGLE_TEXTS / singleTotalS);
            row("embedAll (batch " + BATCH + ")", BATCHES * BATCH, batched, BATCHES * BATCH / batchTotalS);
        }
    }

    private static void row(String mode, int texts, double[] msPerText, double perSecond) {
        System.out.printf(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.1f |%n", mode, texts,
                percentile(msPerText, 50), percentile(msPerText, 95), perSecond);
    }

    private static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static List<String> texts(Random random, int[] counter, int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(text(random, counter));
        }
        return out;
    }

    /** A unique memory-like sentence of 6 to 40 words. */
    private static String text(Random random, int[] counter) {
        int words = 6 + random.nextInt(35);
        StringBuilder sb = new StringBuilder("note ").append(counter[0]++).append(':');
        for (int i = 0; i < words; i++) {
            sb.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }
}
