package co.omegamax.memory.sqlite.internal;

import co.omegamax.memory.EdgeKind;
import co.omegamax.memory.EventType;
import co.omegamax.memory.InvalidMemoryException;
import co.omegamax.memory.MemoryLimitExceededException;
import co.omegamax.memory.MemoryStatus;
import co.omegamax.memory.NewMemory;
import co.omegamax.memory.Scope;
import co.omegamax.memory.StoreResult;
import co.omegamax.memory.StoreStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The write path: validation, secret blocking, canonical-hash dedup, contradiction handling,
 * semantic and word-overlap dedup, evolution of near-duplicate lessons and decisions, insertion
 * with related-memory edges.
 */
public final class WritePath {
    private static final Set<EventType> CONTRADICTABLE =
            EnumSet.of(EventType.USER_PREFERENCE, EventType.USER_FACT, EventType.DECISION);
    private static final Set<EventType> EVOLVING = EnumSet.of(EventType.LESSON_LEARNED, EventType.DECISION);
    /** Types whose every entry is meaningful on its own: only identical content deduplicates. */
    private static final Set<EventType> EXACT_DEDUP_ONLY =
            EnumSet.of(EventType.CHECKPOINT, EventType.REMINDER, EventType.SESSION_SUMMARY, EventType.OBSERVATION);
    private static final int NEIGHBOURS = 8;

    private final EngineContext ctx;
    private final ContradictionDetector contradictions = new ContradictionDetector();
    private final SecretScanner secrets = new SecretScanner();

    /** A write path over the shared context. */
    public WritePath(EngineContext ctx) {
        this.ctx = ctx;
    }

    /** A neighbour of new content: an existing memory and how close it is. */
    private record Neighbour(MemoryRows.Row row, double cosine, double jaccard) {
    }

    /** Rejects content the engine will never store; returns the blocking reason, if any. */
    public Optional<String> validate(NewMemory m) {
        int length = m.content().length();
        if (length > ctx.settings().maxContentChars()) {
            throw new InvalidMemoryException("memory content is " + length + " characters; the limit is "
                    + ctx.settings().maxContentChars() + ". Split it into smaller memories or summarise it.");
        }
        return secrets.find(m.content()).map(kind -> "content looks like a secret (" + kind
                + "); store a reference to where the secret lives instead");
    }

    /** Stores memories in one transaction; {@code vectors} is null in degraded mode. */
    public List<StoreResult> storeAll(List<NewMemory> memories, List<float[]> vectors) {
        List<Optional<String>> blocked = new ArrayList<>();
        for (NewMemory m : memories) {
            blocked.add(validate(m));
        }
        return ctx.db().write(c -> {
            try {
                if (ctx.sync() != null) {
                    ctx.sync().catchUp(c);
                }
                List<StoreResult> results = new ArrayList<>(memories.size());
                for (int i = 0; i < memories.size(); i++) {
                    if (blocked.get(i).isPresent()) {
                        results.add(new StoreResult(null, StoreStatus.BLOCKED, blocked.get(i).get(), null));
                    } else {
                        results.add(storeOne(c, memories.get(i), vectors == null ? null : vectors.get(i)));
                    }
                }
                return results;
            } catch (RuntimeException | SQLException e) {
                if (ctx.sync() != null) {
                    ctx.sync().invalidate();
                }
                throw e;
            }
        });
    }

