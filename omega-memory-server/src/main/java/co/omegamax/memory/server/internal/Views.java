package co.omegamax.memory.server.internal;

import co.omegamax.memory.Briefing;
import co.omegamax.memory.GraphNode;
import co.omegamax.memory.Memory;
import co.omegamax.memory.MemoryEdge;
import co.omegamax.memory.MemoryGraph;
import co.omegamax.memory.MemoryHit;
import co.omegamax.memory.MemoryStats;
import co.omegamax.memory.QueryResult;
import co.omegamax.memory.StoreResult;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The JSON shapes the tools and the CLI return: snake_case keys, wire names for enums, ISO-8601 times. */
public final class Views {
    private Views() {
    }

    /** One memory. */
    public static Map<String, Object> memory(Memory m) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", m.id());
        v.put("content", m.content());
        v.put("event_type", m.eventType().wireName());
        v.put("tags", m.tags());
        if (!m.metadata().isEmpty()) {
            v.put("metadata", new TreeMap<>(m.metadata()));
        }
        putIf(v, "session_id", m.sessionId());
        putIf(v, "agent_type", m.agentType());
        putIf(v, "entity_id", m.entityId());
        putIf(v, "workspace", m.scope().workspace());
        putIf(v, "project", m.scope().project());
        v.put("priority", m.priority());
        v.put("status", m.status().name().toLowerCase(java.util.Locale.ROOT));
        v.put("created_at", time(m.createdAt()));
        v.put("valid_from", time(m.validFrom()));
        putIf(v, "valid_until", time(m.validUntil()));
        putIf(v, "superseded_by", m.supersededBy());
        putIf(v, "expires_at", time(m.expiresAt()));
        v.put("access_count", m.accessCount());
        v.put("feedback_score", m.feedbackScore());
        if (m.flagged()) {
            v.put("flagged", true);
        }
        return v;
    }

    /** Several memories. */
    public static List<Map<String, Object>> memories(List<Memory> ms) {
        return ms.stream().map(Views::memory).toList();
    }

    /** One hit: the memory plus score and ranking reasons. */
    public static Map<String, Object> hit(MemoryHit h) {
        Map<String, Object> v = memory(h.memory());
        v.put("score", Math.round(h.score() * 1000) / 1000.0);
        v.put("ranking_reasons", h.rankingReasons());
        return v;
    }

    /** A query result. */
    public static Map<String, Object> queryResult(QueryResult r) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("count", r.hits().size());
        v.put("hits", r.hits().stream().map(Views::hit).toList());
        v.put("abstained", r.abstained());
        putIf(v, "abstain_reason", r.abstainReason());
        putIf(v, "from", time(r.from()));
        putIf(v, "to", time(r.to()));
        v.put("degraded", r.degraded());
        return v;
    }

    /** A store result. */
    public static Map<String, Object> storeResult(StoreResult r) {
        Map<String, Object> v = new LinkedHashMap<>();
        putIf(v, "id", r.id());
        v.put("status", r.status().name().toLowerCase(java.util.Locale.ROOT));
        v.put("reason", r.reason());
        putIf(v, "related_id", r.relatedId());
        return v;
    }

    /** A briefing. */
    public static Map<String, Object> briefing(Briefing b) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("total_memories", b.totalMemories());
        v.put("preferences", memories(b.preferences()));
        v.put("decisions", memories(b.decisions()));
        v.put("lessons", memories(b.lessons()));
        v.put("pitfalls", memories(b.pitfalls()));
        v.put("recent", memories(b.recent()));
        v.put("due_reminders", memories(b.dueReminders()));
        v.put("last_checkpoint", b.lastCheckpoint() == null ? null : memory(b.lastCheckpoint()));
        return v;
    }

    /** Stats. */
    public static Map<String, Object> stats(MemoryStats s) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("total", s.total());
        v.put("active", s.active());
        Map<String, Long> byType = new TreeMap<>();
        s.byType().forEach((t, n) -> byType.put(t.wireName(), n));
        v.put("by_type", byType);
        Map<String, Long> byStatus = new TreeMap<>();
        s.byStatus().forEach((t, n) -> byStatus.put(t.name().toLowerCase(java.util.Locale.ROOT), n));
        v.put("by_status", byStatus);
        v.put("with_vectors", s.withVectors());
        v.put("embedding_model", s.embeddingModel());
        v.put("dimension", s.dimension());
        v.put("degraded", s.degraded());
        v.put("database_bytes", s.databaseBytes());
        v.put("edges", s.edges());
        return v;
    }

    /** A graph. */
    public static Map<String, Object> graph(MemoryGraph g) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("nodes", g.nodes().stream().map(Views::node).toList());
        v.put("edges", g.edges().stream().map(Views::edge).toList());
        return v;
    }

    private static Map<String, Object> node(GraphNode n) {
        Map<String, Object> v = memory(n.memory());
        v.put("hops", n.hops());
        return v;
    }

    private static Map<String, Object> edge(MemoryEdge e) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("source", e.sourceId());
        v.put("target", e.targetId());
        v.put("kind", e.kind().name().toLowerCase(java.util.Locale.ROOT));
        v.put("weight", Math.round(e.weight() * 1000) / 1000.0);
        return v;
    }

    static String time(Instant i) {
        return i == null ? null : i.toString();
    }

    private static void putIf(Map<String, Object> v, String key, Object value) {
        if (value != null) {
            v.put(key, value);
        }
    }
}
