package co.omegamax.memory.server.hook;

import co.omegamax.memory.Briefing;
import co.omegamax.memory.EventType;
import co.omegamax.memory.Memory;
import co.omegamax.memory.MemoryEngine;
import co.omegamax.memory.MemoryHit;
import co.omegamax.memory.MemoryQuery;
import co.omegamax.memory.NewMemory;
import co.omegamax.memory.QueryMode;
import co.omegamax.memory.QueryResult;
import co.omegamax.memory.Scope;
import co.omegamax.memory.StoreResult;
import co.omegamax.memory.server.internal.Json;
import co.omegamax.memory.spi.HookedMemoryEngine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Does the work of the Claude Code hooks on an open engine; used by the socket server and by the
 * in-process fallback. Output follows Claude Code's hook contract: for SessionStart, UserPromptSubmit and
 * PostToolUse a JSON object {@code {"hookSpecificOutput":{"hookEventName":...,"additionalContext":...}}},
 * nothing when there is nothing to add, and nothing for the stop hook.
 *
 * <p>Within one server process a memory is surfaced at most once per Claude Code session (the briefing,
 * prompts and edits share that memory), so repeated edits of one file do not repeat the same context.
 */
public final class HookService implements HookHandler {
    /** Agent type recorded on memories and lifecycle events. */
    public static final String AGENT = "claude-code";
    /** Tag on every memory the hooks store. */
    public static final String TAG = "claude-code-hook";
    static final int LINE = 200;
    static final int MAX_CONTEXT = 4000;
    private static final Set<String> EDIT_TOOLS = Set.of("Edit", "Write", "MultiEdit", "NotebookEdit");