    private StoreResult storeOne(Connection c, NewMemory m, float[] vector) throws SQLException {
        Instant now = ctx.clock().instant();
        String canonical = Text.canonical(m.content());
        String canonicalHash = Text.sha256(canonical);
        MemoryRows.Row same = findCanonical(c, canonicalHash, m.scope());
        if (same != null) {
            touch(c, same, m.tags(), now);
            return new StoreResult(same.memory().id(), StoreStatus.DEDUPED,
                    "same content as " + same.memory().id() + " (after normalising case, whitespace and markdown)",
                    null);
        }
        // rowids are distinct positive integers, so MAX(rowid) (O(1)) bounds the count; count exactly near the limit
        long count = IndexSync.scalar(c, "SELECT MAX(rowid) FROM memories");
        if (count >= ctx.settings().maxMemories()) {
            count = IndexSync.scalar(c, "SELECT COUNT(*) FROM memories");
        }
        if (count >= ctx.settings().maxMemories()) {
            throw new MemoryLimitExceededException("the store holds " + count + " memories, the configured limit "
                    + "is " + ctx.settings().maxMemories() + "; purge expired memories, delete old ones or raise "
                    + "EngineSettings.maxMemories");
        }
        List<Neighbour> neighbours = neighbours(c, m, vector);
        Set<String> words = Text.words(m.content());

        if (CONTRADICTABLE.contains(m.eventType())) {
            for (Neighbour n : neighbours) {
                boolean close = vector != null ? n.cosine() >= ctx.settings().contradictionThreshold()
                        : n.jaccard() >= 0.3;
                if (!close || n.row().memory().eventType() != m.eventType()) {
                    continue;
                }
                Optional<String> why = contradictions.contradiction(n.row().memory().content(), m.content());
                if (why.isPresent()) {
                    Inserted inserted = insert(c, m, vector, canonicalHash, now, neighbours);
                    supersede(c, n.row(), inserted, now);
                    return new StoreResult(inserted.id(), StoreStatus.SUPERSEDED,
                            "supersedes " + n.row().memory().id() + ": " + why.get(), n.row().memory().id());
                }
            }
        }
        for (Neighbour n : neighbours) {
            if (n.row().memory().eventType() != m.eventType() || EXACT_DEDUP_ONLY.contains(m.eventType())) {
                continue;
            }
            if (vector != null && n.cosine() >= ctx.settings().semanticDedupThreshold()) {
                touch(c, n.row(), m.tags(), now);
                return new StoreResult(n.row().memory().id(), StoreStatus.DEDUPED,
                        String.format("semantic duplicate of %s (cosine %.3f)", n.row().memory().id(), n.cosine()),
                        null);
            }
            if (n.jaccard() >= ctx.settings().wordDedupThreshold(m.eventType())) {
                touch(c, n.row(), m.tags(), now);
                return new StoreResult(n.row().memory().id(), StoreStatus.DEDUPED,
                        String.format("word-overlap duplicate of %s (jaccard %.2f)", n.row().memory().id(),
                                n.jaccard()), null);
            }
        }
        if (EVOLVING.contains(m.eventType()) && vector != null) {
            for (Neighbour n : neighbours) {
                if (n.row().memory().eventType() == m.eventType() && n.cosine() >= ctx.settings().evolveThreshold()
                        && n.jaccard() >= 0.25) {
                    String evolved = evolve(n.row().memory().content(), m.content());
                    if (evolved == null) {
                        touch(c, n.row(), m.tags(), now);
                        return new StoreResult(n.row().memory().id(), StoreStatus.DEDUPED,
                                "nothing new compared with " + n.row().memory().id(), null);
                    }
                    applyEvolution(c, n.row(), evolved, m.tags(), now);
                    return new StoreResult(n.row().memory().id(), StoreStatus.EVOLVED, String.format(
                            "near-duplicate of %s (cosine %.3f); appended what was new", n.row().memory().id(),
                            n.cosine()), null);
                }
            }
        }
        Inserted inserted = insert(c, m, vector, canonicalHash, now, neighbours);
        return new StoreResult(inserted.id(), StoreStatus.CREATED, words.isEmpty() ? "created (no searchable words)"
                : "created", null);
    }

    private record Inserted(long rowid, String id) {
    }

    private MemoryRows.Row findCanonical(Connection c, String hash, Scope scope) throws SQLException {
        List<MemoryRows.Row> rows = MemoryRows.select(c, "WHERE m.canonical_hash = ? AND m.status = 'ACTIVE' "
                // unary + keeps the planner on the hash index (the scope index matches every local row)
                + "AND +m.workspace IS ? AND +m.project IS ? LIMIT 1", listOf(hash, scope.workspace(), scope.project()));
        return rows.isEmpty() ? null : rows.get(0);
    }

    private List<Neighbour> neighbours(Connection c, NewMemory m, float[] vector) throws SQLException {
        Set<Long> candidates = new LinkedHashSet<>();
        if (vector != null && ctx.index() != null) {
            VectorIndex.Filter f = new VectorIndex.Filter(0, m.scope().workspace(), m.scope().project(), null, true);
            ctx.index().search(vector, NEIGHBOURS, f).forEach(h -> candidates.add(h.rowid()));
        }
        // with a model, meaning finds paraphrases and contradictions; words only need to find near-copies.
        // Without one, contradictions are found by shared words, which needs the broader (slower) OR query.
        // Types that dedup only on identical text use neighbours just for RELATED edges, which need vectors.
        boolean broad = vector == null && CONTRADICTABLE.contains(m.eventType());
        String match = EXACT_DEDUP_ONLY.contains(m.eventType()) ? null
                : broad ? Fts.anyWord(m.content()) : Fts.mostWords(m.content(), 4);
        if (match != null) {
            try (PreparedStatement ps = c.prepareStatement("SELECT f.rowid FROM memories_fts f JOIN memories m ON "
                    + "m.rowid = f.rowid WHERE memories_fts MATCH ? AND m.status = 'ACTIVE' AND m.workspace IS ? "
                    + "AND m.project IS ? ORDER BY bm25(memories_fts) LIMIT ?")) {
                ps.setString(1, match);
                ps.setString(2, m.scope().workspace());
                ps.setString(3, m.scope().project());
                ps.setInt(4, NEIGHBOURS);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        candidates.add(rs.getLong(1));
                    }
                }
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        String scopeSql = "m.status = 'ACTIVE' AND m.workspace IS ? AND m.project IS ?";
        var rows = MemoryRows.loadFiltered(c, candidates,
                new MemoryRows.Where(scopeSql, listOf(m.scope().workspace(), m.scope().project())));
        var stored = vector == null ? java.util.Map.<Long, float[]>of() : loadVectors(c, rows.keySet());
        Set<String> words = Text.words(m.content());
        List<Neighbour> out = new ArrayList<>();
        for (MemoryRows.Row row : rows.values()) {
            float[] v = stored.get(row.rowid());
            double cos = v == null ? 0 : Vectors.cosine(vector, v);
            out.add(new Neighbour(row, cos, Text.jaccard(words, Text.words(row.memory().content()))));
        }
        out.sort(Comparator.comparingDouble((Neighbour n) -> Math.max(n.cosine(), n.jaccard())).reversed());
        return out;
    }

