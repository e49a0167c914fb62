package co.omegamax.platform.adapter.supabase;

import static co.omegamax.platform.spi.Validate.wireName;

import co.omegamax.platform.adapter.supabase.internal.ErrorMapper;
import co.omegamax.platform.adapter.supabase.internal.Json;
import co.omegamax.platform.adapter.supabase.internal.PostgrestClient;
import co.omegamax.platform.adapter.supabase.internal.PostgrestRequest;
import co.omegamax.platform.adapter.supabase.internal.PostgrestResponse;
import co.omegamax.platform.adapter.supabase.internal.Query;
import co.omegamax.platform.adapter.supabase.internal.RetryPolicy;
import co.omegamax.platform.adapter.supabase.internal.Rows;
import co.omegamax.platform.adapter.supabase.internal.Tables;
import co.omegamax.platform.adapter.supabase.internal.TokenSubject;
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
import co.omegamax.platform.spi.DataStoreException;
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
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import okhttp3.HttpUrl;

/**
 * {@link DataStore} over Supabase's REST API (PostgREST). Every call carries the acting user's access token (from an
 * {@link AccessTokenSource}; a token whose {@code sub} is another user is refused before anything is sent), so
 * Supabase applies the row-level security policies of the omega migrations to that user; every query also filters
 * on {@code user_id} itself (the application-level filter, with RLS as the safety net). The service-role key is
 * never used.
 *
 * <p>Reads are filtered GETs ({@code limit}/{@code offset}, stable orders); single-row writes are upserts
 * ({@code Prefer: return=representation,resolution=merge-duplicates}, {@code on_conflict=user_id,id}); a batch is one
 * request, hence one transaction; references (workspace, project, session) are checked first, as in the JDBI
 * stores. Graphs, dashboard metrics, memory search, session deletion, batch memory deletion and coordination claims
 * are SQL functions of migration V4 called over {@code /rpc} (SECURITY INVOKER, so RLS applies).
 *
 * <pre>{@code
 * SupabaseAuthProvider auth = SupabaseAuthProvider.create(SupabaseAuthSettings.builder(url, anonKey).build());
 * SupabaseSessionTokens tokens = SupabaseSessionTokens.refreshingWith(auth);
 * String userId = tokens.add(auth.signInWithRefresh(new Credentials.Password(email, password)));
 * try (DataStore store = SupabaseDataStore.open(SupabaseDataStoreSettings.builder(url, anonKey).build(), tokens)) {
 *     store.getWorkspaces(userId, Page.first());
 * }
 * }</pre>
 */
public final class SupabaseDataStore implements DataStore {
    /** Longest query string (characters) an id filter may take before it is split into several reads. */
    private static final int MAX_FILTER_CHARS = 6_000;
    private static final String REPRESENTATION = "return=representation";
    private static final String MERGE = "resolution=merge-duplicates";

    private final SupabaseDataStoreSettings settings;
    private final AccessTokenSource tokens;
    private final PostgrestClient client;
    private final Json json = new Json();
    private final HttpUrl rest;
    private final Clock clock;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final List<AutoCloseable> alsoClose = new java.util.concurrent.CopyOnWriteArrayList<>();

    private SupabaseDataStore(SupabaseDataStoreSettings settings, AccessTokenSource tokens) {
        this.settings = settings;
        this.tokens = tokens;
        this.rest = settings.restUrl;
        this.clock = settings.clock;
        RetryPolicy retry = new RetryPolicy(settings.maxRetries, settings.retryBaseDelay, settings.retryMaxDelay,
                settings.maxRetryAfter, RetryPolicy.uniformJitter(), settings.clock);
        this.client = new PostgrestClient(settings.restUrl(), settings.anonKey, settings.schema,
                new PostgrestClient.Timeouts(settings.connectTimeout, settings.readTimeout, settings.callTimeout,
                        settings.maxIdleConnections), retry, new ErrorMapper(json), d -> Thread.sleep(d.toMillis()));
    }

    /**
     * Opens a store; no call is made until the first method call.
     *
     * @param settings the project and HTTP settings
     * @param tokens   where each user's access token comes from
     * @return the store (close it to release its connection pool)
     */
    public static SupabaseDataStore open(SupabaseDataStoreSettings settings, AccessTokenSource tokens) {
        Validate.notNull("settings", settings);
        Validate.notNull("tokens", tokens);
        return new SupabaseDataStore(settings, tokens);
    }

    // ---- plumbing ------------------------------------------------------------------------------------------------

    /** One DataStore call: the acting user and the token every request of the call sends. */
    private final class Call {
        final String uid;
        final String token;

        Call(String userId) {
            this.uid = Validate.userId(userId);
            if (closed.get()) {
                throw new IllegalStateException(SupabaseDataStore.this + " is closed");
            }
            this.token = TokenSubject.requireSubject(tokens.accessToken(uid), uid);
        }

        /** @return a query on a table already filtered on the acting user */
        Query from(String table) {
            return Query.table(rest, table).eq("user_id", uid);
        }

        List<Map<String, Object>> get(Query q) {
            return json.rows(send("GET", q, null, List.of(), true).body(), q.describe("GET"));
        }

        Optional<Map<String, Object>> first(Query q) {
            List<Map<String, Object>> rows = get(q);
            return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
        }

        /** Plain insert: never retried. */
        Map<String, Object> insert(String table, Map<String, Object> row) {
            Query q = Query.table(rest, table).select("*");
            List<Map<String, Object>> out = json.rows(send("POST", q, json.write(row), List.of(REPRESENTATION), false).body(),
                    q.describe("POST"));
            return single(out, q);
        }

