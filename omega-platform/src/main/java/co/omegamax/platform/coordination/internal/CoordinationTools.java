package co.omegamax.platform.coordination.internal;

import co.omegamax.memory.spi.Tool;
import co.omegamax.memory.spi.ToolArgumentException;
import co.omegamax.memory.spi.ToolArguments;
import co.omegamax.platform.coordination.ClaimOutcome;
import co.omegamax.platform.coordination.Claims;
import co.omegamax.platform.coordination.CoordinationService;
import co.omegamax.platform.coordination.CoordinationToolException;
import co.omegamax.platform.coordination.CoordinationToolException.Code;
import co.omegamax.platform.coordination.DeregisterResult;
import co.omegamax.platform.coordination.GitAudit;
import co.omegamax.platform.coordination.Overlap;
import co.omegamax.platform.coordination.ReleaseOutcome;
import co.omegamax.platform.coordination.SessionInfo;
import co.omegamax.platform.spi.ConfigurationException;
import co.omegamax.platform.spi.ConflictException;
import co.omegamax.platform.spi.DataStoreException;
import co.omegamax.platform.spi.HandoffStatus;
import co.omegamax.platform.spi.InvalidInputException;
import co.omegamax.platform.spi.NotFoundException;
import co.omegamax.platform.spi.SessionStatus;
import co.omegamax.platform.spi.TaskStatus;
import co.omegamax.platform.spi.Validate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The coordination MCP tools. Every tool has a strict input schema, returns a JSON object, and reports bad
 * arguments as {@link ToolArgumentException} and other problems as {@link CoordinationToolException}. The session
 * registered last through these tools is the default {@code session_id} of later calls.
 */
public final class CoordinationTools {
    private static final String SESSION_DOC = "Your session id (default: the session registered last by this server)";
    private static final List<String> RESOURCES = List.of("file", "branch", "task", "handoff");

    private final Supplier<CoordinationService> service;
    private final AtomicReference<String> current = new AtomicReference<>();

    /** Tools over the service the supplier returns (called on every tool call; it may throw when unconfigured). */
    public CoordinationTools(Supplier<CoordinationService> service) {
        this.service = Objects.requireNonNull(service, "service");
    }

    /** @return every coordination tool, grouped: sessions, claims, intents, tasks, messages, handoffs, decisions, git */
    public List<Tool> tools() {
        List<Tool> t = new ArrayList<>();
        sessionTools(t);
        claimTools(t);
        intentTools(t);
        taskTools(t);
        messageTools(t);
        handoffTools(t);
        decisionAndGitTools(t);
        return List.copyOf(t);
    }

    private void sessionTools(List<Tool> t) {
        t.add(tool("omega_coord_session_register", "Register this agent's coordination session at the start of work "
                        + "(other agents then see it; claims, tasks and messages need it). Returns the session; its id "
                        + "becomes the default session_id of the other omega_coord_* tools. Heartbeat regularly: a "
                        + "session silent for longer than the TTL is stale and loses its claims to others.",
                Schema.object().string("agent_name", "Name of the agent, e.g. claude-code", true)
                        .string("session_id", "Id to use (default: a new one)", false)
                        .object("metadata", "Free details, e.g. {\"branch\": \"main\", \"task\": \"login\"}"),
                a -> {
                    SessionInfo s = svc().sessions().register(a.optString("session_id").orElse(null),
                            a.string("agent_name"), objectArg(a, "metadata"));
                    current.set(s.id());
                    return map("session", s, "ttl_seconds", ttl().toSeconds());
                }));
        t.add(tool("omega_coord_session_heartbeat", "Tell other agents this session is still alive and refresh all its "
                        + "claims. Call it every few minutes while working. Reports claims lost to other sessions "
                        + "while this one was stale.",
                Schema.object().string("session_id", SESSION_DOC, false)
                        .choice("status", "active (working) or idle", List.of("active", "idle"), false),
                a -> svc().sessions().heartbeat(session(a), a.has("status")
                        ? Validate.enumValue("status", SessionStatus.class, a.choice("status", null,
                        List.of("active", "idle"))) : null)));
        t.add(tool("omega_coord_session_deregister", "End this session when the work is done: releases every file, "
                        + "branch, task and handoff claim it holds.",
                Schema.object().string("session_id", SESSION_DOC, false),
                a -> {
                    String id = session(a);
                    DeregisterResult r = svc().sessions().deregister(id);
                    current.compareAndSet(id, null);
                    return r;
                }));
        t.add(tool("omega_coord_session_list", "List the agent sessions of this workspace and project, latest first "
                        + "(live ones unless asked otherwise), with their last heartbeat.",
                Schema.object().bool("include_stale", "Also sessions silent for longer than the TTL (default false)")
                        .bool("include_ended", "Also ended sessions (default false)")
                        .integer("limit", "At most this many (default 50)", 1, 500, false),
                a -> {
                    List<SessionInfo> all = svc().sessions().list(a.bool("include_stale", false),
                            a.bool("include_ended", false));
                    return listResult("sessions", all, a.integer("limit", 50, 1, 500));
                }));
    }

