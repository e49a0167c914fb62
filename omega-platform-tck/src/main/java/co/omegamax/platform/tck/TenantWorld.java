package co.omegamax.platform.tck;

import co.omegamax.platform.spi.CoordinationEventFilters;
import co.omegamax.platform.spi.CoordinationEventInput;
import co.omegamax.platform.spi.CoordinationKind;
import co.omegamax.platform.spi.CreateProjectInput;
import co.omegamax.platform.spi.CreateWorkspaceInput;
import co.omegamax.platform.spi.DataStore;
import co.omegamax.platform.spi.GraphLink;
import co.omegamax.platform.spi.HandoffInput;
import co.omegamax.platform.spi.HandoffStatus;
import co.omegamax.platform.spi.JobInput;
import co.omegamax.platform.spi.JobStatus;
import co.omegamax.platform.spi.MemoryFilters;
import co.omegamax.platform.spi.MemoryInput;
import co.omegamax.platform.spi.MessageInput;
import co.omegamax.platform.spi.Page;
import co.omegamax.platform.spi.Plan;
import co.omegamax.platform.spi.Project;
import co.omegamax.platform.spi.Session;
import co.omegamax.platform.spi.SessionFilters;
import co.omegamax.platform.spi.SessionInput;
import co.omegamax.platform.spi.SessionStatus;
import co.omegamax.platform.spi.TaskInput;
import co.omegamax.platform.spi.TaskStatus;
import co.omegamax.platform.spi.TrackedEntityFilters;
import co.omegamax.platform.spi.TrackedEntityInput;
import co.omegamax.platform.spi.UserAccountInput;
import co.omegamax.platform.spi.Workspace;
import co.omegamax.platform.spi.WorkspaceType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The isolation fixture: several users, each owning several workspaces with the <em>same names, slugs and
 * client ids</em> as the other users (the collisions an attacker would exploit), plus some ids and one slug
 * only that user has. Every text contains its owner's {@link #marker(String) marker}.
 */
public final class TenantWorld {
    /** Ids every user uses for their rows (colliding across users); each is suffixed with the workspace index. */
    public static final String SHARED = "shared";
    /** Workspace names every user has, so their slugs collide across users. */
    public static final List<String> WORKSPACE_NAMES = List.of("Acme Corp", "Personal");

    /** What one user owns. */
    public static final class Tenant {
        /** The user id. */
        public final String userId;
        /** The user's workspaces, in {@link #WORKSPACE_NAMES} order, then the private one. */
        public final List<Workspace> workspaces = new ArrayList<>();
        /** One project per workspace, same order. */
        public final List<Project> projects = new ArrayList<>();
        /** Slug only this user has. */
        public String privateSlug;
        /** Ids of rows only this user has (memory, entity, session, task, handoff, job). */
        public final Map<String, String> privateIds = new LinkedHashMap<>();

        Tenant(String userId) {
            this.userId = userId;
        }

        /** @return the first workspace (shared name "Acme Corp") */
        public Workspace main() {
            return workspaces.get(0);
        }
    }

    private final Map<String, Tenant> tenants = new LinkedHashMap<>();

    private TenantWorld() {
    }

    /** @return the marker text that appears in every row of {@code userId} */
    public static String marker(String userId) {
        return "owned-by-" + userId;
    }

    /** @return the tenant of a user */
    public Tenant tenant(String userId) {
        return tenants.get(userId);
    }

    /** @return every tenant */
    public List<Tenant> tenants() {
        return List.copyOf(tenants.values());
    }