        /** Upsert of one or more rows (one request, one transaction); safe to retry. @return the returned rows */
        List<Map<String, Object>> upsert(String table, List<Map<String, Object>> rows, String select, String... conflict) {
            Query q = Query.table(rest, table).onConflict(conflict).select(select);
            return json.rows(send("POST", q, json.write(rows), List.of(REPRESENTATION, MERGE), true).body(),
                    q.describe("POST upsert"));
        }

        /** Update of rows selected by key; sets absolute values, so it is safe to retry. @return the changed rows */
        List<Map<String, Object>> patch(Query q, Map<String, Object> set) {
            q.select("*");
            return json.rows(send("PATCH", q, json.write(set), List.of(REPRESENTATION), true).body(), q.describe("PATCH"));
        }

        /** Delete by key with an exact count. @return rows deleted */
        long delete(Query q) {
            PostgrestResponse r = send("DELETE", q, null, List.of("return=minimal", "count=exact"), true);
            return r.total().orElseThrow(() -> new DataStoreException("Supabase " + q.describe("DELETE") + " answered"
                    + " without a row count (Content-Range); is this PostgREST?", null));
        }

        /** Calls a V4 function; read-only ones are retried. @return the answer body */
        String rpc(String function, Map<String, Object> args, boolean readOnly) {
            Query q = Query.rpc(rest, function);
            return send("POST", q, json.write(args), List.of(), readOnly).body();
        }

        private PostgrestResponse send(String method, Query q, String body, List<String> prefer, boolean idempotent) {
            return client.execute(new PostgrestRequest(method, q.url(), body, prefer, idempotent, q.describe(method)), token);
        }
    }

    private static Map<String, Object> single(List<Map<String, Object>> rows, Query q) {
        if (rows.size() != 1) {
            throw new DataStoreException("Supabase " + q.describe("POST") + " returned " + rows.size() + " rows instead of"
                    + " one; check the row-level security policies of the omega migrations", null);
        }
        return rows.get(0);
    }