    private void claimTools(List<Tool> t) {
        t.add(tool("omega_coord_file_claim", "Claim files before editing them so no other agent edits them at the same "
                        + "time. Each path is granted, or refused with the holder's session, agent and claim time "
                        + "(a refusal is a normal result: pick other work or message the holder).",
                Schema.object().strings("paths", "Paths relative to the repository root", Claims.MAX_PATHS, true)
                        .string("purpose", "What you are about to do", false)
                        .string("session_id", SESSION_DOC, false),
                a -> {
                    List<ClaimOutcome> outcomes = svc().claims().claimFiles(session(a), a.strings("paths"),
                            a.optString("purpose").orElse(null));
                    return map("all_granted", outcomes.stream().allMatch(ClaimOutcome::granted), "claims", outcomes);
                }));
        t.add(tool("omega_coord_file_release", "Release file claims when done editing (all of this session's files "
                        + "when no paths are given).",
                Schema.object().strings("paths", "Paths to release (default: all)", Claims.MAX_PATHS, false)
                        .string("session_id", SESSION_DOC, false),
                a -> {
                    List<ReleaseOutcome> r = svc().claims().releaseFiles(session(a), a.strings("paths"));
                    return map("released", r.stream().filter(ReleaseOutcome::released).map(ReleaseOutcome::key)
                            .toList(), "not_held", r.stream().filter(x -> !x.released()).map(ReleaseOutcome::key)
                            .toList());
                }));
        t.add(tool("omega_coord_branch_claim", "Claim a git branch before committing or pushing to it, so two agents do "
                        + "not push to one branch at once. Refused claims name the holder.",
                Schema.object().string("branch", "Branch name, e.g. feature/login", true)
                        .string("purpose", "What you are about to do", false)
                        .string("session_id", SESSION_DOC, false),
                a -> svc().claims().claimBranch(session(a), a.string("branch"), a.optString("purpose").orElse(null))));
        t.add(tool("omega_coord_branch_release", "Release this session's claim on a git branch.",
                Schema.object().string("branch", "Branch name", true).string("session_id", SESSION_DOC, false),
                a -> svc().claims().releaseBranch(session(a), a.string("branch"))));
        t.add(tool("omega_coord_claims_list", "List current claims (files, branches, tasks, handoffs) of this workspace "
                        + "and project with their holders.",
                Schema.object().choice("resource", "Only this kind of claim", RESOURCES, false)
                        .bool("include_stale", "Also claims of sessions silent for longer than the TTL (default false)")
                        .integer("limit", "At most this many (default 100)", 1, 500, false),
                a -> listResult("claims", svc().claims().list(a.optString("resource").map(r -> a.choice("resource",
                        null, RESOURCES)).orElse(null), a.bool("include_stale", false)),
                        a.integer("limit", 100, 1, 500))));
    }

