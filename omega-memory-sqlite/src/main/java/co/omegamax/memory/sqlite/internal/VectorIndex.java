package co.omegamax.memory.sqlite.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * In-process vector index: int8-quantised vectors scanned exactly up to {@link #EXACT_SCAN_LIMIT}
 * entries; above that a 1-bit (sign) code of every vector is scanned by Hamming distance to pick a
 * shortlist, which is then re-scored with the int8 vectors. Each entry carries the attributes that
 * filters use most (type, workspace, project, agent type, visibility), so filtered searches never
 * spend the shortlist on excluded memories.
 *
 * <p>Why not HNSW: a flat scan needs no tuning, supports deletes and filters exactly, and a
 * bit-code pre-selection keeps 1M vectors under the latency target on two cores with 4% of the
 * memory of float vectors for the coarse pass (see docs/benchmarks.md).
 */
public final class VectorIndex {
    /** Up to this many entries every vector is scored exactly (int8); above, a shortlist of 1% (at least 1,000). */
    public static final int EXACT_SCAN_LIMIT = 20_000;
    private static final int SHORTLIST = 1_000;

    private final int dim;
    private final int words;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<Long, Integer> slotOf = new HashMap<>();
    private final Map<String, Integer> interned = new HashMap<>();
    private int size;
    private int live;
    private long[] rowids = new long[0];
    private long[] bits = new long[0];
    private byte[] codes = new byte[0];
    private float[] scales = new float[0];
    private byte[] types = new byte[0];
    private int[] workspaces = new int[0];
    private int[] projects = new int[0];
    private int[] agents = new int[0];
    private boolean[] visible = new boolean[0];

    /** Attributes of an entry used by filters. */
    public record Attrs(int typeOrdinal, String workspace, String project, String agentType, boolean visible) {
    }

    /** A search filter; {@code null} strings mean "any". */
    public record Filter(int typeMask, String workspace, String project, String agentType, boolean visibleOnly) {
        /** Matches every visible entry. */
        public static final Filter VISIBLE = new Filter(0, null, null, null, true);
    }

    /** A search hit: the memory row and its approximate cosine similarity. */
    public record Hit(long rowid, float score) {
    }

    /** An empty index for vectors of {@code dim} dimensions. */
    public VectorIndex(int dim) {
        if (dim <= 0) {
            throw new IllegalArgumentException("dimension must be positive");
        }
        this.dim = dim;
        this.words = (dim + 63) / 64;
    }

    /** Number of live entries. */
    public int size() {
        lock.readLock().lock();
        try {
            return live;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Removes every entry. */
    public void clear() {
        lock.writeLock().lock();
        try {
            slotOf.clear();
            size = 0;
            live = 0;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Adds or replaces the vector and attributes of a memory row. */
    public void upsert(long rowid, float[] vector, Attrs attrs) {
        if (vector.length != dim) {
            throw new IllegalArgumentException("vector has " + vector.length + " dimensions, index has " + dim);
        }
        lock.writeLock().lock();
        try {
            Integer existing = slotOf.get(rowid);
            int slot;
            if (existing != null) {
                slot = existing;
            } else {
                slot = size++;
                ensureCapacity(size);
                slotOf.put(rowid, slot);
                live++;
            }
            rowids[slot] = rowid;
            encode(vector, slot);
            setAttrs(slot, attrs);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Updates only the attributes of a row; no-op when the row has no vector. */
    public void updateAttrs(long rowid, Attrs attrs) {
        lock.writeLock().lock();
        try {
            Integer slot = slotOf.get(rowid);
            if (slot != null) {
                setAttrs(slot, attrs);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void setAttrs(int slot, Attrs attrs) {
        types[slot] = (byte) attrs.typeOrdinal();
        workspaces[slot] = intern(attrs.workspace());
        projects[slot] = intern(attrs.project());
        agents[slot] = intern(attrs.agentType());
        visible[slot] = attrs.visible();
    }

    /** Removes a row; the slot is reused by compaction when a quarter of slots are dead. */
    public void remove(long rowid) {
        lock.writeLock().lock();
        try {
            Integer slot = slotOf.remove(rowid);
            if (slot != null) {
                rowids[slot] = -1;
                visible[slot] = false;
                live--;
                if (size > 1024 && live < size * 3 / 4) {
                    compact();
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** True when the row has a vector in the index. */
    public boolean contains(long rowid) {
        lock.readLock().lock();
        try {
            return slotOf.containsKey(rowid);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The {@code k} best entries for a unit query vector among those the filter admits, best first. */
    public List<Hit> search(float[] query, int k, Filter filter) {
        return search(query, k, filter, false);
    }

    /**
     * Like {@link #search(float[], int, Filter)}; with {@code exhaustive} every admitted entry is scored
     * exactly, without the bit-code shortlist (used to measure the shortlist's recall).
     */
    public List<Hit> search(float[] query, int k, Filter filter, boolean exhaustive) {
        if (query.length != dim) {
            throw new IllegalArgumentException("query has " + query.length + " dimensions, index has " + dim);
        }
        lock.readLock().lock();
        try {
            int[] candidates = admitted(filter);
            if (!exhaustive && candidates.length > EXACT_SCAN_LIMIT) {
                candidates = shortlist(query, candidates, Math.max(Math.max(SHORTLIST, k * 20),
                        candidates.length / 100));
            }
            return topK(query, candidates, k);
        } finally {
            lock.readLock().unlock();
        }
    }

    private int[] admitted(Filter f) {
        int ws = lookup(f.workspace());
        int pr = lookup(f.project());
        int ag = lookup(f.agentType());
        if (ws == -2 || pr == -2 || ag == -2) {
            return new int[0];
        }
        int[] out = new int[size];
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (rowids[i] < 0 || (f.visibleOnly() && !visible[i])) {
                continue;
            }
            if (f.typeMask() != 0 && (f.typeMask() & (1 << types[i])) == 0) {
                continue;
            }
            if ((ws >= 0 && workspaces[i] != ws) || (pr >= 0 && projects[i] != pr) || (ag >= 0 && agents[i] != ag)) {
                continue;
            }
            out[n++] = i;
        }
        return Arrays.copyOf(out, n);
    }

    private int[] shortlist(float[] query, int[] candidates, int m) {
        long[] qbits = new long[words];
        for (int d = 0; d < dim; d++) {
            if (query[d] > 0) {
                qbits[d >>> 6] |= 1L << (d & 63);
            }
        }
        int[] dist = new int[candidates.length];
        int[] histogram = new int[dim + 1];
        for (int c = 0; c < candidates.length; c++) {
            int base = candidates[c] * words;
            int h = 0;
            for (int w = 0; w < words; w++) {
                h += Long.bitCount(bits[base + w] ^ qbits[w]);
            }
            dist[c] = h;
            histogram[h]++;
        }
        int cutoff = 0;
        for (int cumulative = 0; cutoff <= dim; cutoff++) {
            cumulative += histogram[cutoff];
            if (cumulative >= m) {
                break;
            }
        }
        int[] out = new int[Math.min(candidates.length, m)];
        int n = 0;
        for (int pass = 0; pass < 2 && n < out.length; pass++) {
            for (int c = 0; c < candidates.length && n < out.length; c++) {
                boolean take = pass == 0 ? dist[c] < cutoff : dist[c] == cutoff;
                if (take) {
                    out[n++] = candidates[c];
                }
            }
        }
        return Arrays.copyOf(out, n);
    }

    private List<Hit> topK(float[] query, int[] candidates, int k) {
        int keep = Math.min(k, candidates.length);
        float[] bestScore = new float[keep];
        int[] bestSlot = new int[keep];
        int filled = 0;
        for (int slot : candidates) {
            int base = slot * dim;
            float dot = 0;
            for (int d = 0; d < dim; d++) {
                dot += query[d] * codes[base + d];
            }
            float score = dot * scales[slot];
            if (filled < keep) {
                int pos = filled++;
                while (pos > 0 && bestScore[pos - 1] < score) {
                    bestScore[pos] = bestScore[pos - 1];
                    bestSlot[pos] = bestSlot[pos - 1];
                    pos--;
                }
                bestScore[pos] = score;
                bestSlot[pos] = slot;
            } else if (keep > 0 && score > bestScore[keep - 1]) {
                int pos = keep - 1;
                while (pos > 0 && bestScore[pos - 1] < score) {
                    bestScore[pos] = bestScore[pos - 1];
                    bestSlot[pos] = bestSlot[pos - 1];
                    pos--;
                }
                bestScore[pos] = score;
                bestSlot[pos] = slot;
            }
        }
        List<Hit> hits = new ArrayList<>(filled);
        for (int i = 0; i < filled; i++) {
            hits.add(new Hit(rowids[bestSlot[i]], bestScore[i]));
        }
        return hits;
    }

    private void encode(float[] v, int slot) {
        float max = 0;
        for (float x : v) {
            max = Math.max(max, Math.abs(x));
        }
        float scale = max == 0 ? 1 : max / 127f;
        int base = slot * dim;
        for (int d = 0; d < dim; d++) {
            codes[base + d] = (byte) Math.round(v[d] / scale);
        }
        scales[slot] = scale;
        int bbase = slot * words;
        Arrays.fill(bits, bbase, bbase + words, 0L);
        for (int d = 0; d < dim; d++) {
            if (v[d] > 0) {
                bits[bbase + (d >>> 6)] |= 1L << (d & 63);
            }
        }
    }

    private void ensureCapacity(int needed) {
        if (needed <= rowids.length) {
            return;
        }
        int capacity = Math.max(needed, Math.max(16, rowids.length + (rowids.length >> 1)));
        rowids = Arrays.copyOf(rowids, capacity);
        bits = Arrays.copyOf(bits, capacity * words);
        codes = Arrays.copyOf(codes, capacity * dim);
        scales = Arrays.copyOf(scales, capacity);
        types = Arrays.copyOf(types, capacity);
        workspaces = Arrays.copyOf(workspaces, capacity);
        projects = Arrays.copyOf(projects, capacity);
        agents = Arrays.copyOf(agents, capacity);
        visible = Arrays.copyOf(visible, capacity);
    }

    private void compact() {
        int to = 0;
        for (int from = 0; from < size; from++) {
            if (rowids[from] < 0) {
                continue;
            }
            if (from != to) {
                rowids[to] = rowids[from];
                System.arraycopy(bits, from * words, bits, to * words, words);
                System.arraycopy(codes, from * dim, codes, to * dim, dim);
                scales[to] = scales[from];
                types[to] = types[from];
                workspaces[to] = workspaces[from];
                projects[to] = projects[from];
                agents[to] = agents[from];
                visible[to] = visible[from];
                slotOf.put(rowids[to], to);
            }
            to++;
        }
        size = to;
    }

    private int intern(String value) {
        if (value == null) {
            return 0;
        }
        return interned.computeIfAbsent(value, v -> interned.size() + 1);
    }

    /** -1: any; -2: a value no entry has; otherwise the interned id. */
    private int lookup(String value) {
        if (value == null) {
            return -1;
        }
        Integer id = interned.get(value);
        return id == null ? -2 : id;
    }

    /** Approximate heap bytes used by the vectors and attributes. */
    public long approximateBytes() {
        lock.readLock().lock();
        try {
            long perEntry = 8L + words * 8L + dim + 4 + 1 + 12 + 1;
            return rowids.length * perEntry + slotOf.size() * 64L;
        } finally {
            lock.readLock().unlock();
        }
    }
}