    private static boolean isUuid(String s) {
        if (s == null || s.length() != 36) {
            return false;
        }
        try {
            return UUID.fromString(s).toString().equalsIgnoreCase(s);
        } catch (IllegalArgumentException e) {
            return false;
        }
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

    private String now() {
        return Rows.wire(clock.instant());
    }

    private static String at(Instant given, Instant old, String now) {
        return given != null ? Rows.wire(given) : old != null ? Rows.wire(old) : now;
    }

    /** Splits ids so that no {@code in.(…)} filter exceeds {@link #MAX_FILTER_CHARS}. */
    private static List<List<String>> chunks(Collection<String> ids) {
        List<List<String>> out = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int chars = 0;
        for (String id : ids) {
            int cost = id.length() * 3 + 4;
            if (!current.isEmpty() && chars + cost > MAX_FILTER_CHARS) {
                out.add(current);
                current = new ArrayList<>();
                chars = 0;
            }
            current.add(id);
            chars += cost;
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    /** @return rows of {@code table} with these ids (selected columns), by id */
    private Map<String, Map<String, Object>> byIds(Call c, String table, Collection<String> ids, String select,
                                                   Function<String, Boolean> valid) {
        Map<String, Map<String, Object>> out = new HashMap<>();
        List<String> usable = ids.stream().filter(valid::apply).distinct().toList();
        for (List<String> chunk : chunks(usable)) {
            for (Map<String, Object> row : c.get(c.from(table).in("id", chunk).select(select))) {
                out.put(Rows.text(row, "id"), row);
            }
        }
        return out;
    }

    private Workspace requireWorkspace(Call c, String workspaceId) {
        Validate.id("workspaceId", workspaceId);
        if (!isUuid(workspaceId)) {
            throw new NotFoundException("workspace", workspaceId);
        }
        return c.first(c.from(Tables.WORKSPACES).eq("id", workspaceId)).map(Rows::workspace)
                .orElseThrow(() -> new NotFoundException("workspace", workspaceId));
    }

    private void requireProjectIn(Call c, String workspaceId, String projectId) {
        if (projectId != null && (!isUuid(projectId) || c.get(c.from(Tables.PROJECTS).eq("id", projectId)
                .eq("workspace_id", workspaceId).select("id")).isEmpty())) {
            throw new NotFoundException("project", projectId);
        }
    }

    private Session requireSession(Call c, String sessionId) {
        return c.first(c.from(Tables.SESSIONS).eq("id", sessionId)).map(Rows::session)
                .orElseThrow(() -> new NotFoundException("session", sessionId));
    }

    private void requireSessionIn(Call c, String workspaceId, String sessionId) {
        if (sessionId != null && !requireSession(c, sessionId).workspaceId().equals(workspaceId)) {
            throw new NotFoundException("session", sessionId);
        }
    }

    private Optional<Map<String, Object>> existing(Call c, String table, String id) {
        return c.first(c.from(table).eq("id", id));
    }

    private void deleteById(String userId, String table, String kind, String id) {
        Call c = new Call(userId);
        Validate.id(kind + "Id", id);
        if (c.delete(c.from(table).eq("id", id)) == 0) {
            throw new NotFoundException(kind, id);
        }
    }

    // ---- user account --------------------------------------------------------------------------------------------

    @Override
    public Optional<UserAccount> getUserAccount(String userId) {
        Call c = new Call(userId);
        return c.first(c.from(Tables.USER_ACCOUNTS)).map(Rows::account);
    }

    @Override
    public UserAccount saveUserAccount(String userId, UserAccountInput input) {
        Call c = new Call(userId);
        Validate.notNull("input", input);
        // created_at is not sent: the column default sets it on insert and the merge leaves it alone
        Map<String, Object> row = cols("user_id", c.uid, "plan", wire(input.plan()), "license_key", input.licenseKey(),
                "settings", input.settings());
        Query q = Query.table(rest, Tables.USER_ACCOUNTS);
        return Rows.account(single(c.upsert(Tables.USER_ACCOUNTS, List.of(row), "*", "user_id"), q));
    }

    // ---- workspaces ----------------------------------------------------------------------------------------------

    @Override
    public List<Workspace> getWorkspaces(String userId, Page page) {
        Call c = new Call(userId);
        Validate.notNull("page", page);
        return c.get(c.from(Tables.WORKSPACES).order("slug.asc,id.asc").page(page.limit(), page.offset())).stream()
                .map(Rows::workspace).toList();
    }

    @Override
    public Optional<Workspace> getWorkspace(String userId, String workspaceSlug) {
        Call c = new Call(userId);
        Validate.notNull("workspaceSlug", workspaceSlug);
        try {
            Slugs.validate(workspaceSlug);
        } catch (InvalidInputException notASlug) {
            return Optional.empty(); // no stored workspace has such a slug
        }
        return c.first(c.from(Tables.WORKSPACES).eq("slug", workspaceSlug)).map(Rows::workspace);
    }

    @Override
    public Optional<Workspace> getWorkspaceById(String userId, String workspaceId) {
        Call c = new Call(userId);
        Validate.id("workspaceId", workspaceId);
        if (!isUuid(workspaceId)) {
            return Optional.empty();
        }
        return c.first(c.from(Tables.WORKSPACES).eq("id", workspaceId)).map(Rows::workspace);
    }

    @Override
    public Workspace createWorkspace(String userId, CreateWorkspaceInput input) {
        Call c = new Call(userId);
        Validate.notNull("input", input);
        for (int attempt = 1; ; attempt++) {
            String slug = input.slug() != null ? input.slug() : freeSlug(c, Slugs.slugify(input.name()));
            String now = now();
            Map<String, Object> row = cols("id", UUID.randomUUID().toString(), "user_id", c.uid, "name", input.name(),
                    "workspace_type", wire(input.type()), "slug", slug, "settings", input.settings(),
                    "created_at", now, "updated_at", now);
            try {
                return Rows.workspace(c.insert(Tables.WORKSPACES, row));
            } catch (ConflictException e) {
                if (input.slug() != null) {
                    throw DataStoreRules.slugTaken(slug);
                }
                if (attempt >= 3) {
                    throw e; // a derived slug kept colliding with concurrent creations
                }
            }
        }
    }

    /** @return {@code base}, or {@code base-2}, {@code base-3}, … : the first the user does not use */
    private String freeSlug(Call c, String base) {
        Set<String> taken = new HashSet<>();
        // slugs are [a-z0-9-]: the like pattern needs no escaping
        Query q = c.from(Tables.WORKSPACES).or(Query.condition("slug", "eq", base),
                Query.condition("slug", "like", base + "-*")).select("slug");
        for (Map<String, Object> row : c.get(q)) {
            taken.add(Rows.text(row, "slug"));
        }
        return Slugs.unique(base, s -> taken.contains(s)
                || !s.startsWith(base) && !c.get(c.from(Tables.WORKSPACES).eq("slug", s).select("slug")).isEmpty());
    }

    @Override
    public Workspace updateWorkspace(String userId, String workspaceId, UpdateWorkspaceInput input) {
        Call c = new Call(userId);
        Validate.notNull("input", input);
        Validate.id("workspaceId", workspaceId);
        if (!isUuid(workspaceId)) {
            throw new NotFoundException("workspace", workspaceId);
        }
        Map<String, Object> set = cols("updated_at", now());
        if (input.name() != null) {
            set.put("name", input.name());
        }
        if (input.type() != null) {
            set.put("workspace_type", wire(input.type()));
        }
        if (input.slug() != null) {
            set.put("slug", input.slug());
        }
        if (input.settings() != null) {
            set.put("settings", input.settings());
        }
        List<Map<String, Object>> rows;
        try {
            rows = c.patch(c.from(Tables.WORKSPACES).eq("id", workspaceId), set);
        } catch (ConflictException e) {
            throw DataStoreRules.slugTaken(input.slug());
        }
        if (rows.isEmpty()) {
            throw new NotFoundException("workspace", workspaceId);
        }
        return Rows.workspace(rows.get(0));
    }

    @Override
    public void deleteWorkspace(String userId, String workspaceId) {
        Call c = new Call(userId);
        Validate.id("workspaceId", workspaceId);
        if (!isUuid(workspaceId) || c.delete(c.from(Tables.WORKSPACES).eq("id", workspaceId)) == 0) {
            throw new NotFoundException("workspace", workspaceId);
        }
    }

    // ---- projects ------------------------------------------------------------------------------------------------

    @Override
    public List<Project> getProjects(String userId, String workspaceId, Page page) {
        Call c = new Call(userId);
        Validate.notNull("page", page);
        requireWorkspace(c, workspaceId);
        return c.get(c.from(Tables.PROJECTS).eq("workspace_id", workspaceId).order("name.asc,id.asc")
                .page(page.limit(), page.offset())).stream().map(Rows::project).toList();
    }

    @Override
    public Optional<Project> getProject(String userId, String projectId) {
        Call c = new Call(userId);
        Validate.id("projectId", projectId);
        if (!isUuid(projectId)) {
            return Optional.empty();
        }
        return existing(c, Tables.PROJECTS, projectId).map(Rows::project);
    }

    @Override
    public Project createProject(String userId, String workspaceId, CreateProjectInput input) {
        Call c = new Call(userId);
        Validate.notNull("input", input);
        requireWorkspace(c, workspaceId);
        String now = now();
        return Rows.project(c.insert(Tables.PROJECTS, cols("id", UUID.randomUUID().toString(), "user_id", c.uid,
                "workspace_id", workspaceId, "name", input.name(), "description", input.description(),
                "status", wire(input.status()), "settings", input.settings(), "created_at", now, "updated_at", now)));
    }

    @Override
    public Project updateProject(String userId, String projectId, UpdateProjectInput input) {
        Call c = new Call(userId);
        Validate.id("projectId", projectId);
        Validate.notNull("input", input);
        if (!isUuid(projectId)) {
            throw new NotFoundException("project", projectId);
        }
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
            set.put("settings", input.settings());
        }
        List<Map<String, Object>> rows = c.patch(c.from(Tables.PROJECTS).eq("id", projectId), set);
        if (rows.isEmpty()) {
            throw new NotFoundException("project", projectId);
        }
        return Rows.project(rows.get(0));
    }

    @Override
    public void deleteProject(String userId, String projectId) {
        Call c = new Call(userId);
        Validate.id("projectId", projectId);
        if (!isUuid(projectId) || c.delete(c.from(Tables.PROJECTS).eq("id", projectId)) == 0) {
            throw new NotFoundException("project", projectId);
        }
    }

    // ---- memories ------------------------------------------------------------------------------------------------

    @Override
    public List<MemoryRecord> getMemories(String userId, MemoryFilters filters, Page page) {
        Call c = new Call(userId);
        Validate.notNull("filters", filters);
        Validate.notNull("page", page);
        requireWorkspace(c, filters.workspaceId());
        if (filters.projectId() != null && !isUuid(filters.projectId())) {
            return List.of();
        }
        if (filters.search() != null) {
            Map<String, Object> args = cols("p_workspace_id", filters.workspaceId(), "p_project_id", filters.projectId(),
                    "p_event_type", filters.eventType(), "p_memory_type", filters.memoryType(),
                    "p_search", filters.search(), "p_limit", page.limit(), "p_offset", page.offset());
            return json.rows(c.rpc("omega_search_memories", args, true), "omega_search_memories").stream()
                    .map(Rows::memory).toList();
        }
        Query q = c.from(Tables.MEMORIES).eq("workspace_id", filters.workspaceId());
        if (filters.projectId() != null) {
            q.eq("project_id", filters.projectId());
        }
        if (filters.eventType() != null) {
            q.eq("event_type", filters.eventType());
        }
        if (filters.memoryType() != null) {
            q.eq("memory_type", filters.memoryType());
        }
        return c.get(q.order("created_at.desc,id.asc").page(page.limit(), page.offset())).stream().map(Rows::memory).toList();
    }

    @Override
    public Optional<MemoryRecord> getMemory(String userId, String memoryId) {
        Call c = new Call(userId);
        Validate.id("memoryId", memoryId);
        return existing(c, Tables.MEMORIES, memoryId).map(Rows::memory);
    }

    /** Checks that every workspace is the user's. */
    private void requireWorkspaces(Call c, List<String> workspaceIds) {
        Map<String, Map<String, Object>> found = byIds(c, Tables.WORKSPACES, workspaceIds, "id", SupabaseDataStore::isUuid);
        for (String id : workspaceIds) {
            if (!found.containsKey(id)) {
                throw new NotFoundException("workspace", id);
            }
        }
    }

    @Override
    public UpsertResult upsertMemories(String userId, List<MemoryInput> memories) {
        Call c = new Call(userId);
        List<MemoryInput> batch = Validate.batch("memories", memories);
        DataStoreRules.requireDistinctIds("memories", batch.stream().map(MemoryInput::id).toList());
        Map<String, Map<String, Object>> workspaces = byIds(c, Tables.WORKSPACES,
                batch.stream().map(MemoryInput::workspaceId).toList(), "id", SupabaseDataStore::isUuid);
        Map<String, Map<String, Object>> projects = byIds(c, Tables.PROJECTS, batch.stream().map(MemoryInput::projectId)
                .filter(p -> p != null).toList(), "id,workspace_id", SupabaseDataStore::isUuid);
        Map<String, Map<String, Object>> old = byIds(c, Tables.MEMORIES, batch.stream().map(MemoryInput::id).toList(),
                "id,workspace_id,created_at", id -> true);
        String now = now();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (MemoryInput m : batch) {
            if (!workspaces.containsKey(m.workspaceId())) {
                throw new NotFoundException("workspace", m.workspaceId());
            }
            if (m.projectId() != null && (!projects.containsKey(m.projectId())
                    || !m.workspaceId().equals(Rows.text(projects.get(m.projectId()), "workspace_id")))) {
                throw new NotFoundException("project", m.projectId());
            }
            Map<String, Object> before = old.get(m.id());
            if (before != null) {
                DataStoreRules.requireSameWorkspace("memory", m.id(), Rows.text(before, "workspace_id"), m.workspaceId());
            }
            rows.add(cols("user_id", c.uid, "id", m.id(), "workspace_id", m.workspaceId(), "project_id", m.projectId(),
                    "event_type", m.eventType(), "memory_type", m.memoryType(), "content", m.content(),
                    "tags", m.tags(), "metadata", m.metadata(),
                    "created_at", at(m.createdAt(), before == null ? null : Rows.instant(before, "created_at"), now),
                    "updated_at", now));
        }
        int written = c.upsert(Tables.MEMORIES, rows, "id", "user_id", "id").size();
        if (written != batch.size()) {
            throw new DataStoreException("Supabase wrote " + written + " of " + batch.size() + " memories; check the"
                    + " row-level security policies of the omega migrations", null);
        }
        return new UpsertResult(batch.size() - old.size(), old.size());
    }

    @Override
    public int deleteMemories(String userId, Collection<String> memoryIds) {
        Call c = new Call(userId);
        List<String> ids = Validate.batch("memoryIds", memoryIds);
        ids.forEach(id -> Validate.id("memoryIds", id));
        // one function call: one transaction however many ids, and no id list in the URL
        String answer = c.rpc("omega_delete_memories", cols("p_ids", new ArrayList<>(new LinkedHashSet<>(ids))), false);
        try {
            return Integer.parseInt(answer.strip());
        } catch (NumberFormatException e) {
            throw new DataStoreException("omega_delete_memories answered something other than a count; apply migration"
                    + " V4", e);
        }
    }

    @Override
    public void linkMemories(String userId, List<GraphLink> links) {
        link(userId, links, Tables.MEMORIES, Tables.MEMORY_LINKS, "memory");
    }

    private void link(String userId, List<GraphLink> links, String nodes, String edges, String kind) {
        Call c = new Call(userId);
        List<GraphLink> batch = Validate.batch("links", links);
        Set<String> ids = new LinkedHashSet<>();
        batch.forEach(l -> {
            ids.add(l.fromId());
            ids.add(l.toId());
        });
        Map<String, Map<String, Object>> found = byIds(c, nodes, ids, "id,workspace_id", id -> true);
        Map<List<String>, Map<String, Object>> rows = new LinkedHashMap<>(); // the last write of a link wins
        for (GraphLink l : batch) {
            String fromWs = workspaceOf(found, kind, l.fromId());
            String toWs = workspaceOf(found, kind, l.toId());
            if (!fromWs.equals(toWs)) {
                throw new InvalidInputException("link", kind + " '" + l.fromId() + "' and '" + l.toId()
                        + "' are in different workspaces; links stay within one workspace");
            }
            rows.put(List.of(l.fromId(), l.toId(), l.relation()), cols("user_id", c.uid, "workspace_id", fromWs,
                    "from_id", l.fromId(), "to_id", l.toId(), "relation", l.relation(), "weight", l.weight()));
        }
        c.upsert(edges, new ArrayList<>(rows.values()), "from_id", "user_id", "from_id", "to_id", "relation");
    }

    private static String workspaceOf(Map<String, Map<String, Object>> found, String kind, String id) {
        Map<String, Object> row = found.get(id);
        if (row == null) {
            throw new NotFoundException(kind, id);
        }
        return Rows.text(row, "workspace_id");
    }

    @Override
    public GraphData getMemoryGraph(String userId, String workspaceId, String projectId) {
        Call c = new Call(userId);
        Validate.id("workspaceId", workspaceId);
        Validate.optionalId("projectId", projectId);
        if (!isUuid(workspaceId)) {
            throw new NotFoundException("workspace", workspaceId);
        }
        if (projectId != null && !isUuid(projectId)) {
            requireWorkspace(c, workspaceId);
            throw new NotFoundException("project", projectId);
        }
        return graph(c.rpc("omega_memory_graph", cols("p_workspace_id", workspaceId, "p_project_id", projectId), true),
                workspaceId, projectId);
    }

    @SuppressWarnings("unchecked")
    private GraphData graph(String answer, String workspaceId, String projectId) {
        Map<String, Object> g = json.object(answer, "a graph function");
        if (g == null) {
            throw new DataStoreException("the graph function answered null; apply migration V4", null);
        }
        Object missing = g.get("missing");
        if ("workspace".equals(missing)) {
            throw new NotFoundException("workspace", workspaceId);
        }
        if ("project".equals(missing)) {
            throw new NotFoundException("project", projectId);
        }
        List<GraphNode> nodes = ((List<Map<String, Object>>) g.getOrDefault("nodes", List.of())).stream().map(Rows::node).toList();
        List<GraphEdge> edges = ((List<Map<String, Object>>) g.getOrDefault("edges", List.of())).stream().map(Rows::edge).toList();
        return new GraphData(nodes, edges);
    }

    // ---- tracked entities ----------------------------------------------------------------------------------------

    @Override
    public List<TrackedEntity> getTrackedEntities(String userId, String workspaceId, TrackedEntityFilters filters, Page page) {
        Call c = new Call(userId);
        Validate.notNull("filters", filters);
        Validate.notNull("page", page);
        requireWorkspace(c, workspaceId);
        Query q = c.from(Tables.ENTITIES).eq("workspace_id", workspaceId);
        if (filters.entityType() != null) {
            q.eq("entity_type", filters.entityType());
        }
        if (filters.status() != null) {
            q.eq("status", filters.status());
        }
        return c.get(q.order("name.asc,id.asc").page(page.limit(), page.offset())).stream().map(Rows::entity).toList();
    }

    @Override
    public UpsertResult upsertTrackedEntities(String userId, List<TrackedEntityInput> entities) {
        Call c = new Call(userId);
        List<TrackedEntityInput> batch = Validate.batch("entities", entities);
        DataStoreRules.requireDistinctIds("entities", batch.stream().map(TrackedEntityInput::id).toList());
        requireWorkspaces(c, batch.stream().map(TrackedEntityInput::workspaceId).toList());
        Map<String, Map<String, Object>> old = byIds(c, Tables.ENTITIES, batch.stream().map(TrackedEntityInput::id).toList(),
                "id,workspace_id,created_at", id -> true);
        String now = now();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (TrackedEntityInput e : batch) {
            Map<String, Object> before = old.get(e.id());
            if (before != null) {
                DataStoreRules.requireSameWorkspace("entity", e.id(), Rows.text(before, "workspace_id"), e.workspaceId());
            }
            rows.add(cols("user_id", c.uid, "id", e.id(), "workspace_id", e.workspaceId(), "name", e.name(),
                    "entity_type", e.entityType(), "status", e.status(), "attributes", e.attributes(),
                    "created_at", at(null, before == null ? null : Rows.instant(before, "created_at"), now),
                    "updated_at", now));
        }
        c.upsert(Tables.ENTITIES, rows, "id", "user_id", "id");
        return new UpsertResult(batch.size() - old.size(), old.size());
    }

    @Override
    public void linkTrackedEntities(String userId, List<GraphLink> links) {
        link(userId, links, Tables.ENTITIES, Tables.ENTITY_LINKS, "entity");
    }

    @Override
    public void deleteTrackedEntity(String userId, String entityId) {
        deleteById(userId, Tables.ENTITIES, "entity", entityId);
    }

    @Override
    public GraphData getEntityGraph(String userId, String workspaceId) {
        Call c = new Call(userId);
        Validate.id("workspaceId", workspaceId);
        if (!isUuid(workspaceId)) {
            throw new NotFoundException("workspace", workspaceId);
        }
        return graph(c.rpc("omega_entity_graph", cols("p_workspace_id", workspaceId), true), workspaceId, null);
    }

    // ---- coordination --------------------------------------------------------------------------------------------

    @Override
    public List<Session> getSessions(String userId, SessionFilters filters, Page page) {
        Call c = new Call(userId);
        Validate.notNull("filters", filters);
        Validate.notNull("page", page);
        requireWorkspace(c, filters.workspaceId());
        if (filters.projectId() != null && !isUuid(filters.projectId())) {
            return List.of();
        }
        Query q = c.from(Tables.SESSIONS).eq("workspace_id", filters.workspaceId());
        if (filters.projectId() != null) {
            q.eq("project_id", filters.projectId());
        }
        if (filters.status() != null) {
            q.eq("status", wire(filters.status()));
        }
        return c.get(q.order("started_at.desc,id.asc").page(page.limit(), page.offset())).stream().map(Rows::session).toList();
    }

    @Override
    public Session recordSession(String userId, SessionInput s) {
        Call c = new Call(userId);
        Validate.notNull("session", s);
        requireWorkspace(c, s.workspaceId());
        requireProjectIn(c, s.workspaceId(), s.projectId());
        Optional<Session> old = existing(c, Tables.SESSIONS, s.id()).map(Rows::session);
        Instant started = s.startedAt() != null ? s.startedAt() : old.map(Session::startedAt).orElse(clock.instant());
        if (s.endedAt() != null && s.endedAt().toEpochMilli() < started.toEpochMilli()) {
            throw new InvalidInputException("session.endedAt", "must not be before the session's start");
        }
        old.ifPresent(o -> DataStoreRules.requireSameWorkspace("session", s.id(), o.workspaceId(), s.workspaceId()));
        Map<String, Object> row = cols("user_id", c.uid, "id", s.id(), "workspace_id", s.workspaceId(),
                "project_id", s.projectId(), "agent_name", s.agentName(), "status", wire(s.status()),
                "started_at", Rows.wire(started), "ended_at", Rows.wire(s.endedAt()), "metadata", s.metadata());
        return Rows.session(upsertOne(c, Tables.SESSIONS, row));
    }

    private Map<String, Object> upsertOne(Call c, String table, Map<String, Object> row) {
        return single(c.upsert(table, List.of(row), "*", "user_id", "id"), Query.table(rest, table));
    }

    @Override
    public void deleteSession(String userId, String sessionId) {
        Call c = new Call(userId);
        Validate.id("sessionId", sessionId);
        // one function: clears the session from tasks and events and deletes it (messages cascade) atomically
        if (!Boolean.parseBoolean(c.rpc("omega_delete_session", cols("p_session_id", sessionId), false).strip())) {
            throw new NotFoundException("session", sessionId);
        }
    }

    @Override
    public List<Task> getTasks(String userId, String workspaceId, Page page) {
        return listInWorkspace(userId, workspaceId, page, Tables.TASKS, Rows::task);
    }

    private <T> List<T> listInWorkspace(String userId, String workspaceId, Page page, String table,
                                        Function<Map<String, Object>, T> mapper) {
        Call c = new Call(userId);
        Validate.notNull("page", page);
        requireWorkspace(c, workspaceId);
        return c.get(c.from(table).eq("workspace_id", workspaceId).order("created_at.desc,id.asc")
                .page(page.limit(), page.offset())).stream().map(mapper).toList();
    }

    @Override
    public Task recordTask(String userId, TaskInput t) {
        Call c = new Call(userId);
        Validate.notNull("task", t);
        requireWorkspace(c, t.workspaceId());
        requireProjectIn(c, t.workspaceId(), t.projectId());
        requireSessionIn(c, t.workspaceId(), t.sessionId());
        Optional<Task> old = existing(c, Tables.TASKS, t.id()).map(Rows::task);
        old.ifPresent(o -> DataStoreRules.requireSameWorkspace("task", t.id(), o.workspaceId(), t.workspaceId()));
        String now = now();
        Map<String, Object> row = cols("user_id", c.uid, "id", t.id(), "workspace_id", t.workspaceId(),
                "project_id", t.projectId(), "session_id", t.sessionId(), "title", t.title(),
                "description", t.description(), "status", wire(t.status()), "priority", t.priority(),
                "created_at", at(t.createdAt(), old.map(Task::createdAt).orElse(null), now), "updated_at", now);
        return Rows.task(upsertOne(c, Tables.TASKS, row));
    }

    @Override
    public void deleteTask(String userId, String taskId) {
        deleteById(userId, Tables.TASKS, "task", taskId);
    }

    @Override
    public List<Message> getMessages(String userId, String sessionId, Page page) {
        Call c = new Call(userId);
        Validate.id("sessionId", sessionId);
        Validate.notNull("page", page);
        requireSession(c, sessionId);
        return c.get(c.from(Tables.MESSAGES).eq("session_id", sessionId).order("created_at.asc,id.asc")
                .page(page.limit(), page.offset())).stream().map(Rows::message).toList();
    }

    @Override
    public Message recordMessage(String userId, MessageInput m) {
        Call c = new Call(userId);
        Validate.notNull("message", m);
        Session session = requireSession(c, m.sessionId());
        Optional<Message> old = existing(c, Tables.MESSAGES, m.id()).map(Rows::message);
        if (old.isPresent() && !old.get().sessionId().equals(m.sessionId())) {
            throw new ConflictException("message '" + m.id() + "' already belongs to another session of this user; use a"
                    + " new id");
        }
        Map<String, Object> row = cols("user_id", c.uid, "id", m.id(), "workspace_id", session.workspaceId(),
                "session_id", m.sessionId(), "sender", m.sender(), "recipient", m.recipient(), "content", m.content(),
                "created_at", at(m.createdAt(), old.map(Message::createdAt).orElse(null), now()));
        return Rows.message(upsertOne(c, Tables.MESSAGES, row));
    }

    @Override
    public List<Handoff> getHandoffs(String userId, String workspaceId, Page page) {
        return listInWorkspace(userId, workspaceId, page, Tables.HANDOFFS, Rows::handoff);
    }

    @Override
    public Handoff recordHandoff(String userId, HandoffInput x) {
        Call c = new Call(userId);
        Validate.notNull("handoff", x);
        requireWorkspace(c, x.workspaceId());
        requireProjectIn(c, x.workspaceId(), x.projectId());
        requireSessionIn(c, x.workspaceId(), x.fromSessionId());
        requireSessionIn(c, x.workspaceId(), x.toSessionId());
        Optional<Handoff> old = existing(c, Tables.HANDOFFS, x.id()).map(Rows::handoff);
        old.ifPresent(o -> DataStoreRules.requireSameWorkspace("handoff", x.id(), o.workspaceId(), x.workspaceId()));
        String now = now();
        Map<String, Object> row = cols("user_id", c.uid, "id", x.id(), "workspace_id", x.workspaceId(),
                "project_id", x.projectId(), "from_session_id", x.fromSessionId(), "to_session_id", x.toSessionId(),
                "summary", x.summary(), "status", wire(x.status()),
                "created_at", at(x.createdAt(), old.map(Handoff::createdAt).orElse(null), now), "updated_at", now);
        return Rows.handoff(upsertOne(c, Tables.HANDOFFS, row));
    }

    @Override
    public void deleteHandoff(String userId, String handoffId) {
        deleteById(userId, Tables.HANDOFFS, "handoff", handoffId);
    }

    @Override
    public List<CoordinationEvent> getCoordinationEvents(String userId, CoordinationEventFilters filters, Page page) {
        Call c = new Call(userId);
        Validate.notNull("filters", filters);
        Validate.notNull("page", page);
        requireWorkspace(c, filters.workspaceId());
        Query q = c.from(Tables.of(filters.kind())).eq("workspace_id", filters.workspaceId());
        if (filters.sessionId() != null) {
            q.eq("session_id", filters.sessionId());
        }
        return c.get(q.order("occurred_at.desc,id.asc").page(page.limit(), page.offset())).stream()
                .map(r -> Rows.event(filters.kind(), r)).toList();
    }

    @Override
    public CoordinationEvent recordCoordinationEvent(String userId, CoordinationEventInput e) {
        Call c = new Call(userId);
        Validate.notNull("event", e);
        String table = Tables.of(e.kind());
        requireWorkspace(c, e.workspaceId());
        requireProjectIn(c, e.workspaceId(), e.projectId());
        requireSessionIn(c, e.workspaceId(), e.sessionId());
        Optional<CoordinationEvent> old = existing(c, table, e.id()).map(r -> Rows.event(e.kind(), r));
        old.ifPresent(o -> DataStoreRules.requireSameWorkspace(wire(e.kind()), e.id(), o.workspaceId(), e.workspaceId()));
        Map<String, Object> row = cols("user_id", c.uid, "id", e.id(), "workspace_id", e.workspaceId(),
                "project_id", e.projectId(), "session_id", e.sessionId(), "summary", e.summary(),
                "attributes", e.attributes(),
                "occurred_at", at(e.occurredAt(), old.map(CoordinationEvent::occurredAt).orElse(null), now()));
        return Rows.event(e.kind(), upsertOne(c, table, row));
    }

    @Override
    public void deleteCoordinationEvent(String userId, CoordinationKind kind, String eventId) {
        Validate.notNull("kind", kind);
        deleteById(userId, Tables.of(kind), wire(kind), eventId);
    }

    @Override
    public ClaimResult claimCoordinationEvent(String userId, CoordinationEventInput claim, Instant staleBefore) {
        Call c = new Call(userId);
        Validate.notNull("claim", claim);
        Validate.notNull("staleBefore", staleBefore);
        String table = Tables.of(claim.kind());
        requireWorkspace(c, claim.workspaceId());
        requireProjectIn(c, claim.workspaceId(), claim.projectId());
        requireSessionIn(c, claim.workspaceId(), claim.sessionId());
        existing(c, table, claim.id()).map(r -> Rows.event(claim.kind(), r))
                .ifPresent(o -> DataStoreRules.requireSameWorkspace(wire(claim.kind()), claim.id(), o.workspaceId(), claim.workspaceId()));
        Map<String, Object> args = cols("p_kind", wire(claim.kind()), "p_id", claim.id(),
                "p_workspace_id", claim.workspaceId(), "p_project_id", claim.projectId(),
                "p_session_id", claim.sessionId(), "p_summary", claim.summary(), "p_attributes", claim.attributes(),
                "p_occurred_at", Rows.wire(claim.occurredAt() != null ? claim.occurredAt() : clock.instant()),
                "p_stale_before", Rows.wire(staleBefore));
        // one INSERT … ON CONFLICT DO UPDATE … WHERE <same session or stale>: atomic, so of two concurrent claims
        // exactly one is granted; not retried (a repeated claim could report a grant as a refusal)
        Map<String, Object> answer = json.object(c.rpc("omega_claim_coordination_event", args, false),
                "omega_claim_coordination_event");
        if (answer == null || !(answer.get("event") instanceof Map<?, ?> event)) {
            throw new DataStoreException("omega_claim_coordination_event answered without the holder (was the claim"
                    + " released concurrently?); retry the claim", null);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> row = (Map<String, Object>) event;
        return new ClaimResult(Boolean.TRUE.equals(answer.get("granted")), Rows.event(claim.kind(), row));
    }

    // ---- jobs ----------------------------------------------------------------------------------------------------

    @Override
    public List<Job> getJobs(String userId, String workspaceId, Page page) {
        return listInWorkspace(userId, workspaceId, page, Tables.JOBS, Rows::job);
    }

    @Override
    public Job recordJob(String userId, JobInput j) {
        Call c = new Call(userId);
        Validate.notNull("job", j);
        requireWorkspace(c, j.workspaceId());
        requireProjectIn(c, j.workspaceId(), j.projectId());
        Optional<Job> old = existing(c, Tables.JOBS, j.id()).map(Rows::job);
        old.ifPresent(o -> DataStoreRules.requireSameWorkspace("job", j.id(), o.workspaceId(), j.workspaceId()));
        String now = now();
        Map<String, Object> row = cols("user_id", c.uid, "id", j.id(), "workspace_id", j.workspaceId(),
                "project_id", j.projectId(), "name", j.name(), "status", wire(j.status()), "payload", j.payload(),
                "error", j.error(), "created_at", at(j.createdAt(), old.map(Job::createdAt).orElse(null), now),
                "updated_at", now);
        return Rows.job(upsertOne(c, Tables.JOBS, row));
    }

    @Override
    public void deleteJob(String userId, String jobId) {
        deleteById(userId, Tables.JOBS, "job", jobId);
    }

    // ---- dashboard -----------------------------------------------------------------------------------------------

    @Override
    @SuppressWarnings("unchecked")
    public DashboardMetrics getDashboardMetrics(String userId, String workspaceId) {
        Call c = new Call(userId);
        Validate.id("workspaceId", workspaceId);
        if (!isUuid(workspaceId)) {
            throw new NotFoundException("workspace", workspaceId);
        }
        List<String> open = new ArrayList<>();
        for (TaskStatus s : TaskStatus.values()) {
            if (s.isOpen()) {
                open.add(wire(s));
            }
        }
        Map<String, Object> m = json.object(c.rpc("omega_dashboard_metrics", cols("p_workspace_id", workspaceId,
                "p_open_task_statuses", open, "p_active_session_status", wire(SessionStatus.ACTIVE),
                "p_pending_handoff_status", wire(HandoffStatus.PENDING)), true), "omega_dashboard_metrics");
        if (m == null) {
            throw new NotFoundException("workspace", workspaceId);
        }
        Map<String, Long> byEventType = new LinkedHashMap<>();
        ((Map<String, Object>) m.getOrDefault("memoriesByEventType", Map.of()))
                .forEach((k, v) -> byEventType.put(k, ((Number) v).longValue()));
        Map<JobStatus, Long> byStatus = new EnumMap<>(JobStatus.class);
        ((Map<String, Object>) m.getOrDefault("jobsByStatus", Map.of()))
                .forEach((k, v) -> byStatus.put(Validate.enumValue("status", JobStatus.class, k), ((Number) v).longValue()));
        return new DashboardMetrics(workspaceId, count(m, "projectCount"),
                byEventType.values().stream().mapToLong(Long::longValue).sum(), byEventType,
                count(m, "trackedEntityCount"), count(m, "sessionCount"), count(m, "activeSessionCount"),
                count(m, "taskCount"), count(m, "openTaskCount"), count(m, "handoffCount"),
                count(m, "pendingHandoffCount"), byStatus.values().stream().mapToLong(Long::longValue).sum(), byStatus);
    }

    private static long count(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof Number n)) {
            throw new DataStoreException("omega_dashboard_metrics answered without '" + key + "'; apply migration V4", null);
        }
        return n.longValue();
    }

    /** Also closes {@code resource} (e.g. the auth provider that refreshes the tokens) when the store closes. @return this */
    SupabaseDataStore closing(AutoCloseable resource) {
        alsoClose.add(resource);
        return this;
    }

    /** Closes the connection pool (and what {@link #closing} added) once; later calls do nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            client.close();
            for (AutoCloseable r : alsoClose) {
                try {
                    r.close();
                } catch (Exception e) {
                    throw new DataStoreException("closing " + r.getClass().getSimpleName() + " of the supabase datastore"
                            + " failed", e);
                }
            }
        }
    }

    @Override
    public String toString() {
        return "SupabaseDataStore[" + settings.restUrl() + "]";
    }
}
