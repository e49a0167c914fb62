package co.omegamax.platform.jdbi;

import static co.omegamax.platform.spi.Validate.wireName;

import co.omegamax.platform.spi.ClaimResult;
import co.omegamax.platform.spi.ConflictException;
import co.omegamax.platform.spi.CoordinationEvent;
import co.omegamax.platform.spi.CoordinationEventFilters;
import co.omegamax.platform.spi.CoordinationEventInput;
import co.omegamax.platform.spi.CoordinationKind;
import co.omegamax.platform.spi.CreateProjectInput;
import co.omegamax.platform.spi.CreateWorkspaceInput;
import co.omegamax.platform.spi.DashboardMetrics;
import co.omegamax.platform.spi.DataStore;
import co.omegamax.platform.spi.DataStoreRules;
import co.omegamax.platform.spi.GraphData;
import co.omegamax.platform.spi.GraphEdge;
import co.omegamax.platform.spi.GraphLink;
import co.omegamax.platform.spi.GraphNode;
import co.omegamax.platform.spi.Handoff;
import co.omegamax.platform.spi.HandoffInput;
import co.omegamax.platform.spi.HandoffStatus;
import co.omegamax.platform.spi.InvalidInputException;
import co.omegamax.platform.spi.Job;
import co.omegamax.platform.spi.JobInput;
import co.omegamax.platform.spi.JobStatus;
import co.omegamax.platform.spi.MemoryFilters;
import co.omegamax.platform.spi.MemoryInput;
import co.omegamax.platform.spi.MemoryRecord;
import co.omegamax.platform.spi.Message;
import co.omegamax.platform.spi.MessageInput;
import co.omegamax.platform.spi.NewWorkspaceKey;
import co.omegamax.platform.spi.NotFoundException;
import co.omegamax.platform.spi.Page;
import co.omegamax.platform.spi.Project;
import co.omegamax.platform.spi.Session;
import co.omegamax.platform.spi.SessionFilters;
import co.omegamax.platform.spi.SessionInput;
import co.omegamax.platform.spi.SessionStatus;
import co.omegamax.platform.spi.Slugs;
import co.omegamax.platform.spi.Task;
import co.omegamax.platform.spi.TaskInput;
import co.omegamax.platform.spi.TaskStatus;
import co.omegamax.platform.spi.TrackedEntity;
import co.omegamax.platform.spi.TrackedEntityFilters;
import co.omegamax.platform.spi.TrackedEntityInput;
import co.omegamax.platform.spi.UpdateProjectInput;
import co.omegamax.platform.spi.UpdateWorkspaceInput;
import co.omegamax.platform.spi.UpsertResult;
import co.omegamax.platform.spi.UserAccount;
import co.omegamax.platform.spi.UserAccountInput;
import co.omegamax.platform.spi.Validate;
import co.omegamax.platform.spi.Workspace;
import co.omegamax.platform.spi.WorkspaceKey;
import co.omegamax.platform.spi.WorkspaceKeyPrincipal;
import co.omegamax.platform.spi.WorkspaceKeyStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The {@link DataStore} logic shared by the JDBI adapters. All database work goes through the adapter's
 * {@link TenantWork}; this class never sees a raw handle, so every statement is filtered by the acting user.
 * Subclasses supply the dialect, the memory text search and what closing releases. It is also the
 * {@link WorkspaceKeyStore} of its database (the {@code workspace_keys} table, through {@link JdbiWorkspaceKeys}), so
 * code holding only the configured store can verify and mint workspace keys.
 */
public abstract class JdbiStore implements DataStore, WorkspaceKeyStore {
    private final TenantWork scope;
    private final JdbiWorkspaceKeys keys;
    private final Rows rows;
    private final Json json;
    private final Clock clock;
    private final String label;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param scope   the adapter's tenant scope, the only way to the database
     * @param dialect how the database stores timestamps and binds values
     * @param clock   the time source
     * @param label   the store for messages, e.g. {@code "SQLite store /var/lib/omega/platform.db"} (no credentials)
     */
    protected JdbiStore(TenantWork scope, SqlDialect dialect, Clock clock, String label) {
        this.scope = scope;
        this.clock = clock;
        this.json = new Json();
        this.rows = new Rows(json, dialect);
        this.label = label;
        this.keys = new JdbiWorkspaceKeys(scope, dialect, clock);
    }

    private <R> R read(String userId, java.util.function.Function<UserScopedHandle, R> work) {
        checkOpen();
        return scope.read(userId, work);
    }

    private <R> R write(String userId, java.util.function.Function<UserScopedHandle, R> work) {
        checkOpen();
        return scope.write(userId, work);
    }

