package co.omegamax.memory;

import java.util.Objects;
import java.util.Optional;

/**
 * Outcome of storing one memory.
 *
 * @param id full id of the memory that now holds the content; {@code null} only when {@link StoreStatus#BLOCKED}
 * @param status what happened
 * @param reason human-readable explanation (which memory it matched, and by what)
 * @param relatedId the other memory involved: the one superseded, or {@code null}
 */
public record StoreResult(String id, StoreStatus status, String reason, String relatedId) {

    /** Checks the invariants. */
    public StoreResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        if (id == null && status != StoreStatus.BLOCKED) {
            throw new IllegalArgumentException("only a BLOCKED result may lack an id");
        }
    }

    /** The other memory involved, if any. */
    public Optional<String> related() {
        return Optional.ofNullable(relatedId);
    }
}