    private final MemoryEngine engine;
    private final Scope scope;
    private final Map<String, Set<String>> surfaced = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Set<String>> eldest) {
            return size() > 256;
        }
    };

    /** Hooks acting on {@code engine} in {@code scope}. */
    public HookService(MemoryEngine engine, Scope scope) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.scope = scope == null ? Scope.GLOBAL : scope;
    }

    @Override
    public String handle(HookKind kind, byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8).strip();
        Map<String, Object> in = text.isEmpty() ? Map.of() : Json.readObject(text);
        return switch (kind) {
            case SESSION_START -> sessionStart(in);
            case PROMPT -> prompt(in);
            case POST_EDIT -> postEdit(in);
            case STOP -> stop(in);
        };
    }

    private String sessionStart(Map<String, Object> in) {
        String session = str(in.get("session_id"));
        if (session != null && engine instanceof HookedMemoryEngine h) {
            h.sessionStarted(session, AGENT, scope);
        }
        Briefing b = engine.welcome(scope);
        StringBuilder sb = new StringBuilder();
        Predicate<Memory> fresh = m -> firstTime(session, m.id());
        section(sb, "Preferences (follow them)", b.preferences(), 8, fresh);
        section(sb, "Decisions", b.decisions(), 5, fresh);
        section(sb, "Lessons", b.lessons(), 5, fresh);
        section(sb, "Pitfalls", b.pitfalls(), 5, fresh);
        section(sb, "Due reminders", b.dueReminders(), 5, fresh);
        section(sb, "Recent", b.recent(), 5, fresh);
        if (b.lastCheckpoint() != null) {
            section(sb, "Unfinished task (omega_resume_task to continue)", List.of(b.lastCheckpoint()), 1, fresh);
        }
        if (sb.length() == 0) {
            return "";
        }
        return context("SessionStart", "OMEGA memory briefing (" + b.totalMemories() + " memories; use omega_query "
                + "for more):\n" + sb);
    }

    private String prompt(Map<String, Object> in) {
        String prompt = str(in.get("prompt"));
        if (prompt == null || prompt.isBlank()) {
            return "";
        }
        String session = str(in.get("session_id"));
        StringBuilder sb = new StringBuilder();
        Set<String> stored = new HashSet<>();
        for (PromptCapture.Capture c : PromptCapture.recognise(prompt)) {
            StoreResult r = engine.store(newMemory(c.content(), c.type(), in).metadata("rule", c.rule()).build());
            if (r.id() != null) {
                stored.add(r.id());
                firstTime(session, r.id());
                sb.append(sb.length() == 0 ? "OMEGA stored from this prompt:\n" : "")
                        .append("- [").append(c.type().wireName()).append("] ").append(line(c.content()))
                        .append(" (").append(r.status().name().toLowerCase(Locale.ROOT)).append(")\n");
            }
        }
        String q = prompt.strip();
        if (q.split("\\s+").length >= 3) {
            QueryResult r = engine.query(MemoryQuery.builder().text(q.length() > 1000 ? q.substring(0, 1000) : q)
                    .mode(QueryMode.HYBRID).scope(scope).limit(5).build());
            List<Memory> hits = new ArrayList<>();
            for (MemoryHit h : r.hits()) {
                if (hits.size() < 3 && !stored.contains(h.memory().id()) && firstTime(session, h.memory().id())) {
                    hits.add(h.memory());
                }
            }
            section(sb, "OMEGA memories relevant to this prompt", hits, 3, m -> true);
        }
        return sb.length() == 0 ? "" : context("UserPromptSubmit", sb.toString());
    }

    @SuppressWarnings("unchecked")
    private String postEdit(Map<String, Object> in) {
        String tool = str(in.get("tool_name"));
        if (tool != null && !EDIT_TOOLS.contains(tool)) {
            return "";
        }
        Map<String, Object> toolInput = in.get("tool_input") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        String file = str(toolInput.getOrDefault("file_path", toolInput.get("notebook_path")));
        if (file == null || file.isBlank()) {
            return "";
        }
        String session = str(in.get("session_id"));
        String base = Path.of(file).getFileName() == null ? file : Path.of(file).getFileName().toString();
        int dot = base.lastIndexOf('.');
        String stem = dot > 0 ? base.substring(0, dot) : base;
        QueryResult r = engine.query(MemoryQuery.builder().text(stem.equals(base) ? base : base + " " + stem)
                .mode(QueryMode.HYBRID).scope(scope).contextFile(file).limit(3).build());
        List<Memory> hits = new ArrayList<>();
        for (MemoryHit h : r.hits()) {
            // only memories that mention the file: a file name's "meaning" matches too much else
            boolean mentions = h.rankingReasons().stream().anyMatch(s -> s.contains("mentions"));
            if (mentions && firstTime(session, h.memory().id())) {
                hits.add(h.memory());
            }
        }
        StringBuilder sb = new StringBuilder();
        section(sb, "OMEGA memories about " + base, hits, 3, m -> true);
        return sb.length() == 0 ? "" : context("PostToolUse", sb.toString());
    }

    private String stop(Map<String, Object> in) {
        if (Boolean.TRUE.equals(in.get("stop_hook_active"))) {
            return "";
        }
        String session = str(in.get("session_id"));
        String cwd = str(in.get("cwd"));
        String transcript = str(in.get("transcript_path"));
        Transcript.Last last = transcript == null ? new Transcript.Last(null, null)
                : Transcript.read(Path.of(transcript));
        String assistant = last.assistantText() != null ? last.assistantText() : str(in.get("last_assistant_message"));
        try {
            if (last.userText() == null && assistant == null) {
                return ""; // nothing honest to summarise
            }
            StringBuilder sb = new StringBuilder("Claude Code session");
            if (session != null) {
                sb.append(' ').append(session.length() > 8 ? session.substring(0, 8) : session);
            }
            if (cwd != null) {
                sb.append(" in ").append(cwd);
            }
            String reason = str(in.get("reason"));
            sb.append(" ended").append(reason == null ? "" : " (" + reason + ")").append('.');
            if (last.userText() != null) {
                sb.append(" Last request: \"").append(line(last.userText(), 300)).append("\".");
            }
            if (assistant != null) {
                sb.append(" Last answer: \"").append(line(assistant, 300)).append("\".");
            }
            engine.store(newMemory(sb.toString(), EventType.SESSION_SUMMARY, in).build());
            return "";
        } finally {
            if (session != null) {
                synchronized (surfaced) {
                    surfaced.remove(session);
                }
                if (engine instanceof HookedMemoryEngine h) {
                    h.sessionStopped(session, AGENT, scope);
                }
            }
        }
    }

    private NewMemory.Builder newMemory(String content, EventType type, Map<String, Object> in) {
        NewMemory.Builder b = NewMemory.builder(content).eventType(type).scope(scope).agentType(AGENT).tags(TAG)
                .metadata("source", "claude-code-hook");
        String session = str(in.get("session_id"));
        if (session != null) {
            b.sessionId(session);
        }
        String cwd = str(in.get("cwd"));
        if (cwd != null) {
            b.metadata("cwd", cwd);
        }
        return b;
    }

    private boolean firstTime(String session, String id) {
        if (session == null) {
            return true;
        }
        synchronized (surfaced) {
            return surfaced.computeIfAbsent(session, s -> new HashSet<>()).add(id);
        }
    }

    private static void section(StringBuilder sb, String title, List<Memory> items, int max, Predicate<Memory> keep) {
        List<Memory> shown = items.stream().filter(keep).limit(max).toList();
        if (shown.isEmpty() || sb.length() > MAX_CONTEXT) {
            return;
        }
        sb.append(title).append(":\n");
        for (Memory m : shown) {
            sb.append("- [").append(m.eventType().wireName()).append("] ").append(line(m.content())).append('\n');
        }
    }

    private static String context(String event, String text) {
        String t = text.strip();
        if (t.length() > MAX_CONTEXT) {
            t = t.substring(0, MAX_CONTEXT - 3) + "...";
        }
        Map<String, Object> specific = new LinkedHashMap<>();
        specific.put("hookEventName", event);
        specific.put("additionalContext", t);
        return Json.write(Map.of("hookSpecificOutput", specific)) + "\n";
    }

    static String line(String s) {
        return line(s, LINE);
    }

    static String line(String s, int max) {
        String t = s.replaceAll("\\s+", " ").strip();
        return t.length() > max ? t.substring(0, max - 3) + "..." : t;
    }

    private static String str(Object o) {
        return o == null ? null : String.valueOf(o);
    }
}
