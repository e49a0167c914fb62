package co.omegamax.memory.sqlite.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VectorIndexTest {
    private static final int DIM = 64;

    @Test
    void exactScanFindsTheNearestVector() {
        VectorIndex index = new VectorIndex(DIM);
        Random r = new Random(1);
        float[][] vs = new float[200][];
        for (int i = 0; i < vs.length; i++) {
            vs[i] = unit(r);
            index.upsert(i, vs[i], attrs(0, "ws", true));
        }
        List<VectorIndex.Hit> hits = index.search(vs[17], 3, VectorIndex.Filter.VISIBLE);
        assertThat(hits.get(0).rowid()).isEqualTo(17);
        assertThat(hits.get(0).score()).isBetween(0.98f, 1.02f);
        assertThat(hits.get(0).score()).isGreaterThanOrEqualTo(hits.get(1).score());
    }

    @Test
    void bitCodeShortlistKeepsRecallAboveTheExactScanLimit() {
        VectorIndex index = new VectorIndex(DIM);
        Random r = new Random(2);
        float[][] centres = new float[300][];
        for (int c = 0; c < centres.length; c++) {
            centres[c] = unit(r);
        }
        int n = VectorIndex.EXACT_SCAN_LIMIT * 2;
        for (int i = 0; i < n; i++) {
            index.upsert(i, noisy(centres[i % centres.length], r), attrs(0, null, true));
        }
        double recall = 0;
        int queries = 40;
        for (int q = 0; q < queries; q++) {
            float[] query = noisy(centres[r.nextInt(centres.length)], r);
            Set<Long> exact = new HashSet<>();
            index.search(query, 10, VectorIndex.Filter.VISIBLE, true).forEach(h -> exact.add(h.rowid()));
            recall += index.search(query, 10, VectorIndex.Filter.VISIBLE).stream()
                    .filter(h -> exact.contains(h.rowid())).count() / 10.0;
        }
        assertThat(recall / queries).isGreaterThan(0.9);
    }

    @Test
    void filtersAreAppliedInsideTheScan() {
        VectorIndex index = new VectorIndex(DIM);
        Random r = new Random(3);
        float[] v = unit(r);
        index.upsert(1, v, attrs(2, "a", true));
        index.upsert(2, v, attrs(2, "b", true));
        index.upsert(3, v, attrs(5, "a", true));
        index.upsert(4, v, attrs(2, "a", false));
        assertThat(index.search(v, 10, new VectorIndex.Filter(1 << 2, "a", null, null, true)))
                .extracting(VectorIndex.Hit::rowid).containsExactly(1L);
        assertThat(index.search(v, 10, new VectorIndex.Filter(0, "never-seen", null, null, true))).isEmpty();
        assertThat(index.search(v, 10, new VectorIndex.Filter(0, "a", null, null, false)))
                .extracting(VectorIndex.Hit::rowid).containsExactlyInAnyOrder(1L, 3L, 4L);
    }

    @Test
    void removeAndCompactKeepTheRest() {
        VectorIndex index = new VectorIndex(DIM);
        Random r = new Random(4);
        float[][] vs = new float[3000][];
        for (int i = 0; i < vs.length; i++) {
            vs[i] = unit(r);
            index.upsert(i, vs[i], attrs(0, null, true));
        }
        for (int i = 0; i < 2000; i++) {
            index.remove(i);
        }
        assertThat(index.size()).isEqualTo(1000);
        assertThat(index.contains(5)).isFalse();
        assertThat(index.search(vs[2500], 1, VectorIndex.Filter.VISIBLE).get(0).rowid()).isEqualTo(2500);
        assertThatThrownBy(() -> index.upsert(1, new float[DIM + 1], attrs(0, null, true)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static VectorIndex.Attrs attrs(int type, String ws, boolean visible) {
        return new VectorIndex.Attrs(type, ws, null, null, visible);
    }

    private static float[] unit(Random r) {
        float[] v = new float[DIM];
        for (int d = 0; d < DIM; d++) {
            v[d] = (float) r.nextGaussian();
        }
        return normalise(v);
    }

    private static float[] noisy(float[] base, Random r) {
        float[] v = base.clone();
        for (int d = 0; d < DIM; d++) {
            v[d] += (float) (r.nextGaussian() * 0.5 / Math.sqrt(DIM));
        }
        return normalise(v);
    }

    private static float[] normalise(float[] v) {
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        float inv = (float) (1 / Math.sqrt(n));
        for (int d = 0; d < v.length; d++) {
            v[d] *= inv;
        }
        return v;
    }
}
