package co.omegamax.platform.sync.internal;

import co.omegamax.memory.Memory;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A local memory as queued in the outbox: plain fields only, so the outbox format does not follow every change
 * of the memory model.
 *
 * @param id            local id (kept on the platform)
 * @param content       text
 * @param eventType     event type wire name
 * @param tags          tags
 * @param metadata      local string metadata
 * @param sessionId     session, or null
 * @param agentType     agent kind, or null
 * @param entityId      entity, or null
 * @param priority      1..5
 * @param status        lifecycle status (lower case)
 * @param createdAt     creation time
 * @param updatedAt     last local change
 * @param validFrom     start of validity, or null
 * @param validUntil    end of validity, or null
 * @param supersededBy  replacing memory, or null
 * @param expiresAt     TTL end, or null
 * @param feedbackScore feedback sum
 * @param flagged       marked wrong by feedback
 */
public record MemorySnapshot(String id, String content, String eventType, List<String> tags,
                             Map<String, String> metadata, String sessionId, String agentType, String entityId,
                             int priority, String status, Instant createdAt, Instant updatedAt, Instant validFrom,
                             Instant validUntil, String supersededBy, Instant expiresAt, int feedbackScore,
                             boolean flagged) {

    /** @return the snapshot of a memory */
    public static MemorySnapshot of(Memory m) {
        return new MemorySnapshot(m.id(), m.content(), m.eventType().wireName(), m.tags(), m.metadata(),
                m.sessionId(), m.agentType(), m.entityId(), m.priority(),
                m.status().name().toLowerCase(java.util.Locale.ROOT), m.createdAt(), m.updatedAt(), m.validFrom(),
                m.validUntil(), m.supersededBy(), m.expiresAt(), m.feedbackScore(), m.flagged());
    }
}