    /** Exact float vectors of the given rows for the current model. */
    public java.util.Map<Long, float[]> loadVectors(Connection c, Set<Long> rowids) throws SQLException {
        java.util.Map<Long, float[]> out = new java.util.HashMap<>();
        if (rowids.isEmpty() || ctx.embedder() == null) {
            return out;
        }
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < rowids.size(); i++) {
            in.append(i == 0 ? "?" : ",?");
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT memory_rowid, vector FROM memory_vectors WHERE model = ? "
                + "AND memory_rowid IN (" + in + ")")) {
            ps.setString(1, ctx.embedder().modelName());
            int i = 2;
            for (Long id : rowids) {
                ps.setLong(i++, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), Vectors.fromBlob(rs.getBytes(2)));
                }
            }
        }
        return out;
    }

    private Inserted insert(Connection c, NewMemory m, float[] vector, String canonicalHash, Instant now,
                            List<Neighbour> neighbours) throws SQLException {
        String id = UUID.randomUUID().toString();
        Instant validFrom = m.validFrom() != null ? m.validFrom() : now;
        Long expires = m.eventType().ttl().duration().map(d -> now.plus(d).toEpochMilli()).orElse(null);
        long rowid;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO memories (id, content, canonical_hash, "
                + "content_hash, event_type, tags, metadata, session_id, agent_type, entity_id, workspace, project, "
                + "priority, created_at, updated_at, access_count, status, valid_from, expires_at) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0,'ACTIVE',?,?)")) {
            ps.setString(1, id);
            ps.setString(2, m.content());
            ps.setString(3, canonicalHash);
            ps.setString(4, Text.sha256(m.content()));
            ps.setString(5, m.eventType().wireName());
            ps.setString(6, Json.write(m.tags()));
            ps.setString(7, Json.write(m.metadata()));
            ps.setString(8, m.sessionId());
            ps.setString(9, m.agentType());
            ps.setString(10, m.entityId());
            ps.setString(11, m.scope().workspace());
            ps.setString(12, m.scope().project());
            ps.setInt(13, m.effectivePriority());
            ps.setLong(14, now.toEpochMilli());
            ps.setLong(15, now.toEpochMilli());
            ps.setLong(16, validFrom.toEpochMilli());
            ps.setObject(17, expires);
            ps.executeUpdate();
        }
        rowid = IndexSync.scalar(c, "SELECT last_insert_rowid()");
        writeTags(c, rowid, m.tags());
        if (vector != null) {
            writeVector(c, rowid, vector);
            ctx.index().upsert(rowid, vector, new VectorIndex.Attrs(m.eventType().ordinal(), m.scope().workspace(),
                    m.scope().project(), m.agentType(), true));
            int linked = 0;
            for (Neighbour n : neighbours) {
                if (linked >= ctx.settings().relatedEdges()) {
                    break;
                }
                if (n.cosine() >= ctx.settings().relatedThreshold()) {
                    addEdge(c, rowid, n.row().rowid(), EdgeKind.RELATED, n.cosine(), now);
                    linked++;
                }
            }
        }
        return new Inserted(rowid, id);
    }

    /** Writes (or replaces) the vector of a row. */
    public void writeVector(Connection c, long rowid, float[] vector) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO memory_vectors (memory_rowid, model, dim, vector) "
                + "VALUES (?,?,?,?) ON CONFLICT(memory_rowid) DO UPDATE SET model = excluded.model, "
                + "dim = excluded.dim, vector = excluded.vector")) {
            ps.setLong(1, rowid);
            ps.setString(2, ctx.embedder().modelName());
            ps.setInt(3, vector.length);
            ps.setBytes(4, Vectors.toBlob(vector));
            ps.executeUpdate();
        }
    }

    /** Replaces the tags of a row (JSON column and tag table). */
    public static void writeTags(Connection c, long rowid, List<String> tags) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM memory_tags WHERE memory_rowid = ?")) {
            del.setLong(1, rowid);
            del.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO memory_tags (memory_rowid, tag) VALUES (?,?)")) {
            for (String tag : tags) {
                ps.setLong(1, rowid);
                ps.setString(2, tag);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static void addEdge(Connection c, long source, long target, EdgeKind kind, double weight, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO memory_edges (source_rowid, target_rowid, "
                + "kind, weight, created_at) VALUES (?,?,?,?,?)")) {
            ps.setLong(1, source);
            ps.setLong(2, target);
            ps.setString(3, kind.name());
            ps.setDouble(4, Math.max(0, Math.min(1, weight)));
            ps.setLong(5, now.toEpochMilli());
            ps.executeUpdate();
        }
    }

    private void touch(Connection c, MemoryRows.Row row, List<String> newTags, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE memories SET access_count = access_count + 1, "
                + "last_accessed_at = ? WHERE rowid = ?")) {
            ps.setLong(1, now.toEpochMilli());
            ps.setLong(2, row.rowid());
            ps.executeUpdate();
        }
        mergeTags(c, row, newTags, now);
    }

    private void mergeTags(Connection c, MemoryRows.Row row, List<String> newTags, Instant now) throws SQLException {
        Set<String> merged = new LinkedHashSet<>(row.memory().tags());
        if (!merged.addAll(newTags)) {
            return;
        }
        List<String> tags = List.copyOf(merged);
        try (PreparedStatement ps = c.prepareStatement("UPDATE memories SET tags = ?, updated_at = ? WHERE rowid = ?")) {
            ps.setString(1, Json.write(tags));
            ps.setLong(2, now.toEpochMilli());
            ps.setLong(3, row.rowid());
            ps.executeUpdate();
        }
        writeTags(c, row.rowid(), tags);
    }

    private void supersede(Connection c, MemoryRows.Row old, Inserted by, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE memories SET status = ?, superseded_by = ?, "
                + "valid_until = ?, updated_at = ? WHERE rowid = ?")) {
            ps.setString(1, MemoryStatus.SUPERSEDED.name());
            ps.setString(2, by.id());
            ps.setLong(3, now.toEpochMilli());
            ps.setLong(4, now.toEpochMilli());
            ps.setLong(5, old.rowid());
            ps.executeUpdate();
        }
        addEdge(c, by.rowid(), old.rowid(), EdgeKind.SUPERSEDES, 1.0, now);
        if (ctx.index() != null) {
            Scope s = old.memory().scope();
            ctx.index().updateAttrs(old.rowid(), new VectorIndex.Attrs(old.memory().eventType().ordinal(),
                    s.workspace(), s.project(), old.memory().agentType(), false));
        }
    }

    /** The older content plus the sentences of the newer one it lacks, or {@code null} if nothing is new. */
    static String evolve(String older, String newer) {
        Set<String> known = new LinkedHashSet<>();
        for (String s : Text.sentences(older)) {
            known.add(Text.canonical(s));
        }
        Set<String> olderWords = Text.words(older);
        StringBuilder out = new StringBuilder(older.strip());
        boolean added = false;
        for (String s : Text.sentences(newer)) {
            Set<String> w = Text.words(s);
            if (known.contains(Text.canonical(s)) || olderWords.containsAll(w)) {
                continue;
            }
            char last = out.charAt(out.length() - 1);
            out.append(".!?".indexOf(last) >= 0 ? " " : ". ").append(s);
            added = true;
        }
        return added ? out.toString() : null;
    }

    private void applyEvolution(Connection c, MemoryRows.Row row, String content, List<String> newTags, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE memories SET content = ?, canonical_hash = ?, "
                + "content_hash = ?, updated_at = ?, access_count = access_count + 1, last_accessed_at = ? "
                + "WHERE rowid = ?")) {
            ps.setString(1, content);
            ps.setString(2, Text.sha256(Text.canonical(content)));
            ps.setString(3, Text.sha256(content));
            ps.setLong(4, now.toEpochMilli());
            ps.setLong(5, now.toEpochMilli());
            ps.setLong(6, row.rowid());
            ps.executeUpdate();
        }
        mergeTags(c, row, newTags, now);
        float[] v = ctx.embed(content);
        if (v != null) {
            writeVector(c, row.rowid(), v);
            ctx.sync().reload(c, row.rowid());
        }
    }

    static List<Object> listOf(Object... values) {
        List<Object> out = new ArrayList<>(values.length);
        for (Object v : values) {
            out.add(v);
        }
        return out;
    }
}
