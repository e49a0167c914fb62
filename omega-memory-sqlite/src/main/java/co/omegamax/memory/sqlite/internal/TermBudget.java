package co.omegamax.memory.sqlite.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bounds the work of a BM25 query. FTS5 scores every document that contains any query word, so a
 * word found in a large share of the store (its IDF, and so its weight in BM25, is near zero) would
 * make a query cost O(store size). This keeps the rarest words whose posting lists fit a budget, and
 * always the rarest one. Document frequencies are cached and forgotten when the store grows by 10%.
 */
public final class TermBudget {
    /** Most postings one query may score. */
    public static final int POSTINGS_BUDGET = 10_000;

    private final Map<String, Long> documentFrequency = new ConcurrentHashMap<>();
    private volatile long sizeAtReset = -1;

    /** The words worth searching for, rarest first. */
    public List<String> select(Connection c, List<String> words) throws SQLException {
        long size = IndexSync.scalar(c, "SELECT MAX(rowid) FROM memories");
        if (sizeAtReset < 0 || size > sizeAtReset * 1.1 + 100 || size < sizeAtReset) {
            documentFrequency.clear();
            sizeAtReset = size;
        }
        List<String> byRarity = new ArrayList<>(words);
        for (String w : words) {
            if (!documentFrequency.containsKey(w)) {
                documentFrequency.put(w, count(c, w));
            }
        }
        byRarity.sort(Comparator.comparingLong(documentFrequency::get));
        List<String> chosen = new ArrayList<>();
        long postings = 0;
        for (String w : byRarity) {
            long df = documentFrequency.get(w);
            if (df == 0) {
                continue;
            }
            if (!chosen.isEmpty() && postings + df > POSTINGS_BUDGET) {
                break;
            }
            chosen.add(w);
            postings += df;
        }
        return chosen;
    }

    private static long count(Connection c, String word) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM memories_fts WHERE memories_fts MATCH ?")) {
            ps.setString(1, Fts.term(word));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }
}
