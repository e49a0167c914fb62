package co.omegamax.memory.sqlite.internal;

import co.omegamax.memory.EventType;
import co.omegamax.memory.Memory;
import co.omegamax.memory.MemoryHit;
import co.omegamax.memory.MemoryQuery;
import co.omegamax.memory.QueryMode;
import co.omegamax.memory.QueryResult;
import co.omegamax.memory.spi.ScoreAdjustment;
import co.omegamax.memory.spi.ScoreModifier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Hybrid retrieval. Candidates come from the vector index, from FTS5 (BM25) and, for the fused
 * ranking, from word/tag overlap; all three are fused with reciprocal rank fusion (RRF). RRF is used
 * because cosine similarities and BM25 scores live on unrelated scales: ranks are comparable, raw
 * scores are not, and RRF needs no per-corpus calibration. The fused score is then multiplied by the
 * bounded modifiers of {@link Ranking}. Every candidate, from every source including graph
 * expansion, passes the same SQL filter ({@link MemoryRows#where}), so a filter can never be
 * bypassed.
 */
public final class ReadPath {
    private static final int CANDIDATES = 100;
    /* Untuned: equal weight for meaning and words; overlap is a tie-breaker. Tuning on the test corpus moved
       hybrid recall@5 by at most one query (see docs/benchmarks.md), not worth overfitting for. */
    private static final double W_VECTOR = 1.0;
    private static final double W_BM25 = 1.0;
    private static final double W_OVERLAP = 0.3;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReadPath.class);

    private final EngineContext ctx;
    private final TemporalParser temporal = new TemporalParser();
    private final TermBudget terms = new TermBudget();
    private final List<ScoreModifier> modifiers;
    private final Executor searchThreads;

    /**
     * A read path that applies plug-in score modifiers after the built-in ranking, in order, and runs
     * vector searches on {@code searchThreads}.
     */
    public ReadPath(EngineContext ctx, List<ScoreModifier> modifiers, Executor searchThreads) {
        this.ctx = ctx;
        this.modifiers = List.copyOf(modifiers);
        this.searchThreads = searchThreads;
    }

    private static final class Candidate {
        final MemoryRows.Row row;
        int vectorRank;
        float cosine = Float.NaN;
        int bm25Rank;
        int overlapRank;
        double overlap;
        double score;
        /** Built lazily: only the returned hits' reasons are ever formatted. */
        final List<java.util.function.Supplier<String>> reasons = new ArrayList<>();

        List<String> explain() {
            List<String> out = new ArrayList<>(reasons.size());
            for (java.util.function.Supplier<String> r : reasons) {
                String s = r.get();
                if (!s.isEmpty()) {
                    out.add(s);
                }
            }
            return out;
        }

        Candidate(MemoryRows.Row row) {
            this.row = row;
        }
    }

    /**
     * Runs a query. {@code queryVector} is {@code null} for word-only modes and in degraded mode;
     * otherwise the query embedding, possibly still being computed: the vector search runs on the
     * engine's search threads while this thread ranks words, so on two cores the embedding, the
     * vector scan and BM25 overlap.
     */
    public QueryResult query(MemoryQuery q, CompletableFuture<float[]> queryVector) {
        Instant now = ctx.clock().instant();
        Instant from = q.from();
        Instant to = q.to();
        TemporalParser.Range inferred = null;
        if (from == null && to == null && q.inferTemporal()) {
            inferred = temporal.infer(q.text(), now).orElse(null);
        }
        TemporalParser.Range soft = inferred;
        return ctx.db().read(c -> {
            if (ctx.sync() != null) {
                ctx.sync().catchUp(c);
            }
            MemoryRows.Where where = MemoryRows.where(q, now, true);
            Map<Long, Candidate> byRow = new LinkedHashMap<>();
            Map<Long, Integer> vectorRanks = new HashMap<>();
            Map<Long, Float> cosines = new HashMap<>();
            VectorIndex index = ctx.index();
            CompletableFuture<List<VectorIndex.Hit>> vectorHits = queryVector == null || index == null
                    ? CompletableFuture.completedFuture(List.of())
                    : queryVector.thenApplyAsync(v -> v == null ? List.<VectorIndex.Hit>of()
                            : index.search(v, CANDIDATES, indexFilter(q)), searchThreads);
            Map<Long, Integer> bm25Ranks = new HashMap<>();
            boolean words = q.mode() != QueryMode.SEMANTIC || queryVector == null;
            if (words) {
                String match = q.mode() == QueryMode.PHRASE ? Fts.phrase(q.text())
                        : Fts.anyOf(terms.select(c, new ArrayList<>(Text.words(q.text()))));
                if (match != null) {
                    bm25Ranks = bm25(c, match, where);
                }
            }
            int rank = 1;
            for (VectorIndex.Hit h : join(vectorHits)) {
                vectorRanks.put(h.rowid(), rank++);
                cosines.put(h.rowid(), h.score());
            }
            Set<Long> ids = new LinkedHashSet<>(vectorRanks.keySet());
            ids.addAll(bm25Ranks.keySet());
            Map<Long, MemoryRows.Row> rows = MemoryRows.loadFiltered(c, ids, where);
            float bestCosine = 0;
            for (MemoryRows.Row row : rows.values()) {
                Candidate cand = new Candidate(row);
                cand.vectorRank = vectorRanks.getOrDefault(row.rowid(), 0);
                cand.cosine = cosines.getOrDefault(row.rowid(), Float.NaN);
                cand.bm25Rank = bm25Ranks.getOrDefault(row.rowid(), 0);
                if (cand.vectorRank > 0) {
                    bestCosine = Math.max(bestCosine, cand.cosine);
                }
                // a meaning-only candidate must clear the relevance floor, or it is noise
                if (cand.bm25Rank == 0 && !(cand.cosine >= ctx.settings().abstainThreshold() - 0.05)) {
                    continue;
                }
                byRow.put(row.rowid(), cand);
            }
            if (byRow.isEmpty()) {
                String why = rows.isEmpty() && ids.isEmpty() ? "no memory matches the query's words or meaning"
                        : String.format(Locale.ROOT, "nothing relevant enough (best cosine %.2f < %.2f, no word match)",
                        bestCosine, ctx.settings().abstainThreshold());
                return new QueryResult(List.of(), true, why, from != null ? from : soft == null ? null : soft.from(),
                        to != null ? to : soft == null ? null : soft.to(), ctx.degraded());
            }
            if (q.mode() != QueryMode.SEMANTIC || queryVector == null) {
                rankOverlap(q.text(), byRow.values());
            }
            for (Candidate cand : byRow.values()) {
                score(cand, q, now, soft);
            }
            List<Candidate> ranked = new ArrayList<>(byRow.values());
            ranked.sort(Comparator.comparingDouble((Candidate x) -> x.score).reversed());
            if (q.expandGraph()) {
                expand(c, ranked, byRow, where, q.limit());
                ranked.sort(Comparator.comparingDouble((Candidate x) -> x.score).reversed());
            }
            List<MemoryHit> hits = new ArrayList<>();
            for (Candidate cand : ranked.subList(0, Math.min(q.limit(), ranked.size()))) {
                hits.add(new MemoryHit(cand.row.memory(), cand.score, cand.explain()));
            }
            return new QueryResult(hits, false, null, from != null ? from : soft == null ? null : soft.from(),
                    to != null ? to : soft == null ? null : soft.to(), ctx.degraded());
        });
    }

    /** Waits for a future, rethrowing its failure as it was thrown. */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** The filters the vector index can apply itself; SQL applies all of them again afterwards. */
    static VectorIndex.Filter indexFilter(MemoryQuery q) {
        int mask = 0;
        for (EventType t : q.eventTypes()) {
            mask |= 1 << t.ordinal();
        }
        boolean visibleOnly = !q.includeSuperseded() && !q.includeFlagged();
        return new VectorIndex.Filter(mask, q.scope().workspace(), q.scope().project(), q.agentType(), visibleOnly);
    }

    /**
     * BM25 ranks of the best word matches that pass the filter. Fast path: rank in FTS5 alone (no join),
     * then filter the top rows; only when the filter removed too many does it rank again with the
     * filter joined in, which visits every matching row's table entry.
     */
    private static Map<Long, Integer> bm25(Connection c, String match, MemoryRows.Where where) throws SQLException {
        List<Long> top = new ArrayList<>();
        int fastLimit = CANDIDATES * 3;
        try (PreparedStatement ps = c.prepareStatement("SELECT rowid FROM memories_fts WHERE memories_fts MATCH ? "
                + "ORDER BY bm25(memories_fts, 1.0, 0.5) LIMIT ?")) {
            ps.setString(1, match);
            ps.setInt(2, fastLimit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    top.add(rs.getLong(1));
                }
            }
        }
        Set<Long> admitted = MemoryRows.filterIds(c, top, where);
        Map<Long, Integer> ranks = new LinkedHashMap<>();
        for (Long id : top) {
            if (admitted.contains(id) && ranks.size() < CANDIDATES) {
                ranks.put(id, ranks.size() + 1);
            }
        }
        if (ranks.size() >= CANDIDATES || top.size() < fastLimit) {
            return ranks;
        }
        ranks.clear();
        String sql = "SELECT m.rowid FROM memories_fts f JOIN memories m ON m.rowid = f.rowid "
                + "WHERE memories_fts MATCH ? AND " + where.sql() + " ORDER BY bm25(memories_fts, 1.0, 0.5) LIMIT ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, match);
            int i = MemoryRows.bind(ps, where.params(), 2);
            ps.setInt(i, CANDIDATES);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ranks.put(rs.getLong(1), ranks.size() + 1);
                }
            }
        }
        return ranks;
    }

    private static void rankOverlap(String text, Iterable<Candidate> candidates) {
        Set<String> qwords = Text.words(text);
        if (qwords.isEmpty()) {
            return;
        }
        List<Candidate> withOverlap = new ArrayList<>();
        for (Candidate cand : candidates) {
            Set<String> mw = new LinkedHashSet<>(Text.words(cand.row.memory().content()));
            for (String tag : cand.row.memory().tags()) {
                mw.addAll(Text.words(tag));
            }
            int shared = 0;
            for (String w : qwords) {
                if (mw.contains(w)) {
                    shared++;
                }
            }
            cand.overlap = (double) shared / qwords.size();
            if (shared > 0) {
                withOverlap.add(cand);
            }
        }
        withOverlap.sort(Comparator.comparingDouble((Candidate x) -> x.overlap).reversed());
        for (int i = 0; i < withOverlap.size(); i++) {
            withOverlap.get(i).overlapRank = i + 1;
        }
    }

    private void score(Candidate cand, MemoryQuery q, Instant now, TemporalParser.Range soft) {
        double rrf = 0;
        if (cand.vectorRank > 0) {
            rrf += W_VECTOR / (Ranking.RRF_K + cand.vectorRank);
            cand.reasons.add(() -> String.format(Locale.ROOT, "vector rank %d (cosine %.3f)", cand.vectorRank,
                    cand.cosine));
        }
        if (cand.bm25Rank > 0) {
            rrf += W_BM25 / (Ranking.RRF_K + cand.bm25Rank);
            cand.reasons.add(() -> "bm25 rank " + cand.bm25Rank);
        }
        if (cand.overlapRank > 0) {
            rrf += W_OVERLAP / (Ranking.RRF_K + cand.overlapRank);
            cand.reasons.add(() -> String.format(Locale.ROOT, "word/tag overlap %.0f%%", cand.overlap * 100));
        }
        Memory m = cand.row.memory();
        double score = rrf * 1000;
        for (Ranking.Factor f : List.of(Ranking.type(m), Ranking.priority(m), Ranking.feedback(m),
                Ranking.recency(m, now), Ranking.context(m, q.contextFile(), q.contextTags()))) {
            score *= f.value();
            if (f.value() != 1.0) {
                cand.reasons.add(f.why());
            }
        }
        if (soft != null) {
            boolean inside = !m.validFrom().isBefore(soft.from()) && !m.validFrom().isAfter(soft.to());
            score *= inside ? 1.5 : 0.7;
            String why = inside ? "inside inferred time range x1.50" : "outside inferred time range x0.70";
            cand.reasons.add(() -> why);
        }
        for (ScoreModifier modifier : modifiers) {
            ScoreAdjustment adj;
            try {
                adj = modifier.adjust(m, q, now);
            } catch (RuntimeException e) {
                LOG.warn("score modifier {} failed on memory {}; ignored: {}", modifier.name(), m.id(), e.toString());
                continue;
            }
            if (adj != null && adj.factor() != 1.0) {
                score *= adj.factor();
                ScoreAdjustment a = adj;
                cand.reasons.add(() -> a.reason().isEmpty()
                        ? String.format(Locale.ROOT, "%s x%.2f", modifier.name(), a.factor()) : a.reason());
            }
        }
        cand.score = score;
    }

    private static void expand(Connection c, List<Candidate> ranked, Map<Long, Candidate> byRow,
                               MemoryRows.Where where, int limit) throws SQLException {
        List<Candidate> seeds = new ArrayList<>(ranked.subList(0, Math.min(3, ranked.size())));
        for (Candidate seed : seeds) {
            Map<Long, Double> neighbours = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT target_rowid, weight FROM memory_edges "
                    + "WHERE source_rowid = ? AND kind <> 'SUPERSEDES' UNION SELECT source_rowid, weight "
                    + "FROM memory_edges WHERE target_rowid = ? AND kind <> 'SUPERSEDES'")) {
                ps.setLong(1, seed.row.rowid());
                ps.setLong(2, seed.row.rowid());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (!byRow.containsKey(rs.getLong(1))) {
                            neighbours.merge(rs.getLong(1), rs.getDouble(2), Math::max);
                        }
                    }
                }
            }
            Map<Long, MemoryRows.Row> admitted = MemoryRows.loadFiltered(c, neighbours.keySet(), where);
            for (MemoryRows.Row row : admitted.values()) {
                Candidate cand = new Candidate(row);
                double weight = neighbours.get(row.rowid());
                cand.score = seed.score * 0.5 * weight;
                cand.reasons.add(() -> String.format(Locale.ROOT, "graph neighbour of %s (weight %.2f)",
                        seed.row.memory().id(), weight));
                byRow.put(row.rowid(), cand);
                ranked.add(cand);
            }
        }
    }
}