    /** Builds the same shape of data for each user in {@code store}. */
    public static TenantWorld build(DataStore store, List<String> userIds) {
        TenantWorld world = new TenantWorld();
        Instant t0 = Instant.parse("2026-03-01T10:00:00Z");
        for (String user : userIds) {
            Tenant t = new Tenant(user);
            world.tenants.put(user, t);
            String mark = marker(user);
            store.saveUserAccount(user, new UserAccountInput(Plan.PRO, "key-" + user, Map.of("owner", mark)));
            for (String name : WORKSPACE_NAMES) {
                t.workspaces.add(store.createWorkspace(user,
                        new CreateWorkspaceInput(name, WorkspaceType.BUSINESS, null, Map.of("owner", mark))));
            }
            t.privateSlug = "private-" + user.replaceAll("[^a-z0-9]", "");
            t.workspaces.add(store.createWorkspace(user,
                    new CreateWorkspaceInput("Private " + user, WorkspaceType.PERSONAL, t.privateSlug, null)));
            for (int w = 0; w < t.workspaces.size(); w++) {
                Workspace ws = t.workspaces.get(w);
                Project p = store.createProject(user, ws.id(),
                        new CreateProjectInput("Project " + w, "project of " + mark, null, null));
                t.projects.add(p);
                String sfx = "-" + w;
                List<MemoryInput> memories = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    memories.add(new MemoryInput(SHARED + "-mem-" + i + sfx, ws.id(), i == 0 ? p.id() : null,
                            i % 2 == 0 ? "decision" : "lesson_learned", "semantic",
                            "memory " + i + " " + mark, List.of("t" + i), Map.of("owner", mark),
                            t0.plusSeconds(60L * i + w)));
                }
                store.upsertMemories(user, memories);
                store.linkMemories(user, List.of(new GraphLink(SHARED + "-mem-0" + sfx, SHARED + "-mem-1" + sfx, "related", 0.5)));
                store.upsertTrackedEntities(user, List.of(
                        new TrackedEntityInput(SHARED + "-ent-a" + sfx, ws.id(), "Ada " + mark, "person", "active", Map.of("owner", mark)),
                        new TrackedEntityInput(SHARED + "-ent-b" + sfx, ws.id(), "Bolt " + mark, "company", null, null)));
                store.linkTrackedEntities(user, List.of(new GraphLink(SHARED + "-ent-a" + sfx, SHARED + "-ent-b" + sfx, "works_at", 1.0)));
                store.recordSession(user, new SessionInput(SHARED + "-ses" + sfx, ws.id(), p.id(), "agent " + mark,
                        SessionStatus.ACTIVE, t0, null, Map.of("owner", mark)));
                store.recordMessage(user, new MessageInput(SHARED + "-msg" + sfx, SHARED + "-ses" + sfx, "agent",
                        null, "hello " + mark, t0.plusSeconds(5)));
                store.recordTask(user, new TaskInput(SHARED + "-task" + sfx, ws.id(), p.id(), SHARED + "-ses" + sfx,
                        "task " + mark, null, TaskStatus.PENDING, 3, t0));
                store.recordHandoff(user, new HandoffInput(SHARED + "-hand" + sfx, ws.id(), null, SHARED + "-ses" + sfx,
                        null, "handoff " + mark, HandoffStatus.PENDING, t0));
                for (CoordinationKind kind : CoordinationKind.values()) {
                    store.recordCoordinationEvent(user, new CoordinationEventInput(SHARED + "-event" + sfx, kind, ws.id(),
                            p.id(), SHARED + "-ses" + sfx, kind + " " + mark, Map.of("owner", mark), t0.plusSeconds(30)));
                }
                store.recordJob(user, new JobInput(SHARED + "-job" + sfx, ws.id(), null, "job " + mark, JobStatus.RUNNING,
                        Map.of("owner", mark), null, t0));
            }
            // rows whose ids exist only for this user, in the main workspace
            String ws0 = t.main().id();
            String u = user.replaceAll("[^a-z0-9]", "");
            t.privateIds.put("memory", u + "-only-mem");
            t.privateIds.put("entity", u + "-only-ent");
            t.privateIds.put("session", u + "-only-ses");
            t.privateIds.put("message", u + "-only-msg");
            t.privateIds.put("task", u + "-only-task");
            t.privateIds.put("handoff", u + "-only-hand");
            t.privateIds.put("job", u + "-only-job");
            t.privateIds.put("event", u + "-only-event");
            store.upsertMemories(user, List.of(MemoryInput.of(u + "-only-mem", ws0, "decision", "private memory " + mark)));
            store.linkMemories(user, List.of(new GraphLink(u + "-only-mem", SHARED + "-mem-2-0", "supersedes", 0.9)));
            store.upsertTrackedEntities(user, List.of(new TrackedEntityInput(u + "-only-ent", ws0, "Only " + mark, "person", null, null)));
            store.recordSession(user, new SessionInput(u + "-only-ses", ws0, null, "solo " + mark, SessionStatus.IDLE, t0, null, null));
            store.recordMessage(user, new MessageInput(u + "-only-msg", u + "-only-ses", "solo", "agent", "psst " + mark, t0));
            store.recordTask(user, TaskInput.pending(u + "-only-task", ws0, "only task " + mark));
            store.recordHandoff(user, new HandoffInput(u + "-only-hand", ws0, null, u + "-only-ses", SHARED + "-ses-0",
                    "only handoff " + mark, HandoffStatus.ACCEPTED, t0));
            store.recordJob(user, JobInput.queued(u + "-only-job", ws0, "only job " + mark));
            for (CoordinationKind kind : CoordinationKind.values()) {
                store.recordCoordinationEvent(user, CoordinationEventInput.of(u + "-only-event", kind, ws0,
                        u + "-only-ses", "only " + kind + " " + mark));
            }
        }
        return world;
    }

    /**
     * Everything {@code userId} can see through the read methods, as one comparable value: used to prove that
     * another user's calls changed nothing.
     */
    public static Map<String, Object> snapshot(DataStore store, String userId) {
        Map<String, Object> out = new LinkedHashMap<>();
        Page all = Page.of(Page.MAX_LIMIT, 0);
        out.put("account", store.getUserAccount(userId));
        List<Workspace> workspaces = store.getWorkspaces(userId, all);
        out.put("workspaces", workspaces);
        for (Workspace ws : workspaces) {
            String k = "ws:" + ws.slug() + ":";
            out.put(k + "projects", store.getProjects(userId, ws.id(), all));
            out.put(k + "memories", store.getMemories(userId, MemoryFilters.workspace(ws.id()), all));
            out.put(k + "memoryGraph", store.getMemoryGraph(userId, ws.id(), null));
            out.put(k + "entities", store.getTrackedEntities(userId, ws.id(), TrackedEntityFilters.NONE, all));
            out.put(k + "entityGraph", store.getEntityGraph(userId, ws.id()));
            List<Session> sessions = store.getSessions(userId, SessionFilters.workspace(ws.id()), all);
            out.put(k + "sessions", sessions);
            for (Session s : sessions) {
                out.put(k + "messages:" + s.id(), store.getMessages(userId, s.id(), all));
            }
            out.put(k + "tasks", store.getTasks(userId, ws.id(), all));
            out.put(k + "handoffs", store.getHandoffs(userId, ws.id(), all));
            out.put(k + "jobs", store.getJobs(userId, ws.id(), all));
            out.put(k + "metrics", store.getDashboardMetrics(userId, ws.id()));
            for (CoordinationKind kind : CoordinationKind.values()) {
                out.put(k + "events:" + kind, store.getCoordinationEvents(userId, CoordinationEventFilters.of(ws.id(), kind), all));
            }
        }
        return out;
    }
}
