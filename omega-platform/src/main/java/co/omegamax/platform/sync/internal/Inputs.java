package co.omegamax.platform.sync.internal;

import co.omegamax.platform.spi.CoordinationEvent;
import co.omegamax.platform.spi.CoordinationEventInput;
import co.omegamax.platform.spi.Handoff;
import co.omegamax.platform.spi.HandoffInput;
import co.omegamax.platform.spi.MemoryInput;
import co.omegamax.platform.spi.MemoryRecord;
import co.omegamax.platform.spi.Message;
import co.omegamax.platform.spi.MessageInput;
import co.omegamax.platform.spi.SessionInput;
import co.omegamax.platform.spi.Task;
import co.omegamax.platform.spi.TaskInput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the target's input records from queued payloads, tagged with the resolved workspace and project.
 * Their constructors validate, so a record the target would reject fails here with InvalidInputException.
 */
final class Inputs {
    /** Metadata key holding the local engine's fields that MemoryInput has no column for. */
    static final String ENGINE_KEY = "omega";
    private static final int MAX_TAGS = 50;
    private static final int MAX_TAG_LENGTH = 64;

    private Inputs() {
    }

    static MemoryInput memory(MemorySnapshot m, ScopeResolver.Resolved where) {
        Map<String, Object> metadata = new LinkedHashMap<>(m.metadata() == null ? Map.of() : m.metadata());
        Map<String, Object> engine = new LinkedHashMap<>();
        put(engine, "priority", (long) m.priority());
        put(engine, "status", m.status());
        put(engine, "sessionId", m.sessionId());
        put(engine, "agentType", m.agentType());
        put(engine, "entityId", m.entityId());
        put(engine, "updatedAt", m.updatedAt());
        put(engine, "validFrom", m.validFrom());
        put(engine, "validUntil", m.validUntil());
        put(engine, "supersededBy", m.supersededBy());
        put(engine, "expiresAt", m.expiresAt());
        put(engine, "feedbackScore", (long) m.feedbackScore());
        put(engine, "flagged", m.flagged());
        metadata.put(ENGINE_KEY, engine);
        return new MemoryInput(m.id(), where.workspaceId(), where.projectId(), m.eventType(), null, m.content(),
                tags(m.tags()), metadata, m.createdAt());
    }

    static MemoryInput superseded(MemoryRecord old, String newId) {
        Map<String, Object> metadata = new LinkedHashMap<>(old.metadata());
        Map<String, Object> engine = new LinkedHashMap<>();
        if (metadata.get(ENGINE_KEY) instanceof Map<?, ?> existing) {
            existing.forEach((k, v) -> engine.put(String.valueOf(k), v));
        }
        engine.put("status", "superseded");
        engine.put("supersededBy", newId);
        metadata.put(ENGINE_KEY, engine);
        return new MemoryInput(old.id(), old.workspaceId(), old.projectId(), old.eventType(), old.memoryType(),
                old.content(), old.tags(), metadata, old.createdAt());
    }

    static SessionInput session(String id, SessionSnapshot s, ScopeResolver.Resolved where) {
        String agent = s.agentName() == null || s.agentName().isBlank() ? "agent" : s.agentName();
        return new SessionInput(id, where.workspaceId(), where.projectId(), agent, s.status(), s.startedAt(),
                s.endedAt(), s.metadata());
    }

    static TaskInput task(Task t, ScopeResolver.Resolved where) {
        return new TaskInput(t.id(), where.workspaceId(), where.projectId(), t.sessionId(), t.title(),
                t.description(), t.status(), t.priority(), t.createdAt());
    }

    static HandoffInput handoff(Handoff h, ScopeResolver.Resolved where) {
        return new HandoffInput(h.id(), where.workspaceId(), where.projectId(), h.fromSessionId(), h.toSessionId(),
                h.summary(), h.status(), h.createdAt());
    }

    static MessageInput message(Message m) {
        return new MessageInput(m.id(), m.sessionId(), m.sender(), m.recipient(), m.content(), m.createdAt());
    }

    static CoordinationEventInput event(CoordinationEvent e, ScopeResolver.Resolved where) {
        return new CoordinationEventInput(e.id(), e.kind(), where.workspaceId(), where.projectId(), e.sessionId(),
                e.summary(), e.attributes(), e.occurredAt());
    }

    /**
     * Local tags are free text (up to 100 chars); the platform takes tokens of {@code a-z 0-9 _ . -}, at most
     * 64 chars. Other characters become {@code -}; tags left empty are dropped; at most 50 are kept.
     */
    static List<String> tags(List<String> local) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String tag : local == null ? List.<String>of() : local) {
            StringBuilder sb = new StringBuilder();
            for (char ch : tag.toLowerCase(Locale.ROOT).toCharArray()) {
                boolean ok = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '.' || ch == '-';
                sb.append(ok ? ch : '-');
            }
            String t = sb.toString().replaceAll("^[^a-z0-9]+", "");
            if (t.length() > MAX_TAG_LENGTH) {
                t = t.substring(0, MAX_TAG_LENGTH);
            }
            if (!t.isEmpty() && out.size() < MAX_TAGS) {
                out.add(t);
            }
        }
        return new ArrayList<>(out);
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value instanceof Instant i ? i.toString() : value);
        }
    }
}
