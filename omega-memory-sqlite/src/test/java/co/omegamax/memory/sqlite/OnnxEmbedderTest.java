package co.omegamax.memory.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import co.omegamax.memory.EmbeddingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the bundled bge-small-en-v1.5-q model for real. */
class OnnxEmbedderTest {

    private static OnnxEmbedder embedder;

    @BeforeAll
    static void load() {
        embedder = OnnxEmbedder.bgeSmallEnV15Quantized();
    }

    @AfterAll
    static void release() {
        embedder.close();
    }

    @Test
    void bundledModelIsDiscoverable() {
        try (OnnxEmbedder discovered = OnnxEmbedder.discover().orElseThrow()) {
            assertThat(discovered.modelName()).isEqualTo("bge-small-en-v1.5-q");
            assertThat(discovered.dimension()).isEqualTo(384);
        }
    }

    @Test
    void vectorsHave384DimensionsAndUnitNorm() {
        for (String text : List.of("The cat sits on the mat", "", "x")) {
            float[] v = embedder.embed(text);
            assertThat(v).hasSize(384);
            assertThat(norm(v)).isCloseTo(1.0, within(1e-5));
        }
    }

    @Test
    void similarMeaningIsCloser() {
        float[] cat = embedder.embed("The cat sits on the mat");
        float[] rug = embedder.embed("A cat is sitting on a rug");
        float[] tax = embedder.embed("Quarterly tax filing deadlines");
        assertThat(cosine(cat, rug)).isGreaterThan(cosine(cat, tax) + 0.1);
    }

    private static final List<String> MIXED_LENGTHS = List.of(
            "short",
            "A somewhat longer sentence about databases and connection pools.",
            "The quick brown fox jumps over the lazy dog while the farmer watches from the porch,"
                    + " wondering whether the fence will hold through another winter of storms.",
            "",
            "Use PostgreSQL for the main database");

    @Test
    void batchEqualsSingle() {
        // fresh instances so nothing comes from the cache
        try (OnnxEmbedder batched = OnnxEmbedder.bgeSmallEnV15Quantized();
                OnnxEmbedder single = OnnxEmbedder.bgeSmallEnV15Quantized()) {
            List<float[]> batch = batched.embedAll(MIXED_LENGTHS);
            assertThat(batch).hasSize(MIXED_LENGTHS.size());
            for (int i = 0; i < MIXED_LENGTHS.size(); i++) {
                float[] one = single.embed(MIXED_LENGTHS.get(i));
                assertThat(batch.get(i)).as("text %d", i).containsExactly(one, within(1e-4f));
            }
        }
    }

    @Test
    void paddedBatchInferenceIsMaskedCorrectly() {
        // the int8 model quantises activations per tensor, so a padded batch drifts slightly from
        // single inference; a broken attention mask or pooling offset would drift far more
        try (OnnxEmbedder padded = OnnxEmbedder.bgeSmallEnV15Quantized(OnnxEmbedder.MAX_INFERENCE_BATCH);
                OnnxEmbedder single = OnnxEmbedder.bgeSmallEnV15Quantized()) {
            List<float[]> batch = padded.embedAll(MIXED_LENGTHS);
            for (int i = 0; i < MIXED_LENGTHS.size(); i++) {
                double c = cosine(batch.get(i), single.embed(MIXED_LENGTHS.get(i)));
                System.out.println(String.format(Locale.ROOT, "padded batch vs single, text %d: cosine %.6f", i, c));
                assertThat(c).as("text %d", i).isGreaterThan(0.99);
                assertThat(norm(batch.get(i))).isCloseTo(1.0, within(1e-5));
            }
        }
    }

