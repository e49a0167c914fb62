package co.omegamax.memory.server.internal;

import co.omegamax.memory.Checkpoint;
import co.omegamax.memory.EventType;
import co.omegamax.memory.Feedback;
import co.omegamax.memory.FeedbackResult;
import co.omegamax.memory.ImportResult;
import co.omegamax.memory.Memory;
import co.omegamax.memory.MemoryEngine;
import co.omegamax.memory.MemoryQuery;
import co.omegamax.memory.MemoryStatus;
import co.omegamax.memory.MemoryUpdate;
import co.omegamax.memory.NewMemory;
import co.omegamax.memory.QueryMode;
import co.omegamax.memory.Scope;
import co.omegamax.memory.StoreResult;
import co.omegamax.memory.spi.Tool;
import co.omegamax.memory.spi.ToolArgumentException;
import co.omegamax.memory.spi.ToolArguments;
import co.omegamax.memory.spi.ToolCall;
import co.omegamax.memory.spi.ToolProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The tools every OMEGA MCP server offers. */
public final class CoreTools implements ToolProvider {
    /** Names of the core tools, in listing order. */
    public static final List<String> NAMES = List.of("omega_store", "omega_query", "omega_welcome", "omega_checkpoint",
            "omega_resume_task", "omega_memory", "omega_remind", "omega_lessons", "omega_maintain", "omega_stats");

    private static final String EVENT_TYPES = "[\"decision\", \"lesson_learned\", \"error_pattern\", "
            + "\"user_preference\", \"user_fact\", \"checkpoint\", \"reminder\", \"task_completion\", "
            + "\"session_summary\", \"memory\", \"observation\"]";
    private static final String SCOPE_PROPS = """
            "project": {"type": "string", "maxLength": 200, "description": "Project id; default: the server's default project"},
            "workspace": {"type": "string", "maxLength": 200, "description": "Workspace id; default: the server's default workspace"}""";
    private static final String MEMORY_PROPS = """
            "content": {"type": "string", "minLength": 1, "description": "The memory: one self-contained statement"},
            "event_type": {"type": "string", "enum": %s, "default": "memory", "description": "Kind of memory"},
            "tags": {"type": "array", "items": {"type": "string", "maxLength": 100}, "maxItems": 50},
            "metadata": {"type": "object", "additionalProperties": {"type": ["string", "number", "boolean"]}},
            "priority": {"type": "integer", "minimum": 1, "maximum": 5, "description": "1 lowest .. 5 highest; default by type"},
            "session_id": {"type": "string"},
            "agent_type": {"type": "string", "description": "e.g. claude-code"},
            "entity_id": {"type": "string", "description": "Person, company or repository the memory is about"},
            "valid_from": {"type": "string", "description": "When it became true: ISO-8601 instant or date"},
            %s""".formatted(EVENT_TYPES, SCOPE_PROPS);
    private static final Set<String> MEMORY_KEYS = Set.of("content", "event_type", "tags", "metadata", "priority",
            "session_id", "agent_type", "entity_id", "valid_from", "project", "workspace");

    private final Path database;
    private final Path backups;

    /**
     * @param database the engine's database file (for health, backup and compaction)
     * @param backups directory for backups made without an explicit path
     */
    public CoreTools(Path database, Path backups) {
        this.database = database;
        this.backups = backups;
    }

    @Override
    public String name() {
        return "omega-memory-server";
    }