    private void checkOpen() {
        if (closed.get()) {
            throw new IllegalStateException(label + " is closed");
        }
    }

    private long now() {
        return clock.millis();
    }

    private static long millis(Instant instant, long fallback) {
        return instant == null ? fallback : instant.toEpochMilli();
    }

    private static Map<String, Object> cols(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    private static String wire(Enum<?> e) {
        return e == null ? null : wireName(e);
    }

    // ---- lookups shared by the methods -----------------------------------------------------------------------

    private Workspace requireWorkspace(UserScopedHandle h, String workspaceId) {
        Validate.id("workspaceId", workspaceId);
        return h.from(Table.WORKSPACES).whereEq("id", workspaceId).one(rows.workspace())
                .orElseThrow(() -> new NotFoundException("workspace", workspaceId));
    }

    private void requireProjectIn(UserScopedHandle h, String workspaceId, String projectId) {
        if (projectId != null && !h.from(Table.PROJECTS).whereEq("id", projectId).whereEq("workspace_id", workspaceId).exists()) {
            throw new NotFoundException("project", projectId);
        }
    }

    private Session requireSession(UserScopedHandle h, String sessionId) {
        return h.from(Table.SESSIONS).whereEq("id", sessionId).one(rows.session())
                .orElseThrow(() -> new NotFoundException("session", sessionId));
    }

    private void requireSessionIn(UserScopedHandle h, String workspaceId, String sessionId) {
        if (sessionId != null && !requireSession(h, sessionId).workspaceId().equals(workspaceId)) {
            throw new NotFoundException("session", sessionId);
        }
    }

    private <T> Optional<T> existing(UserScopedHandle h, Table table, String id, RowMapper<T> mapper) {
        return h.from(table).whereEq("id", id).one(mapper);
    }

    private void deleteById(String userId, Table table, String kind, String id) {
        Validate.id(kind + "Id", id);
        write(userId, h -> {
            if (h.from(table).whereEq("id", id).delete() == 0) {
                throw new NotFoundException(kind, id);
            }
            return null;
        });
    }

    // ---- workspace keys --------------------------------------------------------------------------------------

    @Override
    public NewWorkspaceKey create(String userId, String workspaceId, String name) {
        return keys.create(userId, workspaceId, name);
    }

    @Override
    public List<WorkspaceKey> list(String userId, String workspaceId) {
        return keys.list(userId, workspaceId);
    }

    @Override
    public void revoke(String userId, String keyId) {
        keys.revoke(userId, keyId);
    }

    @Override
    public Optional<WorkspaceKeyPrincipal> verify(String presentedKey) {
        return keys.verify(presentedKey);
    }

    // ---- user account ----------------------------------------------------------------------------------------

    @Override
    public Optional<UserAccount> getUserAccount(String userId) {
        return read(userId, h -> h.from(Table.USER_ACCOUNTS).one(rows.account()));
    }

    @Override
    public UserAccount saveUserAccount(String userId, UserAccountInput input) {
        Validate.notNull("input", input);
        return write(userId, h -> {
            Map<String, Object> values = cols("plan", wire(input.plan()), "license_key", input.licenseKey(),
                    "settings", json.write(input.settings()));
            if (h.from(Table.USER_ACCOUNTS).exists()) {
                h.from(Table.USER_ACCOUNTS).update(values);
            } else {
                values.put("created_at", now());
                h.insert(Table.USER_ACCOUNTS, values);
            }
            return h.from(Table.USER_ACCOUNTS).one(rows.account()).orElseThrow();
        });
    }

    // ---- workspaces ------------------------------------------------------------------------------------------

    @Override
    public List<Workspace> getWorkspaces(String userId, Page page) {
        Validate.notNull("page", page);
        return read(userId, h -> h.from(Table.WORKSPACES).orderBy("slug, id").page(page).list(rows.workspace()));
    }

    @Override
    public Optional<Workspace> getWorkspace(String userId, String workspaceSlug) {
        Validate.notNull("workspaceSlug", workspaceSlug);
        return read(userId, h -> h.from(Table.WORKSPACES).whereEq("slug", workspaceSlug).one(rows.workspace()));
    }

    @Override
    public Optional<Workspace> getWorkspaceById(String userId, String workspaceId) {
        Validate.id("workspaceId", workspaceId);
        return read(userId, h -> h.from(Table.WORKSPACES).whereEq("id", workspaceId).one(rows.workspace()));
    }

    private boolean slugTaken(UserScopedHandle h, String slug) {
        return h.from(Table.WORKSPACES).whereEq("slug", slug).exists();
    }

    @Override
    public Workspace createWorkspace(String userId, CreateWorkspaceInput input) {
        Validate.notNull("input", input);
        return write(userId, h -> {
            String slug;
            if (input.slug() != null) {
                if (slugTaken(h, input.slug())) {
                    throw DataStoreRules.slugTaken(input.slug());
                }
                slug = input.slug();
            } else {
                slug = Slugs.unique(Slugs.slugify(input.name()), s -> slugTaken(h, s));
            }
            String id = UUID.randomUUID().toString();
            long now = now();
            h.insert(Table.WORKSPACES, cols("id", id, "name", input.name(), "workspace_type", wire(input.type()),
                    "slug", slug, "settings", json.write(input.settings()), "created_at", now, "updated_at", now));
            return requireWorkspace(h, id);
        });
    }

    @Override
    public Workspace updateWorkspace(String userId, String workspaceId, UpdateWorkspaceInput input) {
        Validate.notNull("input", input);
        return write(userId, h -> {
            Workspace current = requireWorkspace(h, workspaceId);
            Map<String, Object> set = cols("updated_at", now());
            if (input.name() != null) {
                set.put("name", input.name());
            }
            if (input.type() != null) {
                set.put("workspace_type", wire(input.type()));
            }
            if (input.slug() != null && !input.slug().equals(current.slug())) {
                if (slugTaken(h, input.slug())) {
                    throw DataStoreRules.slugTaken(input.slug());
                }
                set.put("slug", input.slug());
            }
            if (input.settings() != null) {
                set.put("settings", json.write(input.settings()));
            }
            h.from(Table.WORKSPACES).whereEq("id", workspaceId).update(set);
            return requireWorkspace(h, workspaceId);
        });
    }

    @Override
    public void deleteWorkspace(String userId, String workspaceId) {
        deleteById(userId, Table.WORKSPACES, "workspace", workspaceId);
    }

    // ---- projects --------------------------------------------------------------------------------------------

    @Override
    public List<Project> getProjects(String userId, String workspaceId, Page page) {
        Validate.notNull("page", page);
        return read(userId, h -> {
            requireWorkspace(h, workspaceId);
            return h.from(Table.PROJECTS).whereEq("workspace_id", workspaceId).orderBy("name, id").page(page)
                    .list(rows.project());
        });
    }

    @Override
    public Optional<Project> getProject(String userId, String projectId) {
        Validate.id("projectId", projectId);
        return read(userId, h -> existing(h, Table.PROJECTS, projectId, rows.project()));
    }

    @Override
    public Project createProject(String userId, String workspaceId, CreateProjectInput input) {
        Validate.notNull("input", input);
        return write(userId, h -> {
            requireWorkspace(h, workspaceId);
            String id = UUID.randomUUID().toString();
            long now = now();
            h.insert(Table.PROJECTS, cols("id", id, "workspace_id", workspaceId, "name", input.name(),
                    "description", input.description(), "status", wire(input.status()),
                    "settings", json.write(input.settings()), "created_at", now, "updated_at", now));
            return existing(h, Table.PROJECTS, id, rows.project()).orElseThrow();
        });
    }

    @Override
    public Project updateProject(String userId, String projectId, UpdateProjectInput input) {
        Validate.id("projectId", projectId);
        Validate.notNull("input", input);
        return write(userId, h -> {
            existing(h, Table.PROJECTS, projectId, rows.project()).orElseThrow(() -> new NotFoundException("project", projectId));
            Map<String, Object> set = cols("updated_at", now());
            if (input.name() != null) {
                set.put("name", input.name());
            }
            if (input.description() != null) {
                set.put("description", input.description());
            }
            if (input.status() != null) {
                set.put("status", wire(input.status()));
            }
            if (input.settings() != null) {
                set.put("settings", json.write(input.settings()));
            }
            h.from(Table.PROJECTS).whereEq("id", projectId).update(set);
            return existing(h, Table.PROJECTS, projectId, rows.project()).orElseThrow();
        });
    }

    @Override
    public void deleteProject(String userId, String projectId) {
        deleteById(userId, Table.PROJECTS, "project", projectId);
    }

    // ---- memories --------------------------------------------------------------------------------------------

    @Override
    public List<MemoryRecord> getMemories(String userId, MemoryFilters filters, Page page) {
        Validate.notNull("filters", filters);
        Validate.notNull("page", page);
        return read(userId, h -> {
            requireWorkspace(h, filters.workspaceId());
            ScopedQuery q = h.from(Table.MEMORIES).whereEq("workspace_id", filters.workspaceId());
            if (filters.projectId() != null) {
                q.whereEq("project_id", filters.projectId());
            }
            if (filters.eventType() != null) {
                q.whereEq("event_type", filters.eventType());
            }
            if (filters.memoryType() != null) {
                q.whereEq("memory_type", filters.memoryType());
            }
            if (filters.search() != null) {
                whereContentContains(q, filters.search());
            }
            return q.orderBy("created_at DESC, id").page(page).list(rows.memory());
        });
    }

    /** Adds to {@code q} (over memories) the condition that {@code content} contains {@code search}. */
    protected abstract void whereContentContains(ScopedQuery q, String search);

    /** @return {@code s} with backslash, {@code %} and {@code _} escaped for {@code LIKE ... ESCAPE} with a backslash */
    protected static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    @Override
    public Optional<MemoryRecord> getMemory(String userId, String memoryId) {
        Validate.id("memoryId", memoryId);
        return read(userId, h -> existing(h, Table.MEMORIES, memoryId, rows.memory()));
    }

    @Override
    public UpsertResult upsertMemories(String userId, List<MemoryInput> memories) {
        List<MemoryInput> batch = Validate.batch("memories", memories);
        DataStoreRules.requireDistinctIds("memories", batch.stream().map(MemoryInput::id).toList());
        return write(userId, h -> {
            int inserted = 0;
            int updated = 0;
            long now = now();
            for (MemoryInput m : batch) {
                requireWorkspace(h, m.workspaceId());
                requireProjectIn(h, m.workspaceId(), m.projectId());
                Optional<MemoryRecord> old = existing(h, Table.MEMORIES, m.id(), rows.memory());
                Map<String, Object> values = cols("workspace_id", m.workspaceId(), "project_id", m.projectId(),
                        "event_type", m.eventType(), "memory_type", m.memoryType(), "content", m.content(),
                        "tags", json.write(m.tags()), "metadata", json.write(m.metadata()), "updated_at", now);
                if (old.isPresent()) {
                    DataStoreRules.requireSameWorkspace("memory", m.id(), old.get().workspaceId(), m.workspaceId());
                    values.put("created_at", millis(m.createdAt(), old.get().createdAt().toEpochMilli()));
                    h.from(Table.MEMORIES).whereEq("id", m.id()).update(values);
                    updated++;
                } else {
                    values.put("id", m.id());
                    values.put("created_at", millis(m.createdAt(), now));
                    h.insert(Table.MEMORIES, values);
                    inserted++;
                }
            }
            return new UpsertResult(inserted, updated);
        });
    }

    @Override
    public int deleteMemories(String userId, Collection<String> memoryIds) {
        List<String> ids = Validate.batch("memoryIds", memoryIds);
        ids.forEach(id -> Validate.id("memoryIds", id));
        return write(userId, h -> h.from(Table.MEMORIES).where("id IN (<ids>)").bindList("ids", ids).delete());
    }

    @Override
    public void linkMemories(String userId, List<GraphLink> links) {
        link(userId, links, Table.MEMORIES, Table.MEMORY_LINKS, "memory");
    }

    private void link(String userId, List<GraphLink> links, Table nodes, Table edges, String kind) {
        List<GraphLink> batch = Validate.batch("links", links);
        write(userId, h -> {
            for (GraphLink link : batch) {
                String fromWs = workspaceOf(h, nodes, kind, link.fromId());
                String toWs = workspaceOf(h, nodes, kind, link.toId());
                if (!fromWs.equals(toWs)) {
                    throw new InvalidInputException("link", kind + " '" + link.fromId() + "' and '" + link.toId()
                            + "' are in different workspaces; links stay within one workspace");
                }
                h.from(edges).whereEq("from_id", link.fromId()).whereEq("to_id", link.toId())
                        .whereEq("relation", link.relation()).delete();
                h.insert(edges, cols("workspace_id", fromWs, "from_id", link.fromId(), "to_id", link.toId(),
                        "relation", link.relation(), "weight", link.weight()));
            }
            return null;
        });
    }

    private String workspaceOf(UserScopedHandle h, Table table, String kind, String id) {
        return h.from(table).whereEq("id", id).one((rs, ctx) -> rs.getString("workspace_id"))
                .orElseThrow(() -> new NotFoundException(kind, id));
    }

    @Override
    public GraphData getMemoryGraph(String userId, String workspaceId, String projectId) {
        Validate.optionalId("projectId", projectId);
        return read(userId, h -> {
            requireWorkspace(h, workspaceId);
            requireProjectIn(h, workspaceId, projectId);
            ScopedQuery q = h.from(Table.MEMORIES).whereEq("workspace_id", workspaceId);
            if (projectId != null) {
                q.whereEq("project_id", projectId);
            }
            List<GraphNode> nodes = q.orderBy("updated_at DESC, id").limit(GraphData.MAX_NODES).list(rows.memoryNode());
            return new GraphData(nodes, edgesAmong(h, Table.MEMORY_LINKS, workspaceId, nodes));
        });
    }

    private List<GraphEdge> edgesAmong(UserScopedHandle h, Table edges, String workspaceId, List<GraphNode> nodes) {
        if (nodes.isEmpty()) {
            return List.of();
        }
        List<String> ids = nodes.stream().map(GraphNode::id).toList();
        return h.from(edges).whereEq("workspace_id", workspaceId).where("from_id IN (<ids>)").where("to_id IN (<ids>)")
                .bindList("ids", ids).orderBy("from_id, to_id, relation").list(rows.edge());
    }

    // ---- tracked entities ------------------------------------------------------------------------------------

    @Override
    public List<TrackedEntity> getTrackedEntities(String userId, String workspaceId, TrackedEntityFilters filters, Page page) {
        Validate.notNull("filters", filters);
        Validate.notNull("page", page);
        return read(userId, h -> {
            requireWorkspace(h, workspaceId);
            ScopedQuery q = h.from(Table.ENTITIES).whereEq("workspace_id", workspaceId);
            if (filters.entityType() != null) {
                q.whereEq("entity_type", filters.entityType());
            }
            if (filters.status() != null) {
                q.whereEq("status", filters.status());
            }
            return q.orderBy("name, id").page(page).list(rows.entity());
        });
    }

    @Override
    public UpsertResult upsertTrackedEntities(String userId, List<TrackedEntityInput> entities) {
        List<TrackedEntityInput> batch = Validate.batch("entities", entities);
        DataStoreRules.requireDistinctIds("entities", batch.stream().map(TrackedEntityInput::id).toList());
        return write(userId, h -> {
            int inserted = 0;
            int updated = 0;
            long now = now();
            for (TrackedEntityInput e : batch) {
                requireWorkspace(h, e.workspaceId());
                Optional<TrackedEntity> old = existing(h, Table.ENTITIES, e.id(), rows.entity());
                Map<String, Object> values = cols("workspace_id", e.workspaceId(), "name", e.name(),
                        "entity_type", e.entityType(), "status", e.status(), "attributes", json.write(e.attributes()),
                        "updated_at", now);
                if (old.isPresent()) {
                    DataStoreRules.requireSameWorkspace("entity", e.id(), old.get().workspaceId(), e.workspaceId());
                    h.from(Table.ENTITIES).whereEq("id", e.id()).update(values);
                    updated++;
                } else {
                    values.put("id", e.id());
                    values.put("created_at", now);
                    h.insert(Table.ENTITIES, values);
                    inserted++;
                }
            }
            return new UpsertResult(inserted, updated);
        });
    }

    @Override
    public void linkTrackedEntities(String userId, List<GraphLink> links) {
        link(userId, links, Table.ENTITIES, Table.ENTITY_LINKS, "entity");
    }

    @Override
    public void deleteTrackedEntity(String userId, String entityId) {
        deleteById(userId, Table.ENTITIES, "entity", entityId);
    }

    @Override
    public GraphData getEntityGraph(String userId, String workspaceId) {
        return read(userId, h -> {
            requireWorkspace(h, workspaceId);
            List<GraphNode> nodes = h.from(Table.ENTITIES).whereEq("workspace_id", workspaceId)
                    .orderBy("updated_at DESC, id").limit(GraphData.MAX_NODES).list(rows.entityNode());
            return new GraphData(nodes, edgesAmong(h, Table.ENTITY_LINKS, workspaceId, nodes));
        });
    }

    // ---- coordination ----------------------------------------------------------------------------------------

    @Override
    public List<Session> getSessions(String userId, SessionFilters filters, Page page) {
        Validate.notNull("filters", filters);
        Validate.notNull("page", page);
        return read(userId, h -> {
            requireWorkspace(h, filters.workspaceId());
            ScopedQuery q = h.from(Table.SESSIONS).whereEq("workspace_id", filters.workspaceId());
            if (filters.projectId() != null) {
                q.whereEq("project_id", filters.projectId());
            }
            if (filters.status() != null) {
                q.whereEq("status", wire(filters.status()));
            }
            return q.orderBy("started_at DESC, id").page(page).list(rows.session());
        });
    }

    @Override
    public Session recordSession(String userId, SessionInput s) {
        Validate.notNull("session", s);
        return write(userId, h -> {
            requireWorkspace(h, s.workspaceId());
            requireProjectIn(h, s.workspaceId(), s.projectId());
            Optional<Session> old = existing(h, Table.SESSIONS, s.id(), rows.session());
            long started = millis(s.startedAt(), old.map(o -> o.startedAt().toEpochMilli()).orElse(now()));
            if (s.endedAt() != null && s.endedAt().toEpochMilli() < started) {
                throw new InvalidInputException("session.endedAt", "must not be before the session's start");
            }
            Map<String, Object> values = cols("workspace_id", s.workspaceId(), "project_id", s.projectId(),
                    "agent_name", s.agentName(), "status", wire(s.status()), "started_at", started,
                    "ended_at", s.endedAt() == null ? null : s.endedAt().toEpochMilli(),
                    "metadata", json.write(s.metadata()));
            if (old.isPresent()) {
                DataStoreRules.requireSameWorkspace("session", s.id(), old.get().workspaceId(), s.workspaceId());
                h.from(Table.SESSIONS).whereEq("id", s.id()).update(values);
            } else {
                values.put("id", s.id());
                h.insert(Table.SESSIONS, values);
            }
            return requireSession(h, s.id());
        });
    }

    @Override
    public void deleteSession(String userId, String sessionId) {
        Validate.id("sessionId", sessionId);
        write(userId, h -> {
            requireSession(h, sessionId);
            h.from(Table.TASKS).whereEq("session_id", sessionId).update(cols("session_id", null));
            for (CoordinationKind kind : CoordinationKind.values()) {
                h.from(Table.of(kind)).whereEq("session_id", sessionId).update(cols("session_id", null));
            }
            h.from(Table.SESSIONS).whereEq("id", sessionId).delete();
            return null;
        });
    }

    @Override
    public List<Task> getTasks(String userId, String workspaceId, Page page) {
        return listInWorkspace(userId, workspaceId, page, Table.TASKS, rows.task());
    }

    private <T> List<T> listInWorkspace(String userId, String workspaceId, Page page, Table table, RowMapper<T> mapper) {
        Validate.notNull("page", page);
        return read(userId, h -> {
            requireWorkspace(h, workspaceId);
            return h.from(table).whereEq("workspace_id", workspaceId).orderBy("created_at DESC, id").page(page).list(mapper);
        });
    }

    @Override
    public Task recordTask(String userId, TaskInput t) {
        Validate.notNull("task", t);
        return write(userId, h -> {
            requireWorkspace(h, t.workspaceId());
            requireProjectIn(h, t.workspaceId(), t.projectId());
            requireSessionIn(h, t.workspaceId(), t.sessionId());
            Optional<Task> old = existing(h, Table.TASKS, t.id(), rows.task());
            long now = now();
            Map<String, Object> values = cols("workspace_id", t.workspaceId(), "project_id", t.projectId(),
                    "session_id", t.sessionId(), "title", t.title(), "description", t.description(),
                    "status", wire(t.status()), "priority", t.priority(), "updated_at", now);
            if (old.isPresent()) {
                DataStoreRules.requireSameWorkspace("task", t.id(), old.get().workspaceId(), t.workspaceId());
                values.put("created_at", millis(t.createdAt(), old.get().createdAt().toEpochMilli()));
                h.from(Table.TASKS).whereEq("id", t.id()).update(values);
            } else {
                values.put("id", t.id());
                values.put("created_at", millis(t.createdAt(), now));
                h.insert(Table.TASKS, values);
            }
            return existing(h, Table.TASKS, t.id(), rows.task()).orElseThrow();
        });
    }

    @Override
    public void deleteTask(String userId, String taskId) {
        deleteById(userId, Table.TASKS, "task", taskId);
    }

    @Override
    public List<Message> getMessages(String userId, String sessionId, Page page) {
        Validate.id("sessionId", sessionId);
        Validate.notNull("page", page);
        return read(userId, h -> {
            requireSession(h, sessionId);
            return h.from(Table.MESSAGES).whereEq("session_id", sessionId).orderBy("created_at, id").page(page)
                    .list(rows.message());
        });
    }

    @Override
    public Message recordMessage(String userId, MessageInput m) {
        Validate.notNull("message", m);
        return write(userId, h -> {
            Session session = requireSession(h, m.sessionId());
            Optional<Message> old = existing(h, Table.MESSAGES, m.id(), rows.message());
            Map<String, Object> values = cols("workspace_id", session.workspaceId(), "session_id", m.sessionId(),
                    "sender", m.sender(), "recipient", m.recipient(), "content", m.content());
            if (old.isPresent()) {
                if (!old.get().sessionId().equals(m.sessionId())) {
                    throw new ConflictException("message '" + m.id() + "' already belongs to another session of this"
                            + " user; use a new id");
                }
                values.put("created_at", millis(m.createdAt(), old.get().createdAt().toEpochMilli()));
                h.from(Table.MESSAGES).whereEq("id", m.id()).update(values);
            } else {
                values.put("id", m.id());
                values.put("created_at", millis(m.createdAt(), now()));
                h.insert(Table.MESSAGES, values);
            }
            return existing(h, Table.MESSAGES, m.id(), rows.message()).orElseThrow();
        });
    }

    @Override
    public List<Handoff> getHandoffs(String userId, String workspaceId, Page page) {
        return listInWorkspace(userId, workspaceId, page, Table.HANDOFFS, rows.handoff());
    }

    @Override
    public Handoff recordHandoff(String userId, HandoffInput x) {
        Validate.notNull("handoff", x);
        return write(userId, h -> {
            requireWorkspace(h, x.workspaceId());
            requireProjectIn(h, x.workspaceId(), x.projectId());
            requireSessionIn(h, x.workspaceId(), x.fromSessionId());
            requireSessionIn(h, x.workspaceId(), x.toSessionId());
            Optional<Handoff> old = existing(h, Table.HANDOFFS, x.id(), rows.handoff());
            long now = now();
            Map<String, Object> values = cols("workspace_id", x.workspaceId(), "project_id", x.projectId(),
                    "from_session_id", x.fromSessionId(), "to_session_id", x.toSessionId(), "summary", x.summary(),
                    "status", wire(x.status()), "updated_at", now);
            if (old.isPresent()) {
                DataStoreRules.requireSameWorkspace("handoff", x.id(), old.get().workspaceId(), x.workspaceId());
                values.put("created_at", millis(x.createdAt(), old.get().createdAt().toEpochMilli()));
                h.from(Table.HANDOFFS).whereEq("id", x.id()).update(values);
            } else {
                values.put("id", x.id());
                values.put("created_at", millis(x.createdAt(), now));
                h.insert(Table.HANDOFFS, values);
            }
            return existing(h, Table.HANDOFFS, x.id(), rows.handoff()).orElseThrow();
        });
    }

    @Override
    public void deleteHandoff(String userId, String handoffId) {
        deleteById(userId, Table.HANDOFFS, "handoff", handoffId);
    }

    @Override
    public List<CoordinationEvent> getCoordinationEvents(String userId, CoordinationEventFilters filters, Page page) {
        Validate.notNull("filters", filters);
        Validate.notNull("page", page);
        return read(userId, h -> {
            requireWorkspace(h, filters.workspaceId());
            ScopedQuery q = h.from(Table.of(filters.kind())).whereEq("workspace_id", filters.workspaceId());
            if (filters.sessionId() != null) {
                q.whereEq("session_id", filters.sessionId());
            }
            return q.orderBy("occurred_at DESC, id").page(page).list(rows.event(filters.kind()));
        });
    }

    @Override
    public CoordinationEvent recordCoordinationEvent(String userId, CoordinationEventInput e) {
        Validate.notNull("event", e);
        Table table = Table.of(e.kind());
        return write(userId, h -> {
            requireWorkspace(h, e.workspaceId());
            requireProjectIn(h, e.workspaceId(), e.projectId());
            requireSessionIn(h, e.workspaceId(), e.sessionId());
            Optional<CoordinationEvent> old = existing(h, table, e.id(), rows.event(e.kind()));
            Map<String, Object> values = cols("workspace_id", e.workspaceId(), "project_id", e.projectId(),
                    "session_id", e.sessionId(), "summary", e.summary(), "attributes", json.write(e.attributes()));
            if (old.isPresent()) {
                DataStoreRules.requireSameWorkspace(wire(e.kind()), e.id(), old.get().workspaceId(), e.workspaceId());
                values.put("occurred_at", millis(e.occurredAt(), old.get().occurredAt().toEpochMilli()));
                h.from(table).whereEq("id", e.id()).update(values);
            } else {
                values.put("id", e.id());
                values.put("occurred_at", millis(e.occurredAt(), now()));
                h.insert(table, values);
            }
            return existing(h, table, e.id(), rows.event(e.kind())).orElseThrow();
        });
    }

    @Override
    public void deleteCoordinationEvent(String userId, CoordinationKind kind, String eventId) {
        Validate.notNull("kind", kind);
        deleteById(userId, Table.of(kind), wire(kind), eventId);
    }

    @Override
    public ClaimResult claimCoordinationEvent(String userId, CoordinationEventInput claim, Instant staleBefore) {
        Validate.notNull("claim", claim);
        Validate.notNull("staleBefore", staleBefore);
        Table table = Table.of(claim.kind());
        return write(userId, h -> {
            requireWorkspace(h, claim.workspaceId());
            requireProjectIn(h, claim.workspaceId(), claim.projectId());
            requireSessionIn(h, claim.workspaceId(), claim.sessionId());
            Optional<CoordinationEvent> old = existing(h, table, claim.id(), rows.event(claim.kind()));
            if (old.isPresent()) {
                DataStoreRules.requireSameWorkspace(wire(claim.kind()), claim.id(), old.get().workspaceId(), claim.workspaceId());
            }
            String t = table.sqlName();
            boolean granted = h.insertOrTakeOver(table, cols("id", claim.id(), "workspace_id", claim.workspaceId(),
                            "project_id", claim.projectId(), "session_id", claim.sessionId(), "summary", claim.summary(),
                            "attributes", json.write(claim.attributes()), "occurred_at", millis(claim.occurredAt(), now())),
                    "(" + t + ".session_id IS NOT NULL AND " + t + ".session_id = excluded.session_id) OR "
                            + t + ".occurred_at < :__c_occurred_at",
                    Map.of("occurred_at", staleBefore.toEpochMilli()));
            return new ClaimResult(granted, existing(h, table, claim.id(), rows.event(claim.kind())).orElseThrow());
        });
    }

    // ---- jobs ------------------------------------------------------------------------------------------------

    @Override
    public List<Job> getJobs(String userId, String workspaceId, Page page) {
        return listInWorkspace(userId, workspaceId, page, Table.JOBS, rows.job());
    }

    @Override
    public Job recordJob(String userId, JobInput j) {
        Validate.notNull("job", j);
        return write(userId, h -> {
            requireWorkspace(h, j.workspaceId());
            requireProjectIn(h, j.workspaceId(), j.projectId());
            Optional<Job> old = existing(h, Table.JOBS, j.id(), rows.job());
            long now = now();
            Map<String, Object> values = cols("workspace_id", j.workspaceId(), "project_id", j.projectId(),
                    "name", j.name(), "status", wire(j.status()), "payload", json.write(j.payload()),
                    "error", j.error(), "updated_at", now);
            if (old.isPresent()) {
                DataStoreRules.requireSameWorkspace("job", j.id(), old.get().workspaceId(), j.workspaceId());
                values.put("created_at", millis(j.createdAt(), old.get().createdAt().toEpochMilli()));
                h.from(Table.JOBS).whereEq("id", j.id()).update(values);
            } else {
                values.put("id", j.id());
                values.put("created_at", millis(j.createdAt(), now));
                h.insert(Table.JOBS, values);
            }
            return existing(h, Table.JOBS, j.id(), rows.job()).orElseThrow();
        });
    }

    @Override
    public void deleteJob(String userId, String jobId) {
        deleteById(userId, Table.JOBS, "job", jobId);
    }

    // ---- dashboard -------------------------------------------------------------------------------------------

    @Override
    public DashboardMetrics getDashboardMetrics(String userId, String workspaceId) {
        return read(userId, h -> {
            requireWorkspace(h, workspaceId);
            Map<String, Long> byEventType = h.from(Table.MEMORIES).whereEq("workspace_id", workspaceId).countBy("event_type");
            Map<JobStatus, Long> byStatus = new EnumMap<>(JobStatus.class);
            h.from(Table.JOBS).whereEq("workspace_id", workspaceId).countBy("status")
                    .forEach((k, v) -> byStatus.put(Validate.enumValue("status", JobStatus.class, k), v));
            List<String> open = new ArrayList<>();
            for (TaskStatus s : TaskStatus.values()) {
                if (s.isOpen()) {
                    open.add(wire(s));
                }
            }
            return new DashboardMetrics(workspaceId,
                    count(h, Table.PROJECTS, workspaceId),
                    byEventType.values().stream().mapToLong(Long::longValue).sum(),
                    byEventType,
                    count(h, Table.ENTITIES, workspaceId),
                    count(h, Table.SESSIONS, workspaceId),
                    h.from(Table.SESSIONS).whereEq("workspace_id", workspaceId).whereEq("status", wire(SessionStatus.ACTIVE)).count(),
                    count(h, Table.TASKS, workspaceId),
                    h.from(Table.TASKS).whereEq("workspace_id", workspaceId).where("status IN (<open>)").bindList("open", open).count(),
                    count(h, Table.HANDOFFS, workspaceId),
                    h.from(Table.HANDOFFS).whereEq("workspace_id", workspaceId).whereEq("status", wire(HandoffStatus.PENDING)).count(),
                    byStatus.values().stream().mapToLong(Long::longValue).sum(),
                    byStatus);
        });
    }

    private static long count(UserScopedHandle h, Table table, String workspaceId) {
        return h.from(table).whereEq("workspace_id", workspaceId).count();
    }

    /** Closes the store once; later calls do nothing. */
    @Override
    public final void close() {
        if (closed.compareAndSet(false, true)) {
            release();
        }
    }

    /** Releases what the store holds (a connection pool); called once by {@link #close()}. Does nothing by default. */
    protected void release() {
    }
}