    @Test
    void batchLargerThanOneChunkKeepsOrder() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            texts.add("note number " + i + " " + "word ".repeat(i % 7));
        }
        texts.add(texts.get(3)); // duplicate inside the call
        List<float[]> all = embedder.embedAll(texts);
        assertThat(all).hasSize(71);
        assertThat(all.get(70)).containsExactly(all.get(3));
        assertThat(all.get(70)).isNotSameAs(all.get(3));
        assertThat(cosine(all.get(5), embedder.embed(texts.get(5)))).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void longTextIsTruncatedNotRejected() {
        String longText = "memory engines remember decisions and lessons ".repeat(300);
        float[] v = embedder.embed(longText);
        assertThat(v).hasSize(384);
        assertThat(norm(v)).isCloseTo(1.0, within(1e-5));
    }

    @Test
    void deterministicAcrossInstances() {
        String text = "Deterministic embeddings make vector search reproducible";
        try (OnnxEmbedder a = OnnxEmbedder.bgeSmallEnV15Quantized();
                OnnxEmbedder b = OnnxEmbedder.bgeSmallEnV15Quantized()) {
            assertThat(a.embed(text)).containsExactly(b.embed(text), within(1e-6f));
        }
    }

    @Test
    void cacheReturnsEqualDefensiveCopies() {
        String text = "cache me if you can";
        float[] first = embedder.embed(text);
        float[] second = embedder.embed(text);
        assertThat(second).containsExactly(first).isNotSameAs(first);
        float expected = first[0];
        first[0] = 42f;
        assertThat(embedder.embed(text)[0]).isEqualTo(expected);
    }

    @Test
    void concurrentEmbedsAgree() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (OnnxEmbedder shared = OnnxEmbedder.bgeSmallEnV15Quantized()) {
            List<Future<float[]>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> shared.embed("concurrent loading happens once")));
            }
            float[] first = futures.get(0).get();
            for (Future<float[]> f : futures) {
                assertThat(f.get()).containsExactly(first, within(1e-6f));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void closedEmbedderRejectsCalls() {
        OnnxEmbedder e = OnnxEmbedder.bgeSmallEnV15Quantized();
        e.embed("load it first");
        e.close();
        e.close(); // idempotent
        assertThatThrownBy(() -> e.embed("after close")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> e.embed("load it first")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> e.embedAll(List.of("a", "b"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closedBeforeLoadingRejectsCalls() {
        OnnxEmbedder e = OnnxEmbedder.bgeSmallEnV15Quantized();
        e.close();
        assertThatThrownBy(() -> e.embed("never loaded")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void nullTextIsRejected() {
        assertThatThrownBy(() -> embedder.embed(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("text");
        assertThatThrownBy(() -> embedder.embedAll(java.util.Arrays.asList("ok", null)))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("index 1");
    }

    @Test
    void fromFilesWithMissingModelNamesThePath(@TempDir Path dir) throws Exception {
        Path tokenizer = Files.writeString(dir.resolve("tokenizer.json"), "{}");
        Path missing = dir.resolve("no-such-model.onnx");
        assertThatThrownBy(() -> OnnxEmbedder.fromFiles(missing, tokenizer, "m", 384, OnnxEmbedder.Pooling.CLS))
                .isInstanceOf(EmbeddingException.class)
                .hasMessageContaining(missing.toString());
        Path model = Files.write(dir.resolve("model.onnx"), new byte[] {1, 2, 3});
        Path missingTokenizer = dir.resolve("missing-tokenizer.json");
        assertThatThrownBy(() -> OnnxEmbedder.fromFiles(model, missingTokenizer, "m", 384, OnnxEmbedder.Pooling.MEAN))
                .isInstanceOf(EmbeddingException.class)
                .hasMessageContaining(missingTokenizer.toString());
    }

    @Test
    void fromFilesWithInvalidModelFailsOnFirstEmbed(@TempDir Path dir) throws Exception {
        Path model = Files.write(dir.resolve("model.onnx"), new byte[] {1, 2, 3});
        Path tokenizer = extractBundledTokenizer(dir);
        try (OnnxEmbedder e = OnnxEmbedder.fromFiles(model, tokenizer, "broken", 384, OnnxEmbedder.Pooling.CLS)) {
            assertThatThrownBy(() -> e.embed("x"))
                    .isInstanceOf(EmbeddingException.class)
                    .hasMessageContaining(model.toAbsolutePath().toString());
        }
    }

    @Test
    void fromFilesWithMeanPoolingWorks(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("model.onnx");
        try (var in = OnnxEmbedder.class.getClassLoader().getResourceAsStream("bge-small-en-v1.5-q.onnx")) {
            Files.copy(in, model);
        }
        Path tokenizer = extractBundledTokenizer(dir);
        try (OnnxEmbedder mean = OnnxEmbedder.fromFiles(model, tokenizer, "bge-mean", 384, OnnxEmbedder.Pooling.MEAN);
                OnnxEmbedder cls = OnnxEmbedder.fromFiles(model, tokenizer, "bge-cls", 384, OnnxEmbedder.Pooling.CLS)) {
            assertThat(mean.modelName()).isEqualTo("bge-mean");
            List<float[]> batch = mean.embedAll(List.of("tiny", "a much longer text about something else"));
            assertThat(batch.get(0)).hasSize(384);
            assertThat(norm(batch.get(0))).isCloseTo(1.0, within(1e-5));
            assertThat(batch.get(0)).containsExactly(mean.embed("tiny"), within(1e-4f));
            // CLS from files equals the bundled one
            assertThat(cls.embed("The cat sits on the mat"))
                    .containsExactly(embedder.embed("The cat sits on the mat"), within(1e-4f));
            assertThat(cosine(mean.embed("The cat sits on the mat"), cls.embed("The cat sits on the mat")))
                    .isLessThan(0.9999);
        }
    }

    @Test
    void printCalibrationCosines() {
        String[][] pairs = {
            {"I prefer tabs for indentation", "I no longer prefer tabs, use spaces"},
            {"Use PostgreSQL for the main database", "We chose Postgres as our primary DB"},
            {"Use PostgreSQL for the main database", "The office moved from Bern to Zurich"},
            {"how big should the connection pool be", "Set HikariCP maximumPoolSize to 10"},
            {"what is the weather in paris", "Set HikariCP maximumPoolSize to 10"},
            {"indentation preference", "I prefer tabs for indentation"},
            {"indentation preference", "I no longer prefer tabs, use spaces"},
        };
        System.out.println("| text A | text B | cosine |");
        System.out.println("|---|---|---|");
        for (String[] p : pairs) {
            double c = cosine(embedder.embed(p[0]), embedder.embed(p[1]));
            System.out.println(String.format(Locale.ROOT, "| %s | %s | %.4f |", p[0], p[1], c));
            assertThat(c).isBetween(-1.0001, 1.0001);
        }
    }

    private static Path extractBundledTokenizer(Path dir) throws Exception {
        Path tokenizer = dir.resolve("tokenizer.json");
        try (var in = OnnxEmbedder.class.getClassLoader().getResourceAsStream("bge-small-en-v1.5-q-tokenizer.json")) {
            Files.copy(in, tokenizer);
        }
        return tokenizer;
    }

    static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += (double) x * x;
        }
        return Math.sqrt(s);
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
        }
        return dot / (norm(a) * norm(b));
    }
}