    @Override
    public List<Tool> tools() {
        return List.of(
                new Tool("omega_store", """
                        Store a memory that should survive this session: a decision and why, a lesson learned, an \
                        error and its fix, a user preference or fact. Duplicates are merged, contradicted memories \
                        superseded. Pass "content" for one memory or "memories" (array of the same objects) for a \
                        batch stored in one transaction.""", """
                        {"type": "object", "additionalProperties": false,
                         "properties": {%s,
                           "memories": {"type": "array", "minItems": 1, "maxItems": 100,
                             "items": {"type": "object", "additionalProperties": false, "required": ["content"],
                                       "properties": {%s}}}}}""".formatted(MEMORY_PROPS, MEMORY_PROPS), this::store),
                new Tool("omega_query", """
                        Recall memories relevant to a question or task. Call it before deciding something that may \
                        have been decided before, and when the user refers to earlier work. Modes: semantic (meaning \
                        and words, default), phrase (exact phrase), timeline (newest first; query optional).""", """
                        {"type": "object", "additionalProperties": false,
                         "properties": {
                           "query": {"type": "string", "maxLength": 4000, "description": "What to recall; optional in timeline mode"},
                           "mode": {"type": "string", "enum": ["semantic", "phrase", "timeline", "words", "hybrid"], "default": "semantic"},
                           "event_types": {"type": "array", "items": {"type": "string", "enum": %s}},
                           "tags": {"type": "array", "items": {"type": "string"}, "description": "Memories with at least one of these tags"},
                           "session_id": {"type": "string"},
                           "agent_type": {"type": "string"},
                           "entity_id": {"type": "string"},
                           "from": {"type": "string", "description": "Only memories at or after this ISO-8601 instant or date"},
                           "to": {"type": "string", "description": "Only memories at or before this ISO-8601 instant or date"},
                           "context_file": {"type": "string", "description": "File being worked on; memories mentioning it rank higher"},
                           "context_tags": {"type": "array", "items": {"type": "string"}},
                           "limit": {"type": "integer", "minimum": 1, "maximum": 200, "default": 10},
                           "include_superseded": {"type": "boolean", "default": false},
                           %s}}""".formatted(EVENT_TYPES, SCOPE_PROPS), this::query),
                new Tool("omega_welcome", """
                        Call once at the start of a session: returns the user's preferences, recent decisions, \
                        lessons, pitfalls, due reminders and the last unfinished checkpoint.""", """
                        {"type": "object", "additionalProperties": false, "properties": {%s}}""".formatted(SCOPE_PROPS),
                        call -> Views.briefing(call.engine().welcome(scope(call)))),
                new Tool("omega_checkpoint", """
                        Save the state of a task in progress so it can be resumed in a later session (call before \
                        stopping mid-task or when the context is about to be compacted).""", """
                        {"type": "object", "additionalProperties": false, "required": ["task", "progress"],
                         "properties": {
                           "task": {"type": "string", "minLength": 1, "description": "Short task title; the key to resume it"},
                           "progress": {"type": "string", "minLength": 1},
                           "next_steps": {"type": "array", "items": {"type": "string"}},
                           "files": {"type": "array", "items": {"type": "string"}},
                           "session_id": {"type": "string"},
                           %s}}""".formatted(SCOPE_PROPS), this::checkpoint),
                new Tool("omega_resume_task", """
                        Get the latest checkpoint of a task (exact title first, then by meaning).""", """
                        {"type": "object", "additionalProperties": false, "required": ["task"],
                         "properties": {"task": {"type": "string", "minLength": 1}, %s}}""".formatted(SCOPE_PROPS),
                        this::resume),
                new Tool("omega_memory", """
                        Act on one memory by id: edit it, delete it, give feedback (helpful, unhelpful, outdated), \
                        find similar memories, or traverse its graph of related memories.""", """
                        {"type": "object", "additionalProperties": false, "required": ["action", "id"],
                         "properties": {
                           "action": {"type": "string", "enum": ["edit", "delete", "feedback", "similar", "traverse"]},
                           "id": {"type": "string", "minLength": 1},
                           "content": {"type": "string", "minLength": 1, "description": "edit: new content"},
                           "event_type": {"type": "string", "enum": %s, "description": "edit: new type"},
                           "tags": {"type": "array", "items": {"type": "string"}, "description": "edit: replacement tags"},
                           "priority": {"type": "integer", "minimum": 1, "maximum": 5, "description": "edit"},
                           "status": {"type": "string", "enum": ["active", "archived"], "description": "edit"},
                           "rating": {"type": "string", "enum": ["helpful", "unhelpful", "outdated"], "description": "feedback"},
                           "limit": {"type": "integer", "minimum": 1, "maximum": 200, "default": 5, "description": "similar"},
                           "max_hops": {"type": "integer", "minimum": 1, "maximum": 3, "default": 2, "description": "traverse"},
                           "max_nodes": {"type": "integer", "minimum": 1, "maximum": 200, "default": 50, "description": "traverse"}}}"""
                        .formatted(EVENT_TYPES), this::memory),
                new Tool("omega_remind", """
                        Reminders: set one due at a time, list them (all or only due ones), or dismiss one.""", """
                        {"type": "object", "additionalProperties": false, "required": ["action"],
                         "properties": {
                           "action": {"type": "string", "enum": ["set", "list", "dismiss"]},
                           "text": {"type": "string", "minLength": 1, "description": "set: what to remind"},
                           "due_at": {"type": "string", "description": "set: ISO-8601 instant or date"},
                           "id": {"type": "string", "description": "dismiss: the reminder"},
                           "due_only": {"type": "boolean", "default": false, "description": "list"},
                           %s}}""".formatted(SCOPE_PROPS), this::remind),
                new Tool("omega_lessons", """
                        Lessons learned and error patterns, best first, optionally about a topic. Call before \
                        repeating work that failed before.""", """
                        {"type": "object", "additionalProperties": false,
                         "properties": {"topic": {"type": "string"},
                           "limit": {"type": "integer", "minimum": 1, "maximum": 200, "default": 10}, %s}}"""
                        .formatted(SCOPE_PROPS),
                        call -> Map.of("lessons", Views.memories(call.engine().lessons(
                                call.arguments().optString("topic").orElse(null), scope(call),
                                call.arguments().integer("limit", 10, 1, 200))))),
                new Tool("omega_maintain", """
                        Maintenance: health (integrity and counts), consolidate (purge expired memories), compact \
                        (reclaim disk space), backup (a database copy, or a JSON-lines export with format jsonl), \
                        restore (merge a JSON-lines export back in; database-file restores need `omega restore` \
                        with the server stopped).""", """
                        {"type": "object", "additionalProperties": false, "required": ["action"],
                         "properties": {
                           "action": {"type": "string", "enum": ["health", "consolidate", "compact", "backup", "restore"]},
                           "path": {"type": "string", "description": "backup: target file (default: a new file in ~/.omega/backups); restore: the .jsonl file"},
                           "format": {"type": "string", "enum": ["db", "jsonl"], "default": "db", "description": "backup format"}}}""",
                        this::maintain),
                new Tool("omega_stats", """
                        Counts of stored memories by type and status, vectors, model, database size.""", """
                        {"type": "object", "additionalProperties": false, "properties": {}}""",
                        call -> Views.stats(call.engine().stats())));
    }