    private void intentTools(List<Tool> t) {
        t.add(tool("omega_coord_intent_announce", "Announce what you are about to change (a description and the files "
                        + "or directories) so other agents can avoid it; returns other sessions' claims and intents "
                        + "that already overlap.",
                Schema.object().string("description", "What you are about to do", true)
                        .strings("paths", "Files or directories you will touch", Claims.MAX_PATHS, true)
                        .integer("ttl_minutes", "How long the intent counts (default from config, 60)", 1, 10_080,
                                false)
                        .string("session_id", SESSION_DOC, false),
                a -> svc().intents().announce(session(a), a.string("description"), a.strings("paths"),
                        a.optInteger("ttl_minutes", 1, 10_080).map(m -> Duration.ofMinutes(m)).orElse(null))));
        t.add(tool("omega_coord_intent_check", "Check files or directories for overlap before starting: returns other "
                        + "live sessions' claims and active intents that touch them.",
                Schema.object().strings("paths", "Files or directories to check", Claims.MAX_PATHS, true)
                        .string("session_id", SESSION_DOC + "; its own claims and intents are not reported", false),
                a -> {
                    List<Overlap> overlaps = svc().intents().check(optionalSession(a), a.strings("paths"));
                    return map("clear", overlaps.isEmpty(), "overlaps", overlaps);
                }));
        t.add(tool("omega_coord_intent_list", "List announced intents, latest first (active ones unless asked).",
                Schema.object().bool("include_inactive", "Also expired intents and those of ended or stale sessions")
                        .integer("limit", "At most this many (default 50)", 1, 500, false),
                a -> {
                    int limit = a.integer("limit", 50, 1, 500);
                    return listResult("intents", svc().intents().list(a.bool("include_inactive", false), limit), limit);
                }));
    }

    private void taskTools(List<Tool> t) {
        List<String> statuses = new ArrayList<>();
        for (TaskStatus s : TaskStatus.values()) {
            statuses.add(Validate.wireName(s));
        }
        t.add(tool("omega_coord_task_create", "Create a task other agents can claim; depends_on lists tasks that must "
                        + "complete before this one can be claimed.",
                Schema.object().string("title", "Short title", true)
                        .string("description", "Details", false)
                        .integer("priority", "0 (lowest) .. 10 (default 5)", 0, 10, false)
                        .strings("depends_on", "Ids of tasks that must complete first", 50, false)
                        .string("session_id", SESSION_DOC, false),
                a -> svc().tasks().create(optionalSession(a), a.string("title"), a.optString("description").orElse(null),
                        a.optInteger("priority", 0, 10).orElse(null), a.strings("depends_on"))));
        t.add(tool("omega_coord_task_claim", "Claim a task to work on it. Granted only if its dependencies are completed "
                        + "and no other live session holds it; a refusal names the holder or the blocking tasks.",
                Schema.object().string("task_id", "Task id", true).string("session_id", SESSION_DOC, false),
                a -> svc().tasks().claim(session(a), a.string("task_id"))));
        t.add(tool("omega_coord_task_progress", "Report progress on a task you hold (a note and optionally a percentage).",
                Schema.object().string("task_id", "Task id", true).string("note", "What was done", true)
                        .integer("percent", "Progress 0..100", 0, 100, false).string("session_id", SESSION_DOC, false),
                a -> svc().tasks().progress(session(a), a.string("task_id"), a.string("note"),
                        a.optInteger("percent", 0, 100).orElse(null))));
        t.add(tool("omega_coord_task_complete", "Mark a task you hold as completed (releases it; unblocks tasks that "
                        + "depend on it).",
                Schema.object().string("task_id", "Task id", true).string("result", "What it produced", false)
                        .string("session_id", SESSION_DOC, false),
                a -> svc().tasks().complete(session(a), a.string("task_id"), a.optString("result").orElse(null))));
        t.add(tool("omega_coord_task_fail", "Mark a task you hold as failed, with the reason (releases it).",
                Schema.object().string("task_id", "Task id", true).string("reason", "Why it failed", true)
                        .string("session_id", SESSION_DOC, false),
                a -> svc().tasks().fail(session(a), a.string("task_id"), a.string("reason"))));
        t.add(tool("omega_coord_task_cancel", "Cancel an open task that nobody else is working on.",
                Schema.object().string("task_id", "Task id", true).string("reason", "Why", false)
                        .string("session_id", SESSION_DOC, false),
                a -> svc().tasks().cancel(session(a), a.string("task_id"), a.optString("reason").orElse(null))));
        t.add(tool("omega_coord_task_list", "List tasks, highest priority first, with holder, dependencies and progress "
                        + "(open ones unless asked otherwise).",
                Schema.object().choice("status", "Only this status", statuses, false)
                        .bool("include_closed", "Also completed, failed and cancelled tasks (default false)")
                        .integer("limit", "At most this many (default 50)", 1, 500, false),
                a -> listResult("tasks", svc().tasks().list(a.has("status") ? Validate.enumValue("status",
                        TaskStatus.class, a.choice("status", null, statuses)) : null,
                        a.bool("include_closed", false)), a.integer("limit", 50, 1, 500))));
    }

