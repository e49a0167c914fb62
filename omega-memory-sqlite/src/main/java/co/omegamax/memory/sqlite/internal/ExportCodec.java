package co.omegamax.memory.sqlite.internal;

import co.omegamax.memory.EventType;
import co.omegamax.memory.ImportResult;
import co.omegamax.memory.Memory;
import co.omegamax.memory.MemoryStatus;
import co.omegamax.memory.StorageException;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * JSON-lines export and import. One object per memory with every field (ids, times, status,
 * validity window); vectors are not exported, they are recomputed on import.
 */
public final class ExportCodec {
    private static final int CHUNK = 128;
    private static final int MAX_ERRORS = 100;

    private final EngineContext ctx;
    private final WritePath writes;

    /** A codec importing through the shared context. */
    public ExportCodec(EngineContext ctx, WritePath writes) {
        this.ctx = ctx;
        this.writes = writes;
    }

    /** Writes every memory, oldest first; returns the count. */
    public static long export(Connection c, OutputStream out) throws SQLException {
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        long n = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT " + MemoryRows.COLUMNS + " FROM memories m ORDER BY m.rowid")) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    writer.write(Json.write(toMap(MemoryRows.map(rs).memory())));
                    writer.write('\n');
                    n++;
                }
            }
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("export failed after " + n + " memories", e);
        }
        return n;
    }

    static Map<String, Object> toMap(Memory m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", m.id());
        out.put("content", m.content());
        out.put("event_type", m.eventType().wireName());
        out.put("tags", m.tags());
        out.put("metadata", m.metadata());
        out.put("session_id", m.sessionId());
        out.put("agent_type", m.agentType());
        out.put("entity_id", m.entityId());
        out.put("workspace", m.scope().workspace());
        out.put("project", m.scope().project());
        out.put("priority", m.priority());
        out.put("created_at", str(m.createdAt()));
        out.put("updated_at", str(m.updatedAt()));
        out.put("last_accessed_at", str(m.lastAccessedAt()));
        out.put("access_count", m.accessCount());
        out.put("status", m.status().name());
        out.put("valid_from", str(m.validFrom()));
        out.put("valid_until", str(m.validUntil()));
        out.put("superseded_by", m.supersededBy());
        out.put("expires_at", str(m.expiresAt()));
        out.put("feedback_score", m.feedbackScore());
        out.put("flagged", m.flagged());
        return out;
    }

    private static String str(Instant i) {
        return i == null ? null : i.toString();
    }

    /** Reads JSON lines; bad lines are counted and described, good ones inserted with their original fields. */
    public ImportResult importFrom(InputStream in) {
        int created = 0;
        int deduplicated = 0;
        int rejected = 0;
        List<String> errors = new ArrayList<>();
        List<Map.Entry<Integer, JsonNode>> chunk = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int lineNo = 0;
            while (true) {
                line = reader.readLine();
                if (line != null) {
                    lineNo++;
                    if (line.isBlank()) {
                        continue;
                    }
                    try {
                        JsonNode node = Json.MAPPER.readTree(line);
                        validate(node);
                        chunk.add(Map.entry(lineNo, node));
                    } catch (RuntimeException e) {
                        rejected++;
                        if (errors.size() < MAX_ERRORS) {
                            errors.add("line " + lineNo + ": " + e.getMessage());
                        }
                    }
                }
                if (chunk.size() >= CHUNK || (line == null && !chunk.isEmpty())) {
                    int[] counts = insertChunk(chunk);
                    created += counts[0];
                    deduplicated += counts[1];
                    chunk.clear();
                }
                if (line == null) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("import failed: " + e.getMessage(), e);
        }
        return new ImportResult(created, deduplicated, rejected, errors);
    }

    private static void validate(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String content = text(node, "content");
        if (content == null || content.isBlank()) {
            throw new IllegalArgumentException("missing or empty 'content'");
        }
        EventType.fromWireName(text(node, "event_type") == null ? "memory" : text(node, "event_type"));
        String status = text(node, "status");
        if (status != null) {
            MemoryStatus.valueOf(status);
        }
    }

    private int[] insertChunk(List<Map.Entry<Integer, JsonNode>> chunk) {
        List<String> texts = chunk.stream().map(e -> text(e.getValue(), "content")).toList();
        List<float[]> vectors = ctx.embedAll(texts);
        return ctx.db().write(c -> {
            int created = 0;
            int dedup = 0;
            for (int i = 0; i < chunk.size(); i++) {
                JsonNode n = chunk.get(i).getValue();
                String id = text(n, "id");
                String content = text(n, "content");
                String canonical = Text.sha256(Text.canonical(content));
                if ((id != null && MemoryRows.byId(c, id) != null) || sameContent(c, canonical, n)) {
                    dedup++;
                    continue;
                }
                long rowid = insert(c, n, id == null ? java.util.UUID.randomUUID().toString() : id, canonical);
                if (vectors != null) {
                    writes.writeVector(c, rowid, vectors.get(i));
                }
                created++;
            }
            if (ctx.sync() != null) {
                ctx.sync().catchUp(c);
            }
            return new int[] {created, dedup};
        });
    }

    private static boolean sameContent(Connection c, String canonicalHash, JsonNode n) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM memories WHERE canonical_hash = ? "
                + "AND +workspace IS ? AND +project IS ? AND status = ?")) {
            ps.setString(1, canonicalHash);
            ps.setString(2, text(n, "workspace"));
            ps.setString(3, text(n, "project"));
            ps.setString(4, text(n, "status") == null ? "ACTIVE" : text(n, "status"));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private long insert(Connection c, JsonNode n, String id, String canonicalHash) throws SQLException {
        long now = ctx.clock().millis();
        EventType type = EventType.fromWireName(text(n, "event_type") == null ? "memory" : text(n, "event_type"));
        List<String> tags = new ArrayList<>();
        if (n.has("tags") && n.get("tags").isArray()) {
            n.get("tags").forEach(t -> tags.add(t.asString()));
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        if (n.has("metadata") && n.get("metadata").isObject()) {
            n.get("metadata").properties().forEach(e -> metadata.put(e.getKey(), e.getValue().asString()));
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO memories (id, content, canonical_hash, content_hash, "
                + "event_type, tags, metadata, session_id, agent_type, entity_id, workspace, project, priority, "
                + "created_at, updated_at, last_accessed_at, access_count, status, valid_from, valid_until, "
                + "superseded_by, expires_at, feedback_score, flagged) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            String content = text(n, "content");
            ps.setString(1, id);
            ps.setString(2, content);
            ps.setString(3, canonicalHash);
            ps.setString(4, Text.sha256(content));
            ps.setString(5, type.wireName());
            ps.setString(6, Json.write(tags));
            ps.setString(7, Json.write(metadata));
            ps.setString(8, text(n, "session_id"));
            ps.setString(9, text(n, "agent_type"));
            ps.setString(10, text(n, "entity_id"));
            ps.setString(11, text(n, "workspace"));
            ps.setString(12, text(n, "project"));
            int priority = n.has("priority") ? n.get("priority").asInt() : type.defaultPriority();
            ps.setInt(13, Math.max(1, Math.min(5, priority)));
            long created = millis(n, "created_at", now);
            ps.setLong(14, created);
            ps.setLong(15, millis(n, "updated_at", created));
            ps.setObject(16, millisOrNull(n, "last_accessed_at"));
            ps.setLong(17, n.has("access_count") ? n.get("access_count").asLong() : 0);
            ps.setString(18, text(n, "status") == null ? "ACTIVE" : text(n, "status"));
            ps.setLong(19, millis(n, "valid_from", created));
            ps.setObject(20, millisOrNull(n, "valid_until"));
            ps.setString(21, text(n, "superseded_by"));
            Long expires = millisOrNull(n, "expires_at");
            if (expires == null && !n.has("expires_at")) {
                expires = type.ttl().duration().map(d -> created + d.toMillis()).orElse(null);
            }
            ps.setObject(22, expires);
            ps.setInt(23, n.has("feedback_score") ? n.get("feedback_score").asInt() : 0);
            ps.setInt(24, n.has("flagged") && n.get("flagged").asBoolean() ? 1 : 0);
            ps.executeUpdate();
        }
        long rowid = IndexSync.scalar(c, "SELECT last_insert_rowid()");
        WritePath.writeTags(c, rowid, tags);
        return rowid;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static long millis(JsonNode n, String field, long fallback) {
        Long v = millisOrNull(n, field);
        return v == null ? fallback : v;
    }

    private static Long millisOrNull(JsonNode n, String field) {
        String s = text(n, field);
        if (s == null) {
            return null;
        }
        try {
            return Instant.parse(s).toEpochMilli();
        } catch (java.time.format.DateTimeParseException e) {
            throw new StorageException("field '" + field + "' is not an ISO-8601 instant: " + s);
        }
    }
}
