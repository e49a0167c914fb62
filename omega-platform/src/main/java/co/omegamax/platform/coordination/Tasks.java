package co.omegamax.platform.coordination;

import co.omegamax.platform.coordination.internal.Attrs;
import co.omegamax.platform.coordination.internal.ClaimEngine;
import co.omegamax.platform.coordination.internal.ClaimKeys;
import co.omegamax.platform.coordination.internal.Scoped;
import co.omegamax.platform.spi.ConflictException;
import co.omegamax.platform.spi.CoordinationEvent;
import co.omegamax.platform.spi.CoordinationEventInput;
import co.omegamax.platform.spi.CoordinationKind;
import co.omegamax.platform.spi.InvalidInputException;
import co.omegamax.platform.spi.NotFoundException;
import co.omegamax.platform.spi.Session;
import co.omegamax.platform.spi.Task;
import co.omegamax.platform.spi.TaskInput;
import co.omegamax.platform.spi.TaskStatus;
import co.omegamax.platform.spi.Validate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Tasks shared by the sessions of a workspace and project: create, claim, report progress, complete, fail,
 * cancel, with dependencies.
 *
 * <p>Representation: the task itself is a {@code Task} row (status {@code pending} until claimed,
 * {@code in_progress} with the claimer as its session, then {@code completed}, {@code failed} or
 * {@code cancelled}). Who works on it is an exclusive claim (resource {@code task}, see {@link Claims}), so two
 * sessions claiming one task cannot both win. What the {@code Task} record has no field for (dependencies,
 * creator, progress notes, result, failure reason) lives in one companion {@link CoordinationKind#METRIC} event
 * per task with id {@code taskmeta:<hash>}, summary {@code task:<id>} and attribute {@code record=omega.task}.
 */
public final class Tasks {
    /** Progress notes kept per task. */
    public static final int MAX_NOTES = 20;
    /** Most dependencies one task may have. */
    public static final int MAX_DEPENDENCIES = 50;
    static final String RESOURCE = "task";
    static final String RECORD = "record";
    static final String RECORD_TYPE = "omega.task";

    private final Scoped scoped;
    private final Sessions sessions;
    private final ClaimEngine claims;

    Tasks(Scoped scoped, Sessions sessions, ClaimEngine claims) {
        this.scoped = scoped;
        this.sessions = sessions;
        this.claims = claims;
    }

    /**
     * Creates a pending task.
     *
     * @param sessionId creating session, or null
     * @param priority  0..10, or null for 5
     * @param dependsOn ids of tasks of this scope that must complete before this one can be claimed
     */
    public TaskInfo create(String sessionId, String title, String description, Integer priority,
                           List<String> dependsOn) {
        Session creator = sessionId == null ? null : sessions.requireOpen(sessionId);
        List<String> deps = dependsOn == null ? List.of() : List.copyOf(new LinkedHashSet<>(dependsOn));
        if (deps.size() > MAX_DEPENDENCIES) {
            throw new InvalidInputException("depends_on", "at most " + MAX_DEPENDENCIES + " dependencies");
        }
        Map<String, Task> all = byId(scoped.tasks());
        for (String dep : deps) {
            if (!all.containsKey(dep)) {
                throw new NotFoundException("task", dep);
            }
        }
        String id = "t-" + UUID.randomUUID();
        Task task = scoped.record(new TaskInput(id, scoped.workspaceId(), scoped.projectId(), null, title,
                description, TaskStatus.PENDING, priority == null ? 5 : priority, scoped.now()));
        all.put(id, task);
        CoordinationEvent meta = writeMeta(task, Attrs.create().put(RECORD, RECORD_TYPE).put("task_id", id)
                .put("depends_on", deps).put("created_by", creator == null ? null : creator.id()).build());
        return info(task, meta, all, names());
    }

    /**
     * Claims a task for the session: granted only if its dependencies are completed and no other live session
     * holds it. A task held by a stale session is taken over.
     *
     * @throws ConflictException if the task is already completed, failed or cancelled
     */
    public TaskClaimOutcome claim(String sessionId, String taskId) {
        Session s = sessions.requireOpen(sessionId);
        Task task = requireOpenTask(taskId);
        Map<String, Task> all = byId(scoped.tasks());
        CoordinationEvent meta = meta(task.id());
        List<String> blockedBy = blockedBy(meta, all);
        if (!blockedBy.isEmpty()) {
            return new TaskClaimOutcome(false, "blocked", info(task, meta, all, names()), null, blockedBy);
        }
        ClaimOutcome outcome = claims.claim(RESOURCE, List.of(task.id()), s, null).get(0);
        if (!outcome.granted()) {
            return new TaskClaimOutcome(false, "held", info(task, meta, all, names()), outcome.holder(), List.of());
        }
        Task updated = start(s, task.id());
        all.put(updated.id(), updated);
        return new TaskClaimOutcome(true, "claimed", info(updated, meta, all, names()), outcome.holder(), List.of());
    }

    /**
     * Adds a progress note; the session must hold the task (an unclaimed task is claimed on the way).
     *
     * @param percent 0..100, or null
     * @throws ConflictException if another live session holds it, it is blocked or it is closed
     */
    public TaskInfo progress(String sessionId, String taskId, String note, Integer percent) {
        Session s = sessions.requireOpen(sessionId);
        String text = Validate.content("note", note, 2_000).strip();
        if (percent != null && (percent < 0 || percent > 100)) {
            throw new InvalidInputException("percent", "must be between 0 and 100, was " + percent);
        }
        Task task = hold(s, requireOpenTask(taskId), true, true);
        CoordinationEvent meta = meta(task.id());
        List<Map<String, Object>> notes = new ArrayList<>(Attrs.maps(meta == null ? null : meta.attributes(),
                "notes"));
        notes.add(Attrs.create().put("at", scoped.now()).put("session_id", s.id()).put("note", text)
                .put("percent", percent).build());
        while (notes.size() > MAX_NOTES) {
            notes.remove(0);
        }
        Attrs attrs = Attrs.copyOf(meta == null ? baseMeta(task) : meta.attributes()).put("notes", notes);
        if (percent != null) {
            attrs.put("progress_percent", percent);
        }
        CoordinationEvent updatedMeta = writeMeta(task, attrs.build());
        return info(task, updatedMeta, byId(scoped.tasks()), names());
    }

    /** Completes the task (the session must hold it, or claim it on the way) and releases the claim. */
    public TaskInfo complete(String sessionId, String taskId, String result) {
        return close(sessionId, taskId, TaskStatus.COMPLETED, "result",
                Validate.optionalText("result", result, Validate.MAX_TEXT_LENGTH), true);
    }

    /** Marks the task failed with a reason (the session must hold it, or claim it on the way) and releases it. */
    public TaskInfo fail(String sessionId, String taskId, String reason) {
        return close(sessionId, taskId, TaskStatus.FAILED, "failure_reason",
                Validate.content("reason", reason, Validate.MAX_TEXT_LENGTH).strip(), false);
    }

    /**
     * Cancels an open task. Refused while another live session holds it (ask it with a message, or wait until it
     * is stale).
     */
    public TaskInfo cancel(String sessionId, String taskId, String reason) {
        return close(sessionId, taskId, TaskStatus.CANCELLED, "failure_reason",
                Validate.optionalText("reason", reason, Validate.MAX_TEXT_LENGTH), false);
    }

    /** @return the task */
    public TaskInfo get(String taskId) {
        Map<String, Task> all = byId(scoped.tasks());
        Task task = all.get(Validate.id("task_id", taskId));
        if (task == null) {
            throw new NotFoundException("task", taskId);
        }
        return info(task, meta(task.id()), all, names());
    }

    /**
     * Lists tasks, highest priority first, then oldest first.
     *
     * @param status        only this status, or null
     * @param includeClosed also completed, failed and cancelled tasks (ignored when {@code status} is given)
     */
    public List<TaskInfo> list(TaskStatus status, boolean includeClosed) {
        Map<String, Task> all = byId(scoped.tasks());
        Map<String, CoordinationEvent> metas = new HashMap<>();
        for (CoordinationEvent e : scoped.events(CoordinationKind.METRIC, null)) {
            if (RECORD_TYPE.equals(Attrs.string(e.attributes(), RECORD))) {
                metas.put(Attrs.string(e.attributes(), "task_id"), e);
            }
        }
        Map<String, String> names = names();
        List<TaskInfo> out = new ArrayList<>();
        for (Task t : all.values()) {
            boolean keep = status != null ? t.status() == status : includeClosed || t.status().isOpen();
            if (keep) {
                out.add(info(t, metas.get(t.id()), all, names));
            }
        }
        out.sort(Comparator.comparingInt(TaskInfo::priority).reversed().thenComparing(TaskInfo::createdAt)
                .thenComparing(TaskInfo::id));
        return out;
    }

    private TaskInfo close(String sessionId, String taskId, TaskStatus status, String key, String text,
                           boolean checkDependencies) {
        Session s = sessions.requireOpen(sessionId);
        Task task = hold(s, requireOpenTask(taskId), checkDependencies, false);
        Task closed = scoped.record(new TaskInput(task.id(), task.workspaceId(), task.projectId(), s.id(),
                task.title(), task.description(), status, task.priority(), task.createdAt()));
        CoordinationEvent meta = meta(task.id());
        CoordinationEvent updatedMeta = writeMeta(closed, Attrs.copyOf(meta == null ? baseMeta(task)
                : meta.attributes()).put(key, text).put("closed_by", s.id()).build());
        claims.release(RESOURCE, task.id(), s.id());
        return info(closed, updatedMeta, byId(scoped.tasks()), names());
    }

    /**
     * Makes sure the session holds the task (claiming it if free).
     *
     * @param markInProgress record the task as in progress by the session (not needed right before closing it)
     * @return the task as stored now
     */
    private Task hold(Session s, Task task, boolean checkDependencies, boolean markInProgress) {
        if (checkDependencies) {
            List<String> blockedBy = blockedBy(meta(task.id()), byId(scoped.tasks()));
            if (!blockedBy.isEmpty()) {
                throw new ConflictException("task '" + task.id() + "' is blocked by unfinished tasks " + blockedBy
                        + "; complete or cancel those first");
            }
        }
        ClaimOutcome outcome = claims.claim(RESOURCE, List.of(task.id()), s, null).get(0);
        if (!outcome.granted()) {
            ClaimInfo h = outcome.holder();
            throw new ConflictException("task '" + task.id() + "' is held by session '" + h.sessionId() + "' (agent "
                    + h.agentName() + ") since " + h.claimedAt() + "; message that session or wait until it has "
                    + "been silent for " + scoped.settings().sessionTtl().toMinutes() + " minutes");
        }
        if (task.status() == TaskStatus.IN_PROGRESS && s.id().equals(task.sessionId())) {
            return task;
        }
        return markInProgress ? start(s, task.id()) : stillOpen(s, task.id());
    }

    /** Marks a claimed task in progress by the session, unless it was closed meanwhile (then releases it). */
    private Task start(Session s, String taskId) {
        Task current = stillOpen(s, taskId);
        return scoped.record(new TaskInput(current.id(), current.workspaceId(), current.projectId(), s.id(),
                current.title(), current.description(), TaskStatus.IN_PROGRESS, current.priority(),
                current.createdAt()));
    }

    /** @return the claimed task re-read; @throws ConflictException (after releasing it) if it was closed meanwhile */
    private Task stillOpen(Session s, String taskId) {
        Task current = byId(scoped.tasks()).get(taskId);
        if (current == null || !current.status().isOpen()) {
            claims.release(RESOURCE, taskId, s.id());
            throw new ConflictException("task '" + taskId + "' was closed by another session meanwhile; list the "
                    + "open tasks (omega_coord_task_list) and pick another");
        }
        return current;
    }

    private Task requireOpenTask(String taskId) {
        Task task = byId(scoped.tasks()).get(Validate.id("task_id", taskId));
        if (task == null) {
            throw new NotFoundException("task", taskId);
        }
        if (!task.status().isOpen()) {
            throw new ConflictException("task '" + task.id() + "' is already " + Validate.wireName(task.status())
                    + "; create a new task (omega_coord_task_create) if more work is needed");
        }
        return task;
    }

    private List<String> blockedBy(CoordinationEvent meta, Map<String, Task> all) {
        List<String> out = new ArrayList<>();
        for (String dep : Attrs.strings(meta == null ? null : meta.attributes(), "depends_on")) {
            Task t = all.get(dep);
            if (t == null || t.status() != TaskStatus.COMPLETED) {
                out.add(dep);
            }
        }
        return out;
    }

    private Map<String, Object> baseMeta(Task task) {
        return Attrs.create().put(RECORD, RECORD_TYPE).put("task_id", task.id()).build();
    }

    private CoordinationEvent meta(String taskId) {
        String id = metaId(taskId);
        for (CoordinationEvent e : scoped.events(CoordinationKind.METRIC, null)) {
            if (e.id().equals(id)) {
                return e;
            }
        }
        return null;
    }

    private CoordinationEvent writeMeta(Task task, Map<String, Object> attrs) {
        return scoped.record(new CoordinationEventInput(metaId(task.id()), CoordinationKind.METRIC,
                scoped.workspaceId(), scoped.projectId(), null, "task:" + task.id(), attrs, scoped.now()));
    }

    private String metaId(String taskId) {
        return ClaimKeys.id("taskmeta", scoped.workspaceId(), scoped.projectId(), taskId);
    }

    private Map<String, String> names() {
        Map<String, String> names = new HashMap<>();
        scoped.sessions().forEach(s -> names.put(s.id(), s.agentName()));
        return names;
    }

    private static Map<String, Task> byId(List<Task> tasks) {
        Map<String, Task> out = new java.util.LinkedHashMap<>();
        tasks.forEach(t -> out.put(t.id(), t));
        return out;
    }

    private TaskInfo info(Task t, CoordinationEvent meta, Map<String, Task> all, Map<String, String> names) {
        Map<String, Object> a = meta == null ? Map.of() : meta.attributes();
        List<TaskNote> notes = new ArrayList<>();
        for (Map<String, Object> n : Attrs.maps(a, "notes")) {
            notes.add(new TaskNote(Attrs.instant(n, "at", t.updatedAt()), Attrs.string(n, "session_id"),
                    Attrs.string(n, "note"), Attrs.integer(n, "percent")));
        }
        List<String> blocked = t.status().isOpen() ? blockedBy(meta, all) : List.of();
        return new TaskInfo(t.id(), t.title(), t.description(), Validate.wireName(t.status()), t.priority(),
                t.projectId(), t.sessionId(), t.sessionId() == null ? null : names.get(t.sessionId()),
                Attrs.strings(a, "depends_on"), blocked, Attrs.integer(a, "progress_percent"), notes,
                Attrs.string(a, "result"), Attrs.string(a, "failure_reason"), Attrs.string(a, "created_by"),
                t.createdAt(), t.updatedAt());
    }

}