    private void messageTools(List<Tool> t) {
        t.add(tool("omega_coord_message_send", "Send a message to another session, or to every other live session when "
                        + "to_session_id is left out.",
                Schema.object().string("content", "The message", true)
                        .string("to_session_id", "Receiving session (default: broadcast)", false)
                        .string("session_id", SESSION_DOC, false),
                a -> svc().messages().send(session(a), a.optString("to_session_id").orElse(null),
                        a.string("content"))));
        t.add(tool("omega_coord_inbox", "Read messages sent to this session, oldest first (unread ones unless asked; "
                        + "returned messages are marked read).",
                Schema.object().bool("include_read", "Also messages read before (default false)")
                        .bool("mark_read", "Mark returned messages read (default true)")
                        .integer("limit", "At most this many (default 50)", 1, 200, false)
                        .string("session_id", SESSION_DOC, false),
                a -> svc().messages().inbox(session(a), a.bool("include_read", false), a.bool("mark_read", true),
                        a.integer("limit", 50, 1, 200))));
    }

    private void handoffTools(List<Tool> t) {
        List<String> statuses = new ArrayList<>();
        for (HandoffStatus s : HandoffStatus.values()) {
            statuses.add(Validate.wireName(s));
        }
        t.add(tool("omega_coord_handoff_create", "Hand work over to another session (named, or whoever accepts first): "
                        + "summarise the state, next steps and relevant files.",
                Schema.object().string("summary", "What is handed over: state, next steps, files", true)
                        .string("to_session_id", "Only this session may accept (default: any)", false)
                        .string("session_id", SESSION_DOC, false),
                a -> svc().handoffs().create(session(a), a.string("summary"),
                        a.optString("to_session_id").orElse(null))));
        t.add(tool("omega_coord_handoff_accept", "Accept a pending handoff; if several sessions try, exactly one wins "
                        + "(the others get accepted=false and the winner).",
                Schema.object().string("handoff_id", "Handoff id", true).string("session_id", SESSION_DOC, false),
                a -> svc().handoffs().accept(session(a), a.string("handoff_id"))));
        t.add(tool("omega_coord_handoff_complete", "Mark a handoff you accepted as completed.",
                Schema.object().string("handoff_id", "Handoff id", true).string("session_id", SESSION_DOC, false),
                a -> svc().handoffs().complete(session(a), a.string("handoff_id"))));
        t.add(tool("omega_coord_handoff_list", "List handoffs, newest first.",
                Schema.object().choice("status", "Only this status", statuses, false)
                        .bool("mine", "Only handoffs from or to this session, or open to anyone (default false)")
                        .string("session_id", SESSION_DOC, false)
                        .integer("limit", "At most this many (default 50)", 1, 500, false),
                a -> listResult("handoffs", svc().handoffs().list(a.has("status") ? Validate.enumValue("status",
                        HandoffStatus.class, a.choice("status", null, statuses)) : null,
                        a.bool("mine", false) ? session(a) : null), a.integer("limit", 50, 1, 500))));
    }

