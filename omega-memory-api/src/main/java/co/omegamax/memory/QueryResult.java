package co.omegamax.memory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Result of a query.
 *
 * @param hits best first
 * @param abstained true when nothing matched well enough to be worth returning
 * @param abstainReason why the engine abstained, or {@code null}
 * @param from start of the time range used (given or inferred), or {@code null}
 * @param to end of the time range used, or {@code null}
 * @param degraded true when the engine ran without an embedding model (words only)
 */
public record QueryResult(List<MemoryHit> hits, boolean abstained, String abstainReason, Instant from, Instant to,
                          boolean degraded) {

    /** Copies the hits. */
    public QueryResult {
        hits = List.copyOf(hits);
    }

    /** The hits' memories, best first. */
    public List<Memory> memories() {
        return hits.stream().map(MemoryHit::memory).toList();
    }

    /** The best hit, if any. */
    public Optional<MemoryHit> top() {
        return hits.isEmpty() ? Optional.empty() : Optional.of(hits.get(0));
    }
}
