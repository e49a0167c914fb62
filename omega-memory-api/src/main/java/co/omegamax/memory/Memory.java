package co.omegamax.memory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One stored memory, as read back from the engine. Immutable.
 *
 * @param id full, stable identifier
 * @param content the text
 * @param eventType kind of memory
 * @param tags lower-case tags, in the order given
 * @param metadata free-form string metadata
 * @param sessionId session that stored it, or {@code null}
 * @param agentType kind of agent that stored it (e.g. {@code claude-code}), or {@code null}
 * @param entityId entity it is about (a person, company, repository), or {@code null}
 * @param scope workspace and project it belongs to
 * @param priority 1 (lowest) to 5 (highest)
 * @param createdAt when it was stored
 * @param updatedAt when it last changed
 * @param lastAccessedAt when it was last returned by a query or read, or {@code null}
 * @param accessCount how often it was stored again (deduplicated) or read
 * @param status lifecycle state
 * @param validFrom start of the time the content refers to (defaults to {@code createdAt})
 * @param validUntil end of the validity window, set when the memory was superseded; {@code null} while open
 * @param supersededBy id of the memory that replaced it, or {@code null}
 * @param expiresAt when its TTL runs out, or {@code null} for permanent memories
 * @param feedbackScore sum of feedback (helpful +1, unhelpful -1, outdated -2)
 * @param flagged true when feedback marked it as wrong; flagged memories are hidden from queries
 */
public record Memory(
        String id,
        String content,
        EventType eventType,
        List<String> tags,
        Map<String, String> metadata,
        String sessionId,
        String agentType,
        String entityId,
        Scope scope,
        int priority,
        Instant createdAt,
        Instant updatedAt,
        Instant lastAccessedAt,
        long accessCount,
        MemoryStatus status,
        Instant validFrom,
        Instant validUntil,
        String supersededBy,
        Instant expiresAt,
        int feedbackScore,
        boolean flagged) {

    /** Copies the collections so the record stays immutable. */
    public Memory {
        tags = List.copyOf(tags);
        metadata = Map.copyOf(metadata);
    }

    /** The validity window's end, if closed. */
    public Optional<Instant> validUntilTime() {
        return Optional.ofNullable(validUntil);
    }

    /** The replacing memory's id, if superseded. */
    public Optional<String> supersededById() {
        return Optional.ofNullable(supersededBy);
    }

    /** True when the TTL ran out at {@code now}. */
    public boolean isExpired(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }
}