    private void decisionAndGitTools(List<Tool> t) {
        t.add(tool("omega_coord_decision_record", "Record a decision every agent on this repository should follow, "
                        + "with its rationale.",
                Schema.object().string("decision", "What was decided", true)
                        .string("rationale", "Why", false)
                        .strings("tags", "Lower-case tags", 50, false)
                        .string("session_id", SESSION_DOC, false),
                a -> svc().decisions().record(optionalSession(a), a.string("decision"),
                        a.optString("rationale").orElse(null), a.strings("tags"))));
        t.add(tool("omega_coord_decision_list", "List recorded decisions, latest first.",
                Schema.object().string("tag", "Only decisions with this tag", false)
                        .integer("limit", "At most this many (default 50)", 1, 500, false),
                a -> {
                    int limit = a.integer("limit", 50, 1, 500);
                    return listResult("decisions", svc().decisions().list(a.optString("tag").orElse(null), limit),
                            limit);
                }));
        t.add(tool("omega_coord_git_event_record", "Record a git event (commit, push, merge, ...) in the audit trail; "
                        + "the same commit and type recorded twice is kept once.",
                Schema.object().choice("type", "Kind of event", GitAudit.TYPES, true)
                        .string("summary", "Commit message or description", true)
                        .string("commit", "Commit hash", false)
                        .string("branch", "Branch", false)
                        .strings("files", "Changed paths", 500, false)
                        .string("session_id", SESSION_DOC, false),
                a -> svc().git().record(optionalSession(a), a.choice("type", null, GitAudit.TYPES),
                        a.string("summary"), a.optString("commit").orElse(null), a.optString("branch").orElse(null),
                        a.strings("files"))));
        t.add(tool("omega_coord_git_event_list", "List the git audit trail, latest first.",
                Schema.object().string("branch", "Only this branch", false)
                        .choice("type", "Only this kind of event", GitAudit.TYPES, false)
                        .integer("limit", "At most this many (default 50)", 1, 500, false),
                a -> {
                    int limit = a.integer("limit", 50, 1, 500);
                    return listResult("events", svc().git().list(a.optString("branch").orElse(null),
                            a.has("type") ? a.choice("type", null, GitAudit.TYPES) : null, limit), limit);
                }));
    }

    // ---- plumbing --------------------------------------------------------------------------------------------

    private Tool tool(String name, String description, Schema schema, Function<ToolArguments, Object> body) {
        Set<String> allowed = schema.names();
        return new Tool(name, description, schema.json(), call -> {
            ToolArguments args = call.arguments().allowOnly(allowed);
            try {
                return Results.tree(body.apply(args));
            } catch (InvalidInputException e) {
                throw new ToolArgumentException(e.getMessage());
            } catch (NotFoundException e) {
                throw new CoordinationToolException(Code.NOT_FOUND, e.getMessage()
                        + " in this workspace and project");
            } catch (ConflictException e) {
                throw new CoordinationToolException(Code.CONFLICT, e.getMessage());
            } catch (ConfigurationException e) {
                throw new CoordinationToolException(Code.NOT_CONFIGURED, e.getMessage(), e);
            } catch (DataStoreException e) {
                throw new CoordinationToolException(Code.STORE_FAILED, e.getMessage() + "; retry the call later", e);
            }
        });
    }

    private CoordinationService svc() {
        return service.get();
    }

    private Duration ttl() {
        return svc().settings().sessionTtl();
    }

    private String session(ToolArguments a) {
        String s = optionalSession(a);
        if (s == null) {
            throw new ToolArgumentException("argument 'session_id' is required: register a session first with "
                    + "omega_coord_session_register, or pass session_id");
        }
        return s;
    }

    private String optionalSession(ToolArguments a) {
        return a.optString("session_id").orElseGet(current::get);
    }

    private static Map<String, Object> objectArg(ToolArguments a, String name) {
        Object v = a.asMap().get(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Map<?, ?> m)) {
            throw new ToolArgumentException("argument '" + name + "' must be an object");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, val) -> out.put(String.valueOf(k), val));
        return out;
    }

    private static Map<String, Object> listResult(String key, List<?> items, int limit) {
        List<?> page = items.subList(0, Math.min(limit, items.size()));
        return map(key, page, "count", page.size(), "total", items.size());
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            out.put((String) kv[i], kv[i + 1]);
        }
        return out;
    }
}