    static Scope scope(ToolCall call) {
        ToolArguments a = call.arguments();
        return Scope.of(a.optString("workspace").orElse(call.defaultScope().workspace()),
                a.optString("project").orElse(call.defaultScope().project()));
    }

    private static EventType type(ToolArguments a, String name) {
        return a.optString(name).map(CoreTools::typeOf).orElse(null);
    }

    private static EventType typeOf(String wire) {
        try {
            return EventType.fromWireName(wire);
        } catch (co.omegamax.memory.InvalidQueryException e) {
            throw new ToolArgumentException(e.getMessage());
        }
    }

    private static NewMemory newMemory(ToolArguments a, Scope defaults) {
        a.allowOnly(MEMORY_KEYS);
        NewMemory.Builder b = NewMemory.builder(a.string("content"))
                .eventType(a.optString("event_type").map(CoreTools::typeOf).orElse(EventType.MEMORY))
                .tags(a.strings("tags"))
                .metadata(a.stringMap("metadata"))
                .sessionId(a.optString("session_id").orElse(null))
                .agentType(a.optString("agent_type").orElse(null))
                .entityId(a.optString("entity_id").orElse(null))
                .scope(Scope.of(a.optString("workspace").orElse(defaults.workspace()),
                        a.optString("project").orElse(defaults.project())));
        a.optInteger("priority", 1, 5).ifPresent(b::priority);
        a.instant("valid_from").ifPresent(b::validFrom);
        return b.build();
    }

    private Object store(ToolCall call) {
        ToolArguments a = call.arguments();
        List<ToolArguments> batch = a.objects("memories");
        List<StoreResult> results;
        if (!batch.isEmpty()) {
            if (a.has("content")) {
                throw new ToolArgumentException("pass either 'content' (one memory) or 'memories' (a batch), not both");
            }
            if (batch.size() > 100) {
                throw new ToolArgumentException("'memories' holds " + batch.size() + " items; at most 100 per call");
            }
            Scope defaults = scope(call);
            List<NewMemory> list = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                try {
                    list.add(newMemory(batch.get(i), defaults));
                } catch (co.omegamax.memory.MemoryException e) {
                    throw new ToolArgumentException("memories[" + i + "]: " + e.getMessage());
                }
            }
            results = call.engine().storeAll(list);
        } else {
            results = List.of(call.engine().store(newMemory(a, call.defaultScope())));
        }
        return Map.of("results", results.stream().map(Views::storeResult).toList());
    }

    private Object query(ToolCall call) {
        ToolArguments a = call.arguments();
        String mode = a.choice("mode", "semantic", List.of("semantic", "phrase", "timeline", "words", "hybrid"));
        QueryMode m = switch (mode) {
            // "semantic" is the default a user means: meaning and words fused
            case "semantic", "hybrid" -> QueryMode.HYBRID;
            case "phrase" -> QueryMode.PHRASE;
            case "words" -> QueryMode.WORDS;
            default -> QueryMode.TIMELINE;
        };
        String text = a.optString("query").orElse("");
        if (text.isEmpty() && m != QueryMode.TIMELINE) {
            throw new ToolArgumentException("argument 'query' is required unless mode is 'timeline'");
        }
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        a.strings("event_types").forEach(t -> types.add(typeOf(t)));
        MemoryQuery.Builder q = MemoryQuery.builder().text(text).mode(m).eventTypes(types)
                .tags(a.strings("tags").toArray(String[]::new))
                .scope(scope(call))
                .sessionId(a.optString("session_id").orElse(null))
                .agentType(a.optString("agent_type").orElse(null))
                .entityId(a.optString("entity_id").orElse(null))
                .between(a.instant("from").orElse(null), a.instant("to").orElse(null))
                .contextFile(a.optString("context_file").orElse(null))
                .contextTags(a.strings("context_tags").toArray(String[]::new))
                .limit(a.integer("limit", 10, 1, 200))
                .includeSuperseded(a.bool("include_superseded", false));
        return Views.queryResult(call.engine().query(q.build()));
    }

    private Object checkpoint(ToolCall call) {
        ToolArguments a = call.arguments();
        StoreResult r = call.engine().checkpoint(new Checkpoint(a.string("task"), a.string("progress"),
                a.strings("next_steps"), a.strings("files"), scope(call), a.optString("session_id").orElse(null)));
        return Views.storeResult(r);
    }

    private Object resume(ToolCall call) {
        Map<String, Object> out = new LinkedHashMap<>();
        var found = call.engine().resumeTask(call.arguments().string("task"), scope(call));
        out.put("found", found.isPresent());
        out.put("checkpoint", found.map(Views::memory).orElse(null));
        return out;
    }

    private Object memory(ToolCall call) {
        ToolArguments a = call.arguments();
        String action = a.choice("action", null, List.of("edit", "delete", "feedback", "similar", "traverse"));
        if (action == null) {
            throw new ToolArgumentException("argument 'action' is required: edit, delete, feedback, similar or traverse");
        }
        String id = a.string("id");
        MemoryEngine engine = call.engine();
        switch (action) {
            case "edit": {
                MemoryStatus status = a.optString("status").map(s -> switch (a.choice("status", null,
                        List.of("active", "archived"))) {
                    case "active" -> MemoryStatus.ACTIVE;
                    default -> MemoryStatus.ARCHIVED;
                }).orElse(null);
                List<String> tags = a.has("tags") ? a.strings("tags") : null;
                Integer priority = a.optInteger("priority", 1, 5).orElse(null);
                String content = a.optString("content").orElse(null);
                EventType type = type(a, "event_type");
                if (content == null && type == null && tags == null && priority == null && status == null) {
                    throw new ToolArgumentException("edit needs at least one of content, event_type, tags, priority, status");
                }
                Memory m = engine.update(id, new MemoryUpdate(content, type, tags, null, priority, status));
                return Map.of("memory", Views.memory(m));
            }
            case "delete":
                return Map.of("id", id, "deleted", engine.delete(id));
            case "feedback": {
                String rating = a.choice("rating", null, List.of("helpful", "unhelpful", "outdated"));
                if (rating == null) {
                    throw new ToolArgumentException("feedback needs 'rating': helpful, unhelpful or outdated");
                }
                FeedbackResult r = engine.feedback(id, Feedback.valueOf(rating.toUpperCase(Locale.ROOT)));
                return Map.of("id", r.id(), "feedback_score", r.feedbackScore(), "flagged", r.flagged());
            }
            case "similar":
                return Map.of("hits", engine.similar(id, a.integer("limit", 5, 1, 200)).stream().map(Views::hit).toList());
            default:
                return Views.graph(engine.traverse(id, a.integer("max_hops", 2, 1, 3), a.integer("max_nodes", 50, 1, 200)));
        }
    }

    private Object remind(ToolCall call) {
        ToolArguments a = call.arguments();
        String action = a.choice("action", null, List.of("set", "list", "dismiss"));
        if (action == null) {
            throw new ToolArgumentException("argument 'action' is required: set, list or dismiss");
        }
        switch (action) {
            case "set": {
                Instant due = a.instant("due_at").orElseThrow(() -> new ToolArgumentException(
                        "set needs 'due_at' (ISO-8601 instant like 2026-05-01T09:00:00Z, or a date)"));
                return Views.storeResult(call.engine().remind(a.string("text"), due, scope(call)));
            }
            case "list":
                return Map.of("reminders", Views.memories(call.engine().reminders(scope(call), a.bool("due_only", false))));
            default: {
                String id = a.string("id");
                call.engine().dismissReminder(id);
                return Map.of("id", id, "dismissed", true);
            }
        }
    }

    private Object maintain(ToolCall call) throws IOException {
        ToolArguments a = call.arguments();
        String action = a.choice("action", null, List.of("health", "consolidate", "compact", "backup", "restore"));
        if (action == null) {
            throw new ToolArgumentException("argument 'action' is required: health, consolidate, compact, backup or restore");
        }
        MemoryEngine engine = call.engine();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("action", action);
        switch (action) {
            case "health": {
                List<String> problems = Maintenance.check(database);
                out.put("ok", problems.isEmpty() && !engine.isDegraded());
                out.put("integrity", problems.isEmpty() ? "ok" : problems);
                out.put("degraded", engine.isDegraded());
                out.put("database", database.toString());
                out.put("stats", Views.stats(engine.stats()));
                return out;
            }
            case "consolidate":
                out.put("expired_purged", engine.purgeExpired());
                return out;
            case "compact": {
                long[] sizes = Maintenance.compact(database);
                out.put("bytes_before", sizes[0]);
                out.put("bytes_after", sizes[1]);
                return out;
            }
            case "backup": {
                String format = a.choice("format", "db", List.of("db", "jsonl"));
                Path target = a.optString("path").map(Path::of).orElseGet(() -> backups.resolve("memory-"
                        + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now())
                        + ("db".equals(format) ? ".db" : ".jsonl")));
                out.put("path", target.toAbsolutePath().toString());
                out.put("format", format);
                if ("db".equals(format)) {
                    out.put("bytes", Maintenance.backup(database, target));
                } else {
                    out.put("memories", export(engine, target));
                }
                return out;
            }
            default: {
                Path source = Path.of(a.string("path"));
                if (!source.getFileName().toString().endsWith(".jsonl")) {
                    throw new ToolArgumentException("restore through the server merges a JSON-lines export (.jsonl); "
                            + "to replace the whole database with a .db backup, stop the server and run "
                            + "`omega restore " + source + "`");
                }
                if (!Files.isRegularFile(source)) {
                    throw new ToolArgumentException("no such file: " + source);
                }
                try (InputStream in = Files.newInputStream(source)) {
                    ImportResult r = engine.importFrom(in);
                    out.put("created", r.created());
                    out.put("deduplicated", r.deduplicated());
                    out.put("rejected", r.rejected());
                    out.put("errors", r.errors());
                }
                return out;
            }
        }
    }

    /** Exports every memory as JSON lines into a new file readable by the owner only. */
    public static long export(MemoryEngine engine, Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.deleteIfExists(target);
        Files.createFile(target);
        Maintenance.ownerOnly(target);
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.TRUNCATE_EXISTING)) {
            return engine.exportTo(out);
        }
    }
}
