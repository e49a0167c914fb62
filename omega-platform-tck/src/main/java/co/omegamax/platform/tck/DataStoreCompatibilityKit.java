package co.omegamax.platform.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import co.omegamax.platform.spi.ConflictException;
import co.omegamax.platform.spi.ClaimResult;
import co.omegamax.platform.spi.CoordinationEvent;
import co.omegamax.platform.spi.CoordinationEventFilters;
import co.omegamax.platform.spi.CoordinationEventInput;
import co.omegamax.platform.spi.CoordinationKind;
import co.omegamax.platform.spi.CreateProjectInput;
import co.omegamax.platform.spi.CreateWorkspaceInput;
import co.omegamax.platform.spi.DashboardMetrics;
import co.omegamax.platform.spi.DataStore;
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
import co.omegamax.platform.spi.Plan;
import co.omegamax.platform.spi.Project;
import co.omegamax.platform.spi.ProjectStatus;
import co.omegamax.platform.spi.Session;
import co.omegamax.platform.spi.SessionFilters;
import co.omegamax.platform.spi.SessionInput;
import co.omegamax.platform.spi.SessionStatus;
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
import co.omegamax.platform.spi.Workspace;
import co.omegamax.platform.spi.WorkspaceType;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Conformance kit for {@link DataStore} adapters. Extend it and return a fresh, empty store:
 *
 * <pre>{@code
 * class PostgresDataStoreTest extends DataStoreCompatibilityKit {
 *     @Override
 *     protected DataStore createDataStore() {
 *         return PostgresDataStore.open(freshDatabaseUrl());
 *     }
 * }
 * }</pre>
 *
 * It covers CRUD of every record type, pagination, filters, graphs, metrics, bad input and tenant isolation
 * (several users, each with several workspaces whose names, slugs and ids collide across users). The store is
 * created before and closed after each test.
 */
public abstract class DataStoreCompatibilityKit {
    /** A user. */
    protected static final String ALICE = "user-alice";
    /** Another user. */
    protected static final String BOB = "user-bob";
    /** A third user. */
    protected static final String CAROL = "user-carol";
    /** A fixed instant with whole seconds, exact in every backend. */
    protected static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Page ALL = Page.of(Page.MAX_LIMIT, 0);

    /** The store under test, fresh for each test. */
    protected DataStore store;

    /** @return a new, empty store; called once per test, closed by the kit after the test */
    protected abstract DataStore createDataStore();

    @BeforeEach
    final void openStore() {
        store = createDataStore();
        assertThat(store).as("createDataStore() must return a store").isNotNull();
    }

    @AfterEach
    final void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    /** @return a new workspace of {@code user} named {@code name} */
    protected Workspace workspace(String user, String name) {
        return store.createWorkspace(user, CreateWorkspaceInput.named(name));
    }

    /** @return a new project */
    protected Project project(String user, Workspace ws, String name) {
        return store.createProject(user, ws.id(), CreateProjectInput.named(name));
    }

    private static MemoryInput memory(String id, Workspace ws, String projectId, String eventType, String memoryType,
                                      String content, Instant createdAt) {
        return new MemoryInput(id, ws.id(), projectId, eventType, memoryType, content, null, null, createdAt);
    }

    private static String unknownId() {
        return UUID.randomUUID().toString();
    }

    private static void assertNotFound(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOf(NotFoundException.class);
    }

    private static <T> List<T> pageThrough(java.util.function.Function<Page, List<T>> fetch, int size) {
        List<T> all = new ArrayList<>();
        Page page = Page.first(size);
        while (true) {
            List<T> batch = fetch.apply(page);
            assertThat(batch).hasSizeLessThanOrEqualTo(size);
            all.addAll(batch);
            if (batch.size() < size) {
                return all;
            }
            page = page.next();
        }
    }

    // ---- user account --------------------------------------------------------------------------------------

    @Test
    @DisplayName("user account: absent until saved, then round-trips; saving again keeps creation time")
    void userAccountRoundTrip() {
        assertThat(store.getUserAccount(ALICE)).isEmpty();
        UserAccount saved = store.saveUserAccount(ALICE,
                new UserAccountInput(Plan.PRO, "LIC-1", Map.of("theme", "dark", "seats", 3, "beta", true)));
        assertThat(saved.userId()).isEqualTo(ALICE);
        assertThat(saved.plan()).isEqualTo(Plan.PRO);
        assertThat(saved.licenseKey()).isEqualTo("LIC-1");
        assertThat(saved.settings()).isEqualTo(Map.of("theme", "dark", "seats", 3L, "beta", true));
        assertThat(store.getUserAccount(ALICE)).contains(saved);
        UserAccount again = store.saveUserAccount(ALICE, UserAccountInput.of(Plan.ENTERPRISE));
        assertThat(again.plan()).isEqualTo(Plan.ENTERPRISE);
        assertThat(again.licenseKey()).isNull();
        assertThat(again.settings()).isEmpty();
        assertThat(again.createdAt()).isEqualTo(saved.createdAt());
    }

    // ---- workspaces ----------------------------------------------------------------------------------------

    @Test
    @DisplayName("workspaces: slugs are derived from names, folded to ASCII and made unique per user")
    void workspaceSlugsAreDerivedAndUnique() {
        Workspace a = workspace(ALICE, "Acme Corp");
        Workspace b = workspace(ALICE, "Acme Corp");
        Workspace c = workspace(ALICE, "Café Müller");
        Workspace d = workspace(ALICE, "東京");
        assertThat(List.of(a.slug(), b.slug(), c.slug(), d.slug()))
                .containsExactly("acme-corp", "acme-corp-2", "cafe-muller", "workspace");
        assertThat(Set.of(a.id(), b.id(), c.id(), d.id())).hasSize(4);
        assertThat(a.userId()).isEqualTo(ALICE);
        assertThat(a.name()).isEqualTo("Acme Corp");
        assertThat(a.createdAt()).isNotNull();
        assertThat(a.updatedAt()).isNotNull();
    }

    @Test
    @DisplayName("workspaces: create stores type, explicit slug and settings; lookups by slug and id")
    void workspaceCreateAndLookup() {
        Workspace ws = store.createWorkspace(ALICE,
                new CreateWorkspaceInput("Client X", WorkspaceType.CLIENT, "x", Map.of("color", "red", "nested", Map.of("a", List.of(1, 2)))));
        assertThat(ws.type()).isEqualTo(WorkspaceType.CLIENT);
        assertThat(ws.slug()).isEqualTo("x");
        assertThat(ws.settings()).isEqualTo(Map.of("color", "red", "nested", Map.of("a", List.of(1L, 2L))));
        assertThat(store.getWorkspace(ALICE, "x")).contains(ws);
        assertThat(store.getWorkspaceById(ALICE, ws.id())).contains(ws);
        assertThat(store.getWorkspace(ALICE, "y")).isEmpty();
        assertThat(store.getWorkspaceById(ALICE, unknownId())).isEmpty();
    }

    @Test
    @DisplayName("workspaces: an explicit slug the user already uses is a conflict and creates nothing")
    void workspaceExplicitSlugConflict() {
        store.createWorkspace(ALICE, new CreateWorkspaceInput("One", null, "acme", null));
        assertThatThrownBy(() -> store.createWorkspace(ALICE, new CreateWorkspaceInput("Two", null, "acme", null)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("acme");
        assertThat(store.getWorkspaces(ALICE, ALL)).extracting(Workspace::name).containsExactly("One");
    }

    @Test
    @DisplayName("workspaces: update changes name, type, slug and settings; slug conflicts are rejected")
    void workspaceUpdate() {
        Workspace ws = workspace(ALICE, "Old");
        workspace(ALICE, "Taken");
        Workspace updated = store.updateWorkspace(ALICE, ws.id(),
                new UpdateWorkspaceInput("New Name", WorkspaceType.PERSONAL, "new-slug", Map.of("k", "v")));
        assertThat(updated.id()).isEqualTo(ws.id());
        assertThat(updated.name()).isEqualTo("New Name");
        assertThat(updated.type()).isEqualTo(WorkspaceType.PERSONAL);
        assertThat(updated.slug()).isEqualTo("new-slug");
        assertThat(updated.settings()).isEqualTo(Map.of("k", "v"));
        assertThat(updated.createdAt()).isEqualTo(ws.createdAt());
        assertThat(updated.updatedAt()).isAfterOrEqualTo(ws.updatedAt());
        assertThat(store.getWorkspace(ALICE, "old")).isEmpty();
        assertThat(store.getWorkspace(ALICE, "new-slug")).contains(updated);
        Workspace renamed = store.updateWorkspace(ALICE, ws.id(), UpdateWorkspaceInput.rename("Newer"));
        assertThat(renamed.slug()).as("renaming keeps the slug").isEqualTo("new-slug");
        assertThat(renamed.settings()).as("unset fields are kept").isEqualTo(Map.of("k", "v"));
        assertThat(store.updateWorkspace(ALICE, ws.id(), UpdateWorkspaceInput.reslug("new-slug")).slug()).isEqualTo("new-slug");
        assertThatThrownBy(() -> store.updateWorkspace(ALICE, ws.id(), UpdateWorkspaceInput.reslug("taken")))
                .isInstanceOf(ConflictException.class);
        assertNotFound(() -> store.updateWorkspace(ALICE, unknownId(), UpdateWorkspaceInput.rename("x")));
    }

    @Test
    @DisplayName("workspaces: pages are ordered by slug, bounded, disjoint and complete")
    void workspacePagination() {
        List<String> names = List.of("Kilo", "Alpha", "Echo", "Delta", "Golf", "Bravo", "India");
        names.forEach(n -> workspace(ALICE, n));
        assertThat(store.getWorkspaces(ALICE, Page.first(3))).extracting(Workspace::slug).containsExactly("alpha", "bravo", "delta");
        assertThat(store.getWorkspaces(ALICE, Page.of(3, 3))).extracting(Workspace::slug).containsExactly("echo", "golf", "india");
        assertThat(store.getWorkspaces(ALICE, Page.of(3, 6))).extracting(Workspace::slug).containsExactly("kilo");
        assertThat(store.getWorkspaces(ALICE, Page.of(3, 7))).isEmpty();
        assertThat(pageThrough(p -> store.getWorkspaces(ALICE, p), 2)).hasSize(7);
    }

    @Test
    @DisplayName("workspaces: delete removes the workspace and every row in it, nothing else")
    void workspaceDeleteCascades() {
        Workspace doomed = workspace(ALICE, "Doomed");
        Workspace kept = workspace(ALICE, "Kept");
        for (Workspace ws : List.of(doomed, kept)) {
            Project p = project(ALICE, ws, "P");
            String s = ws.slug();
            store.upsertMemories(ALICE, List.of(memory("m-" + s, ws, p.id(), "decision", null, "x", T0)));
            store.upsertTrackedEntities(ALICE, List.of(new TrackedEntityInput("e-" + s, ws.id(), "E", "person", null, null)));
            store.recordSession(ALICE, SessionInput.active("s-" + s, ws.id(), "agent"));
            store.recordMessage(ALICE, new MessageInput("msg-" + s, "s-" + s, "agent", null, "hi", T0));
            store.recordTask(ALICE, TaskInput.pending("t-" + s, ws.id(), "T"));
            store.recordHandoff(ALICE, new HandoffInput("h-" + s, ws.id(), null, "s-" + s, null, "H", HandoffStatus.PENDING, T0));
            store.recordJob(ALICE, JobInput.queued("j-" + s, ws.id(), "J"));
        }
        Map<String, Object> keptBefore = TenantWorld.snapshot(store, ALICE);
        keptBefore.keySet().removeIf(k -> k.startsWith("ws:doomed:") || k.equals("workspaces"));
        store.deleteWorkspace(ALICE, doomed.id());
        assertThat(store.getWorkspaceById(ALICE, doomed.id())).isEmpty();
        assertThat(store.getMemory(ALICE, "m-doomed")).isEmpty();
        assertNotFound(() -> store.getMemories(ALICE, MemoryFilters.workspace(doomed.id()), ALL));
        assertNotFound(() -> store.getMessages(ALICE, "s-doomed", ALL));
        assertNotFound(() -> store.deleteTask(ALICE, "t-doomed"));
        assertNotFound(() -> store.deleteJob(ALICE, "j-doomed"));
        assertNotFound(() -> store.deleteHandoff(ALICE, "h-doomed"));
        assertNotFound(() -> store.deleteTrackedEntity(ALICE, "e-doomed"));
        Map<String, Object> keptAfter = TenantWorld.snapshot(store, ALICE);
        keptAfter.remove("workspaces");
        assertThat(keptAfter).isEqualTo(keptBefore);
        assertNotFound(() -> store.deleteWorkspace(ALICE, doomed.id()));
    }

    // ---- projects ------------------------------------------------------------------------------------------

    @Test
    @DisplayName("projects: create, get, list by name, update, delete")
    void projectCrud() {
        Workspace ws = workspace(ALICE, "W");
        Project p = store.createProject(ALICE, ws.id(),
                new CreateProjectInput("Launch", "Q3 launch", ProjectStatus.PAUSED, Map.of("budget", 10)));
        assertThat(p.workspaceId()).isEqualTo(ws.id());
        assertThat(p.userId()).isEqualTo(ALICE);
        assertThat(p.description()).isEqualTo("Q3 launch");
        assertThat(p.status()).isEqualTo(ProjectStatus.PAUSED);
        assertThat(p.settings()).isEqualTo(Map.of("budget", 10L));
        assertThat(project(ALICE, ws, "Another").status()).isEqualTo(ProjectStatus.ACTIVE);
        assertThat(store.getProject(ALICE, p.id())).contains(p);
        assertThat(store.getProjects(ALICE, ws.id(), ALL)).extracting(Project::name).containsExactly("Another", "Launch");
        Project updated = store.updateProject(ALICE, p.id(), new UpdateProjectInput("Launch 2", "new", ProjectStatus.COMPLETED, Map.of()));
        assertThat(updated.name()).isEqualTo("Launch 2");
        assertThat(updated.description()).isEqualTo("new");
        assertThat(updated.status()).isEqualTo(ProjectStatus.COMPLETED);
        assertThat(updated.settings()).isEmpty();
        assertThat(store.updateProject(ALICE, p.id(), UpdateProjectInput.status(ProjectStatus.ARCHIVED)).name()).isEqualTo("Launch 2");
        store.deleteProject(ALICE, p.id());
        assertThat(store.getProject(ALICE, p.id())).isEmpty();
        assertThat(store.getProjects(ALICE, ws.id(), ALL)).extracting(Project::name).containsExactly("Another");
        assertNotFound(() -> store.deleteProject(ALICE, p.id()));
        assertNotFound(() -> store.updateProject(ALICE, p.id(), UpdateProjectInput.status(ProjectStatus.ACTIVE)));
        assertNotFound(() -> store.createProject(ALICE, unknownId(), CreateProjectInput.named("x")));
        assertNotFound(() -> store.getProjects(ALICE, unknownId(), ALL));
    }

    @Test
    @DisplayName("projects: pagination is bounded and complete")
    void projectPagination() {
        Workspace ws = workspace(ALICE, "W");
        IntStream.range(0, 11).forEach(i -> project(ALICE, ws, String.format("P%02d", i)));
        assertThat(store.getProjects(ALICE, ws.id(), Page.of(4, 8))).extracting(Project::name).containsExactly("P08", "P09", "P10");
        assertThat(pageThrough(p -> store.getProjects(ALICE, ws.id(), p), 4)).extracting(Project::name)
                .containsExactlyElementsOf(IntStream.range(0, 11).mapToObj(i -> String.format("P%02d", i)).toList());
    }

    @Test
    @DisplayName("projects: deleting one keeps its rows in the workspace with the project cleared")
    void projectDeleteClearsTags() {
        Workspace ws = workspace(ALICE, "W");
        Project p = project(ALICE, ws, "P");
        store.upsertMemories(ALICE, List.of(memory("m1", ws, p.id(), "decision", null, "kept", T0)));
        store.recordSession(ALICE, new SessionInput("s1", ws.id(), p.id(), "a", SessionStatus.ACTIVE, T0, null, null));
        store.recordJob(ALICE, new JobInput("j1", ws.id(), p.id(), "J", JobStatus.QUEUED, null, null, T0));
        store.deleteProject(ALICE, p.id());
        assertThat(store.getMemory(ALICE, "m1")).get().extracting(MemoryRecord::projectId).isNull();
        assertThat(store.getSessions(ALICE, SessionFilters.workspace(ws.id()), ALL)).singleElement()
                .extracting(Session::projectId).isNull();
        assertThat(store.getJobs(ALICE, ws.id(), ALL)).singleElement().extracting(Job::projectId).isNull();
    }

    @Test
    @DisplayName("projects: a project can only tag rows of its own workspace")
    void projectMustBelongToTheWorkspace() {
        Workspace w1 = workspace(ALICE, "W1");
        Workspace w2 = workspace(ALICE, "W2");
        Project p2 = project(ALICE, w2, "P2");
        assertNotFound(() -> store.upsertMemories(ALICE, List.of(memory("m", w1, p2.id(), "decision", null, "x", null))));
        assertNotFound(() -> store.recordSession(ALICE, new SessionInput("s", w1.id(), p2.id(), "a", SessionStatus.ACTIVE, null, null, null)));
        assertNotFound(() -> store.recordTask(ALICE, new TaskInput("t", w1.id(), p2.id(), null, "T", null, TaskStatus.PENDING, 1, null)));
        assertNotFound(() -> store.recordJob(ALICE, new JobInput("j", w1.id(), p2.id(), "J", JobStatus.QUEUED, null, null, null)));
        assertNotFound(() -> store.getMemoryGraph(ALICE, w1.id(), p2.id()));
        assertThat(store.getMemories(ALICE, MemoryFilters.workspace(w1.id()), ALL)).isEmpty();
    }

    // ---- memories ------------------------------------------------------------------------------------------

    @Test
    @DisplayName("memories: upsert inserts, then replaces by id; every field round-trips")
    void memoryUpsert() {
        Workspace ws = workspace(ALICE, "W");
        Project p = project(ALICE, ws, "P");
        MemoryInput full = new MemoryInput("m1", ws.id(), p.id(), "decision", "semantic", "Use Postgres\nfor prod",
                List.of("db", "infra"), Map.of("source", "chat", "score", 0.75), T0);
        UpsertResult first = store.upsertMemories(ALICE, List.of(full, memory("m2", ws, null, "lesson_learned", null, "two", T0.plusSeconds(1))));
        assertThat(first).isEqualTo(new UpsertResult(2, 0));
        MemoryRecord m1 = store.getMemory(ALICE, "m1").orElseThrow();
        assertThat(m1.userId()).isEqualTo(ALICE);
        assertThat(m1.workspaceId()).isEqualTo(ws.id());
        assertThat(m1.projectId()).isEqualTo(p.id());
        assertThat(m1.eventType()).isEqualTo("decision");
        assertThat(m1.memoryType()).isEqualTo("semantic");
        assertThat(m1.content()).isEqualTo("Use Postgres\nfor prod");
        assertThat(m1.tags()).containsExactly("db", "infra");
        assertThat(m1.metadata()).isEqualTo(Map.of("source", "chat", "score", 0.75));
        assertThat(m1.createdAt()).isEqualTo(T0);
        UpsertResult second = store.upsertMemories(ALICE, List.of(
                memory("m1", ws, null, "decision", null, "Use SQLite", null),
                memory("m3", ws, null, "error_pattern", null, "three", null)));
        assertThat(second).isEqualTo(new UpsertResult(1, 1));
        MemoryRecord replaced = store.getMemory(ALICE, "m1").orElseThrow();
        assertThat(replaced.content()).isEqualTo("Use SQLite");
        assertThat(replaced.projectId()).isNull();
        assertThat(replaced.tags()).isEmpty();
        assertThat(replaced.createdAt()).as("createdAt kept when not given").isEqualTo(T0);
        assertThat(store.getMemories(ALICE, MemoryFilters.workspace(ws.id()), ALL)).hasSize(3);
    }

    @Test
    @DisplayName("memories: newest first, then by id; pages bounded and complete")
    void memoryOrderAndPagination() {
        Workspace ws = workspace(ALICE, "W");
        List<MemoryInput> batch = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            batch.add(memory(String.format("m%02d", i), ws, null, "decision", null, "n" + i, T0.plusSeconds(i)));
        }
        batch.add(memory("m-tie-b", ws, null, "decision", null, "tie", T0.plusSeconds(100)));
        batch.add(memory("m-tie-a", ws, null, "decision", null, "tie", T0.plusSeconds(100)));
        store.upsertMemories(ALICE, batch);
        MemoryFilters f = MemoryFilters.workspace(ws.id());
        assertThat(store.getMemories(ALICE, f, Page.first(4))).extracting(MemoryRecord::id)
                .containsExactly("m-tie-a", "m-tie-b", "m11", "m10");
        assertThat(store.getMemories(ALICE, f, Page.of(4, 12))).extracting(MemoryRecord::id).containsExactly("m01", "m00");
        assertThat(store.getMemories(ALICE, f, Page.of(4, 14))).isEmpty();
        assertThat(pageThrough(p -> store.getMemories(ALICE, f, p), 5)).extracting(MemoryRecord::id)
                .doesNotHaveDuplicates().hasSize(14);
    }

    @Test
    @DisplayName("memories: filters by project, event type, memory type and search text, combined")
    void memoryFilters() {
        Workspace ws = workspace(ALICE, "W");
        Workspace other = workspace(ALICE, "Other");
        Project p = project(ALICE, ws, "P");
        store.upsertMemories(ALICE, List.of(
                memory("a", ws, p.id(), "decision", "semantic", "Chose PostgreSQL for billing", T0),
                memory("b", ws, p.id(), "lesson_learned", "episodic", "postgres VACUUM matters", T0.plusSeconds(1)),
                memory("c", ws, null, "decision", "episodic", "Use 100% test coverage_goal", T0.plusSeconds(2)),
                memory("d", ws, null, "user_preference", null, "Prefers tabs", T0.plusSeconds(3)),
                memory("e", other, null, "decision", "semantic", "postgres elsewhere", T0.plusSeconds(4))));
        MemoryFilters all = MemoryFilters.workspace(ws.id());
        assertThat(ids(all)).containsExactly("d", "c", "b", "a");
        assertThat(ids(all.withProject(p.id()))).containsExactly("b", "a");
        assertThat(ids(all.withEventType("decision"))).containsExactly("c", "a");
        assertThat(ids(all.withMemoryType("episodic"))).containsExactly("c", "b");
        assertThat(ids(all.withSearch("POSTGRES"))).as("search is case-insensitive").containsExactly("b", "a");
        assertThat(ids(all.withSearch("100%"))).as("% is literal").containsExactly("c");
        assertThat(ids(all.withSearch("e_g"))).as("_ is literal").containsExactly("c");
        assertThat(ids(all.withSearch("%"))).containsExactly("c");
        assertThat(ids(all.withProject(p.id()).withEventType("decision").withSearch("billing"))).containsExactly("a");
        assertThat(ids(all.withEventType("error_pattern"))).isEmpty();
        assertThat(ids(all.withProject(unknownId()))).isEmpty();
    }

    private List<String> ids(MemoryFilters filters) {
        return store.getMemories(ALICE, filters, ALL).stream().map(MemoryRecord::id).toList();
    }

    @Test
    @DisplayName("memories: a batch is all-or-nothing")
    void memoryBatchIsAtomic() {
        Workspace ws = workspace(ALICE, "W");
        store.upsertMemories(ALICE, List.of(memory("keep", ws, null, "decision", null, "original", T0)));
        assertNotFound(() -> store.upsertMemories(ALICE, List.of(
                memory("keep", ws, null, "decision", null, "changed", T0),
                memory("new", ws, null, "decision", null, "new", T0),
                new MemoryInput("bad", unknownId(), null, "decision", null, "x", null, null, null))));
        assertThat(store.getMemory(ALICE, "keep")).get().extracting(MemoryRecord::content).isEqualTo("original");
        assertThat(store.getMemory(ALICE, "new")).isEmpty();
    }

    @Test
    @DisplayName("memories: duplicate ids, empty and oversized batches are rejected")
    void memoryBatchValidation() {
        Workspace ws = workspace(ALICE, "W");
        MemoryInput m = memory("dup", ws, null, "decision", null, "x", null);
        assertThatThrownBy(() -> store.upsertMemories(ALICE, List.of(m, m))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("dup");
        assertThatThrownBy(() -> store.upsertMemories(ALICE, List.of())).isInstanceOf(InvalidInputException.class);
        List<MemoryInput> tooMany = IntStream.range(0, 501).mapToObj(i -> memory("m" + i, ws, null, "decision", null, "x", null)).toList();
        assertThatThrownBy(() -> store.upsertMemories(ALICE, tooMany)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("500");
        List<MemoryInput> max = IntStream.range(0, 500).mapToObj(i -> memory("m" + i, ws, null, "decision", null, "x", null)).toList();
        assertThat(store.upsertMemories(ALICE, max).inserted()).isEqualTo(500);
        assertThatThrownBy(() -> store.deleteMemories(ALICE, List.of())).isInstanceOf(InvalidInputException.class);
        assertThat(store.getMemory(ALICE, "dup")).isEmpty();
    }

    @Test
    @DisplayName("memories: an upsert cannot move a memory to another workspace")
    void memoryCannotMoveWorkspaces() {
        Workspace w1 = workspace(ALICE, "W1");
        Workspace w2 = workspace(ALICE, "W2");
        store.upsertMemories(ALICE, List.of(memory("m", w1, null, "decision", null, "x", T0)));
        assertThatThrownBy(() -> store.upsertMemories(ALICE, List.of(memory("m", w2, null, "decision", null, "y", T0))))
                .isInstanceOf(ConflictException.class);
        assertThat(store.getMemory(ALICE, "m")).get().extracting(MemoryRecord::workspaceId).isEqualTo(w1.id());
    }

    @Test
    @DisplayName("memories: delete counts only existing rows and removes their links")
    void memoryDelete() {
        Workspace ws = workspace(ALICE, "W");
        store.upsertMemories(ALICE, List.of(memory("a", ws, null, "decision", null, "a", T0),
                memory("b", ws, null, "decision", null, "b", T0), memory("c", ws, null, "decision", null, "c", T0)));
        store.linkMemories(ALICE, List.of(new GraphLink("a", "b", "related", 0.5), new GraphLink("b", "c", "related", 0.5)));
        assertThat(store.deleteMemories(ALICE, List.of("b", "nope"))).isEqualTo(1);
        assertThat(store.getMemory(ALICE, "b")).isEmpty();
        GraphData g = store.getMemoryGraph(ALICE, ws.id(), null);
        assertThat(g.nodes()).extracting(GraphNode::id).containsExactlyInAnyOrder("a", "c");
        assertThat(g.edges()).isEmpty();
        assertThat(store.deleteMemories(ALICE, List.of("b"))).isZero();
    }

    @Test
    @DisplayName("memory graph: nodes, edges, project scope; links stay within a workspace")
    void memoryGraph() {
        Workspace ws = workspace(ALICE, "W");
        Workspace other = workspace(ALICE, "Other");
        Project p = project(ALICE, ws, "P");
        store.upsertMemories(ALICE, List.of(
                memory("a", ws, p.id(), "decision", null, "alpha decision", T0),
                memory("b", ws, p.id(), "lesson_learned", null, "beta lesson", T0),
                memory("c", ws, null, "decision", null, "gamma", T0),
                memory("x", other, null, "decision", null, "elsewhere", T0)));
        store.linkMemories(ALICE, List.of(new GraphLink("a", "b", "related", 0.5), new GraphLink("b", "c", "supersedes", 0.25)));
        store.linkMemories(ALICE, List.of(new GraphLink("a", "b", "related", 0.75)));
        GraphData g = store.getMemoryGraph(ALICE, ws.id(), null);
        assertThat(g.nodes()).extracting(GraphNode::id).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(g.nodes()).filteredOn(n -> n.id().equals("a")).singleElement()
                .isEqualTo(new GraphNode("a", "alpha decision", "decision"));
        assertThat(g.edges()).containsExactlyInAnyOrder(new GraphEdge("a", "b", "related", 0.75),
                new GraphEdge("b", "c", "supersedes", 0.25));
        GraphData scoped = store.getMemoryGraph(ALICE, ws.id(), p.id());
        assertThat(scoped.nodes()).extracting(GraphNode::id).containsExactlyInAnyOrder("a", "b");
        assertThat(scoped.edges()).containsExactly(new GraphEdge("a", "b", "related", 0.75));
        assertThatThrownBy(() -> store.linkMemories(ALICE, List.of(new GraphLink("a", "x", "related", 1))))
                .isInstanceOf(InvalidInputException.class);
        assertNotFound(() -> store.linkMemories(ALICE, List.of(new GraphLink("a", "ghost", "related", 1))));
        assertThat(store.getMemoryGraph(ALICE, other.id(), null).edges()).isEmpty();
        assertNotFound(() -> store.getMemoryGraph(ALICE, unknownId(), null));
    }

    // ---- tracked entities ----------------------------------------------------------------------------------

    @Test
    @DisplayName("tracked entities: upsert, list by name, filter by type and status, delete")
    void trackedEntities() {
        Workspace ws = workspace(ALICE, "W");
        UpsertResult r = store.upsertTrackedEntities(ALICE, List.of(
                new TrackedEntityInput("p1", ws.id(), "Zoe", "person", "active", Map.of("email", "z@x.io")),
                new TrackedEntityInput("c1", ws.id(), "Acme", "company", "prospect", null),
                new TrackedEntityInput("p2", ws.id(), "Adam", "person", null, null)));
        assertThat(r).isEqualTo(new UpsertResult(3, 0));
        List<TrackedEntity> all = store.getTrackedEntities(ALICE, ws.id(), TrackedEntityFilters.NONE, ALL);
        assertThat(all).extracting(TrackedEntity::name).containsExactly("Acme", "Adam", "Zoe");
        TrackedEntity zoe = all.get(2);
        assertThat(zoe.attributes()).isEqualTo(Map.of("email", "z@x.io"));
        assertThat(zoe.status()).isEqualTo("active");
        assertThat(zoe.userId()).isEqualTo(ALICE);
        assertThat(store.getTrackedEntities(ALICE, ws.id(), new TrackedEntityFilters("person", null), ALL))
                .extracting(TrackedEntity::id).containsExactly("p2", "p1");
        assertThat(store.getTrackedEntities(ALICE, ws.id(), new TrackedEntityFilters(null, "prospect"), ALL))
                .extracting(TrackedEntity::id).containsExactly("c1");
        assertThat(store.getTrackedEntities(ALICE, ws.id(), TrackedEntityFilters.NONE, Page.of(1, 1)))
                .extracting(TrackedEntity::id).containsExactly("p2");
        assertThat(store.upsertTrackedEntities(ALICE, List.of(new TrackedEntityInput("p1", ws.id(), "Zoë", "person", "churned", null))))
                .isEqualTo(new UpsertResult(0, 1));
        assertThat(store.getTrackedEntities(ALICE, ws.id(), new TrackedEntityFilters(null, "churned"), ALL))
                .extracting(TrackedEntity::name).containsExactly("Zoë");
        store.deleteTrackedEntity(ALICE, "p1");
        assertThat(store.getTrackedEntities(ALICE, ws.id(), TrackedEntityFilters.NONE, ALL)).hasSize(2);
        assertNotFound(() -> store.deleteTrackedEntity(ALICE, "p1"));
        assertNotFound(() -> store.getTrackedEntities(ALICE, unknownId(), TrackedEntityFilters.NONE, ALL));
        assertNotFound(() -> store.upsertTrackedEntities(ALICE, List.of(new TrackedEntityInput("q", unknownId(), "Q", "person", null, null))));
    }

    @Test
    @DisplayName("entity graph: nodes, edges, re-link replaces weight, delete removes edges")
    void entityGraph() {
        Workspace ws = workspace(ALICE, "W");
        store.upsertTrackedEntities(ALICE, List.of(
                new TrackedEntityInput("ada", ws.id(), "Ada", "person", null, null),
                new TrackedEntityInput("acme", ws.id(), "Acme", "company", null, null),
                new TrackedEntityInput("bob", ws.id(), "Bob", "person", null, null)));
        store.linkTrackedEntities(ALICE, List.of(new GraphLink("ada", "acme", "works_at", 1.0),
                new GraphLink("bob", "acme", "works_at", 0.5), new GraphLink("ada", "bob", "knows", 0.2)));
        store.linkTrackedEntities(ALICE, List.of(new GraphLink("ada", "bob", "knows", 0.9)));
        GraphData g = store.getEntityGraph(ALICE, ws.id());
        assertThat(g.nodes()).containsExactlyInAnyOrder(new GraphNode("ada", "Ada", "person"),
                new GraphNode("acme", "Acme", "company"), new GraphNode("bob", "Bob", "person"));
        assertThat(g.edges()).containsExactlyInAnyOrder(new GraphEdge("ada", "acme", "works_at", 1.0),
                new GraphEdge("bob", "acme", "works_at", 0.5), new GraphEdge("ada", "bob", "knows", 0.9));
        store.deleteTrackedEntity(ALICE, "bob");
        assertThat(store.getEntityGraph(ALICE, ws.id()).edges()).containsExactly(new GraphEdge("ada", "acme", "works_at", 1.0));
        assertNotFound(() -> store.linkTrackedEntities(ALICE, List.of(new GraphLink("ada", "bob", "knows", 1))));
        assertThat(store.getEntityGraph(ALICE, workspace(ALICE, "Empty").id())).isEqualTo(new GraphData(List.of(), List.of()));
    }

    // ---- coordination --------------------------------------------------------------------------------------

    @Test
    @DisplayName("sessions: record, replace, list latest first, filter by project and status, delete")
    void sessions() {
        Workspace ws = workspace(ALICE, "W");
        Project p = project(ALICE, ws, "P");
        Session s1 = store.recordSession(ALICE, new SessionInput("s1", ws.id(), p.id(), "claude", SessionStatus.ACTIVE,
                T0, null, Map.of("pid", 42)));
        store.recordSession(ALICE, new SessionInput("s2", ws.id(), null, "codex", SessionStatus.IDLE, T0.plusSeconds(10), null, null));
        store.recordSession(ALICE, new SessionInput("s3", ws.id(), p.id(), "gemini", SessionStatus.ACTIVE, T0.plusSeconds(20), null, null));
        assertThat(s1.userId()).isEqualTo(ALICE);
        assertThat(s1.metadata()).isEqualTo(Map.of("pid", 42L));
        assertThat(s1.startedAt()).isEqualTo(T0);
        SessionFilters all = SessionFilters.workspace(ws.id());
        assertThat(store.getSessions(ALICE, all, ALL)).extracting(Session::id).containsExactly("s3", "s2", "s1");
        assertThat(store.getSessions(ALICE, new SessionFilters(ws.id(), p.id(), null), ALL)).extracting(Session::id).containsExactly("s3", "s1");
        assertThat(store.getSessions(ALICE, new SessionFilters(ws.id(), null, SessionStatus.ACTIVE), ALL)).extracting(Session::id).containsExactly("s3", "s1");
        assertThat(store.getSessions(ALICE, all, Page.of(2, 2))).extracting(Session::id).containsExactly("s1");
        Session ended = store.recordSession(ALICE, new SessionInput("s1", ws.id(), p.id(), "claude", SessionStatus.ENDED,
                T0, T0.plusSeconds(3600), null));
        assertThat(ended.status()).isEqualTo(SessionStatus.ENDED);
        assertThat(ended.endedAt()).isEqualTo(T0.plusSeconds(3600));
        assertThat(store.getSessions(ALICE, all, ALL)).hasSize(3);
        store.deleteSession(ALICE, "s2");
        assertThat(store.getSessions(ALICE, all, ALL)).extracting(Session::id).containsExactly("s3", "s1");
        assertNotFound(() -> store.deleteSession(ALICE, "s2"));
        assertNotFound(() -> store.getSessions(ALICE, SessionFilters.workspace(unknownId()), ALL));
        assertNotFound(() -> store.recordSession(ALICE, SessionInput.active("s9", unknownId(), "a")));
        assertThatThrownBy(() -> store.recordSession(ALICE, SessionInput.active("s1", workspace(ALICE, "W2").id(), "a")))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    @DisplayName("messages: oldest first within a session, paginated; deleting the session removes them")
    void messages() {
        Workspace ws = workspace(ALICE, "W");
        store.recordSession(ALICE, SessionInput.active("s1", ws.id(), "claude"));
        store.recordSession(ALICE, SessionInput.active("s2", ws.id(), "codex"));
        for (int i = 0; i < 5; i++) {
            store.recordMessage(ALICE, new MessageInput("m" + i, "s1", "claude", i % 2 == 0 ? "codex" : null, "msg " + i, T0.plusSeconds(10 - i)));
        }
        store.recordMessage(ALICE, new MessageInput("other", "s2", "codex", null, "in s2", T0));
        List<Message> s1 = store.getMessages(ALICE, "s1", ALL);
        assertThat(s1).extracting(Message::id).containsExactly("m4", "m3", "m2", "m1", "m0");
        Message m0 = s1.get(4);
        assertThat(m0).isEqualTo(new Message("m0", ALICE, ws.id(), "s1", "claude", "codex", "msg 0", T0.plusSeconds(10)));
        assertThat(store.getMessages(ALICE, "s1", Page.of(2, 2))).extracting(Message::id).containsExactly("m2", "m1");
        Message edited = store.recordMessage(ALICE, new MessageInput("m0", "s1", "claude", null, "edited", null));
        assertThat(edited.content()).isEqualTo("edited");
        assertThat(edited.createdAt()).isEqualTo(T0.plusSeconds(10));
        assertThatThrownBy(() -> store.recordMessage(ALICE, new MessageInput("m0", "s2", "x", null, "moved", null)))
                .isInstanceOf(ConflictException.class);
        assertNotFound(() -> store.recordMessage(ALICE, new MessageInput("m9", "nope", "x", null, "y", null)));
        assertNotFound(() -> store.getMessages(ALICE, "nope", ALL));
        store.deleteSession(ALICE, "s1");
        assertNotFound(() -> store.getMessages(ALICE, "s1", ALL));
        assertThat(store.getMessages(ALICE, "s2", ALL)).extracting(Message::id).containsExactly("other");
    }

    @Test
    @DisplayName("tasks: record, replace, newest first, delete; sessions must be in the workspace")
    void tasks() {
        Workspace ws = workspace(ALICE, "W");
        Workspace other = workspace(ALICE, "Other");
        Project p = project(ALICE, ws, "P");
        store.recordSession(ALICE, SessionInput.active("s1", ws.id(), "claude"));
        store.recordSession(ALICE, SessionInput.active("s-other", other.id(), "claude"));
        Task t1 = store.recordTask(ALICE, new TaskInput("t1", ws.id(), p.id(), "s1", "Write tests", "all of them",
                TaskStatus.IN_PROGRESS, 8, T0));
        store.recordTask(ALICE, new TaskInput("t2", ws.id(), null, null, "Ship", null, TaskStatus.PENDING, 5, T0.plusSeconds(5)));
        assertThat(t1).isEqualTo(new Task("t1", ALICE, ws.id(), p.id(), "s1", "Write tests", "all of them",
                TaskStatus.IN_PROGRESS, 8, T0, t1.updatedAt()));
        assertThat(store.getTasks(ALICE, ws.id(), ALL)).extracting(Task::id).containsExactly("t2", "t1");
        assertThat(store.getTasks(ALICE, ws.id(), Page.of(1, 1))).extracting(Task::id).containsExactly("t1");
        Task done = store.recordTask(ALICE, new TaskInput("t1", ws.id(), p.id(), "s1", "Write tests", null, TaskStatus.COMPLETED, 8, null));
        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(done.createdAt()).isEqualTo(T0);
        assertNotFound(() -> store.recordTask(ALICE, new TaskInput("t3", ws.id(), null, "s-other", "x", null, TaskStatus.PENDING, 1, null)));
        assertNotFound(() -> store.recordTask(ALICE, new TaskInput("t3", ws.id(), null, "ghost", "x", null, TaskStatus.PENDING, 1, null)));
        store.deleteSession(ALICE, "s1");
        assertThat(store.getTasks(ALICE, ws.id(), ALL)).filteredOn(t -> t.id().equals("t1")).singleElement()
                .extracting(Task::sessionId).as("deleting a session clears it from tasks").isNull();
        store.deleteTask(ALICE, "t2");
        assertThat(store.getTasks(ALICE, ws.id(), ALL)).extracting(Task::id).containsExactly("t1");
        assertNotFound(() -> store.deleteTask(ALICE, "t2"));
        assertNotFound(() -> store.getTasks(ALICE, unknownId(), ALL));
    }

    @Test
    @DisplayName("handoffs: record, replace, newest first, delete; both sessions must be in the workspace")
    void handoffs() {
        Workspace ws = workspace(ALICE, "W");
        Workspace other = workspace(ALICE, "Other");
        store.recordSession(ALICE, SessionInput.active("from", ws.id(), "a"));
        store.recordSession(ALICE, SessionInput.active("to", ws.id(), "b"));
        store.recordSession(ALICE, SessionInput.active("far", other.id(), "c"));
        Handoff h1 = store.recordHandoff(ALICE, new HandoffInput("h1", ws.id(), null, "from", null, "take over the migration",
                HandoffStatus.PENDING, T0));
        store.recordHandoff(ALICE, new HandoffInput("h2", ws.id(), null, "from", "to", "review", HandoffStatus.ACCEPTED, T0.plusSeconds(1)));
        assertThat(h1.userId()).isEqualTo(ALICE);
        assertThat(h1.summary()).isEqualTo("take over the migration");
        assertThat(h1.toSessionId()).isNull();
        assertThat(store.getHandoffs(ALICE, ws.id(), ALL)).extracting(Handoff::id).containsExactly("h2", "h1");
        Handoff accepted = store.recordHandoff(ALICE, new HandoffInput("h1", ws.id(), null, "from", "to", "take over the migration",
                HandoffStatus.COMPLETED, null));
        assertThat(accepted.status()).isEqualTo(HandoffStatus.COMPLETED);
        assertThat(accepted.toSessionId()).isEqualTo("to");
        assertThat(accepted.createdAt()).isEqualTo(T0);
        assertNotFound(() -> store.recordHandoff(ALICE, new HandoffInput("h3", ws.id(), null, "far", null, "x", HandoffStatus.PENDING, null)));
        assertNotFound(() -> store.recordHandoff(ALICE, new HandoffInput("h3", ws.id(), null, "from", "far", "x", HandoffStatus.PENDING, null)));
        store.deleteHandoff(ALICE, "h2");
        assertThat(store.getHandoffs(ALICE, ws.id(), ALL)).extracting(Handoff::id).containsExactly("h1");
        assertNotFound(() -> store.deleteHandoff(ALICE, "h2"));
        assertNotFound(() -> store.getHandoffs(ALICE, unknownId(), ALL));
    }

    @Test
    @DisplayName("jobs: record, replace status, payload and error, newest first, paginated, delete")
    void jobs() {
        Workspace ws = workspace(ALICE, "W");
        for (int i = 0; i < 7; i++) {
            store.recordJob(ALICE, new JobInput("j" + i, ws.id(), null, "import " + i, JobStatus.QUEUED,
                    Map.of("n", i), null, T0.plusSeconds(i)));
        }
        assertThat(store.getJobs(ALICE, ws.id(), Page.first(3))).extracting(Job::id).containsExactly("j6", "j5", "j4");
        assertThat(store.getJobs(ALICE, ws.id(), Page.of(3, 6))).extracting(Job::id).containsExactly("j0");
        Job failed = store.recordJob(ALICE, new JobInput("j0", ws.id(), null, "import 0", JobStatus.FAILED,
                Map.of("n", 0, "rows", List.of("a", "b")), "disk full", null));
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.error()).isEqualTo("disk full");
        assertThat(failed.payload()).isEqualTo(Map.of("n", 0L, "rows", List.of("a", "b")));
        assertThat(failed.createdAt()).isEqualTo(T0);
        assertThat(failed.userId()).isEqualTo(ALICE);
        store.deleteJob(ALICE, "j0");
        assertThat(pageThrough(p -> store.getJobs(ALICE, ws.id(), p), 2)).hasSize(6);
        assertNotFound(() -> store.deleteJob(ALICE, "j0"));
        assertNotFound(() -> store.recordJob(ALICE, JobInput.queued("x", unknownId(), "x")));
    }

    @Test
    @DisplayName("coordination events: every kind is recorded, listed latest first, filtered by session, replaced, deleted")
    void coordinationEvents() {
        Workspace ws = workspace(ALICE, "W");
        Workspace other = workspace(ALICE, "Other");
        Project p = project(ALICE, ws, "P");
        store.recordSession(ALICE, SessionInput.active("s1", ws.id(), "claude"));
        store.recordSession(ALICE, SessionInput.active("s2", ws.id(), "codex"));
        store.recordSession(ALICE, SessionInput.active("far", other.id(), "x"));
        for (CoordinationKind kind : CoordinationKind.values()) {
            CoordinationEvent e = store.recordCoordinationEvent(ALICE, new CoordinationEventInput("e1", kind, ws.id(), p.id(), "s1",
                    "first " + kind, Map.of("value", 12.5, "files", List.of("a.java")), T0));
            assertThat(e).isEqualTo(new CoordinationEvent("e1", ALICE, kind, ws.id(), p.id(), "s1", "first " + kind,
                    Map.of("value", 12.5, "files", List.of("a.java")), T0));
            store.recordCoordinationEvent(ALICE, new CoordinationEventInput("e2", kind, ws.id(), null, "s2", "second", null, T0.plusSeconds(5)));
            store.recordCoordinationEvent(ALICE, new CoordinationEventInput("e3", kind, ws.id(), null, null, "third", null, T0.plusSeconds(9)));
            CoordinationEventFilters all = CoordinationEventFilters.of(ws.id(), kind);
            assertThat(store.getCoordinationEvents(ALICE, all, ALL)).extracting(CoordinationEvent::id).containsExactly("e3", "e2", "e1");
            assertThat(store.getCoordinationEvents(ALICE, new CoordinationEventFilters(ws.id(), kind, "s1"), ALL))
                    .extracting(CoordinationEvent::id).containsExactly("e1");
            assertThat(store.getCoordinationEvents(ALICE, all, Page.of(2, 1))).extracting(CoordinationEvent::id).containsExactly("e2", "e1");
            CoordinationEvent replaced = store.recordCoordinationEvent(ALICE, CoordinationEventInput.of("e1", kind, ws.id(), null, "changed"));
            assertThat(replaced.summary()).isEqualTo("changed");
            assertThat(replaced.sessionId()).isNull();
            assertThat(replaced.occurredAt()).isEqualTo(T0);
            store.deleteCoordinationEvent(ALICE, kind, "e3");
            assertThat(store.getCoordinationEvents(ALICE, all, ALL)).extracting(CoordinationEvent::id).containsExactly("e2", "e1");
            assertNotFound(() -> store.deleteCoordinationEvent(ALICE, kind, "e3"));
            assertNotFound(() -> store.recordCoordinationEvent(ALICE, CoordinationEventInput.of("e4", kind, ws.id(), "far", "x")));
            assertNotFound(() -> store.recordCoordinationEvent(ALICE, CoordinationEventInput.of("e4", kind, unknownId(), null, "x")));
            assertThatThrownBy(() -> store.recordCoordinationEvent(ALICE, CoordinationEventInput.of("e1", kind, other.id(), null, "moved")))
                    .isInstanceOf(ConflictException.class);
            assertThat(store.getCoordinationEvents(ALICE, CoordinationEventFilters.of(other.id(), kind), ALL)).isEmpty();
        }
        assertThat(store.getCoordinationEvents(ALICE, CoordinationEventFilters.of(ws.id(), CoordinationKind.INTENT), ALL))
                .as("kinds are kept apart").hasSize(2);
        store.deleteSession(ALICE, "s2");
        assertThat(store.getCoordinationEvents(ALICE, CoordinationEventFilters.of(ws.id(), CoordinationKind.FILE_CLAIM), ALL))
                .filteredOn(e -> e.id().equals("e2")).singleElement().extracting(CoordinationEvent::sessionId)
                .as("deleting a session clears it from events").isNull();
        assertNotFound(() -> store.getCoordinationEvents(ALICE, CoordinationEventFilters.of(unknownId(), CoordinationKind.METRIC), ALL));
    }

    private static CoordinationEventInput claim(String id, Workspace ws, String sessionId, String summary, Instant at) {
        return new CoordinationEventInput(id, CoordinationKind.FILE_CLAIM, ws.id(), null, sessionId, summary,
                Map.of("path", summary), at);
    }

    @Test
    @DisplayName("claims: granted when free, refused while another session holds it, re-claimed by the holder, taken over when stale")
    void claimsAreExclusiveUntilStale() {
        Workspace ws = workspace(ALICE, "W");
        store.recordSession(ALICE, SessionInput.active("s1", ws.id(), "claude"));
        store.recordSession(ALICE, SessionInput.active("s2", ws.id(), "codex"));
        ClaimResult first = store.claimCoordinationEvent(ALICE, claim("f1", ws, "s1", "src/A.java", T0), T0.minusSeconds(60));
        assertThat(first.granted()).isTrue();
        assertThat(first.holder()).isEqualTo(new CoordinationEvent("f1", ALICE, CoordinationKind.FILE_CLAIM, ws.id(), null,
                "s1", "src/A.java", Map.of("path", "src/A.java"), T0));
        ClaimResult refused = store.claimCoordinationEvent(ALICE, claim("f1", ws, "s2", "src/A.java", T0.plusSeconds(10)),
                T0.minusSeconds(60));
        assertThat(refused.granted()).isFalse();
        assertThat(refused.holder()).isEqualTo(first.holder());
        ClaimResult noSession = store.claimCoordinationEvent(ALICE, claim("f1", ws, null, "src/A.java", T0.plusSeconds(10)),
                T0.minusSeconds(60));
        assertThat(noSession.granted()).as("a claim without a session is not the holder's").isFalse();
        ClaimResult heartbeat = store.claimCoordinationEvent(ALICE, claim("f1", ws, "s1", "src/A.java", T0.plusSeconds(20)),
                T0.minusSeconds(60));
        assertThat(heartbeat.granted()).isTrue();
        assertThat(heartbeat.holder().occurredAt()).as("a re-claim refreshes the claim").isEqualTo(T0.plusSeconds(20));
        ClaimResult takeover = store.claimCoordinationEvent(ALICE, claim("f1", ws, "s2", "src/A.java", T0.plusSeconds(90)),
                T0.plusSeconds(30));
        assertThat(takeover.granted()).as("a claim older than staleBefore can be taken over").isTrue();
        assertThat(takeover.holder().sessionId()).isEqualTo("s2");
        assertThat(store.getCoordinationEvents(ALICE, CoordinationEventFilters.of(ws.id(), CoordinationKind.FILE_CLAIM), ALL))
                .singleElement().isEqualTo(takeover.holder());
        store.deleteCoordinationEvent(ALICE, CoordinationKind.FILE_CLAIM, "f1");
        assertThat(store.claimCoordinationEvent(ALICE, claim("f1", ws, "s1", "src/A.java", T0.plusSeconds(100)),
                T0).granted()).as("released claims are free again").isTrue();
    }

    @Test
    @DisplayName("claims: scoped to the user; foreign workspaces and sessions are not found; ids do not move workspaces")
    void claimsAreScopedToTheUser() {
        Workspace alice = workspace(ALICE, "W");
        Workspace aliceOther = workspace(ALICE, "Other");
        Workspace bob = workspace(BOB, "W");
        store.recordSession(ALICE, SessionInput.active("s1", alice.id(), "claude"));
        store.recordSession(BOB, SessionInput.active("s1", bob.id(), "claude"));
        assertThat(store.claimCoordinationEvent(ALICE, claim("f1", alice, "s1", "a", T0), T0.minusSeconds(1)).granted()).isTrue();
        ClaimResult bobs = store.claimCoordinationEvent(BOB, claim("f1", bob, "s1", "a", T0), T0.minusSeconds(1));
        assertThat(bobs.granted()).as("another user's claim with the same id is independent").isTrue();
        assertThat(bobs.holder().userId()).isEqualTo(BOB);
        assertNotFound(() -> store.claimCoordinationEvent(BOB, claim("f2", alice, null, "a", T0), T0));
        assertNotFound(() -> store.claimCoordinationEvent(ALICE, claim("f2", alice, "nope", "a", T0), T0));
        assertThatThrownBy(() -> store.claimCoordinationEvent(ALICE, claim("f1", aliceOther, null, "a", T0), T0.plusSeconds(5)))
                .isInstanceOf(ConflictException.class);
        assertThat(store.getCoordinationEvents(ALICE, CoordinationEventFilters.of(alice.id(), CoordinationKind.FILE_CLAIM), ALL))
                .singleElement().extracting(CoordinationEvent::userId).isEqualTo(ALICE);
    }

    @Test
    @DisplayName("claims: of concurrent claims of one id by different sessions, exactly one is granted")
    void concurrentClaimsHaveOneWinner() throws Exception {
        Workspace ws = workspace(ALICE, "W");
        int agents = 4;
        for (int a = 0; a < agents; a++) {
            store.recordSession(ALICE, SessionInput.active("agent-" + a, ws.id(), "agent " + a));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(agents);
        try {
            for (int round = 0; round < 10; round++) {
                String id = "race-" + round;
                java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<ClaimResult>> results = new ArrayList<>();
                for (int a = 0; a < agents; a++) {
                    String session = "agent-" + a;
                    results.add(pool.submit(() -> {
                        start.await();
                        return store.claimCoordinationEvent(ALICE, claim(id, ws, session, "f", T0), T0.minusSeconds(60));
                    }));
                }
                start.countDown();
                List<ClaimResult> outcomes = new ArrayList<>();
                for (var f : results) {
                    outcomes.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
                }
                assertThat(outcomes).as("round " + round).filteredOn(ClaimResult::granted).hasSize(1);
                String winner = outcomes.stream().filter(ClaimResult::granted).findFirst().orElseThrow().holder().sessionId();
                assertThat(outcomes).extracting(r -> r.holder().sessionId()).as("every loser sees the winner").containsOnly(winner);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- dashboard -----------------------------------------------------------------------------------------

    @Test
    @DisplayName("dashboard metrics: count the workspace's rows only")
    void dashboardMetrics() {
        Workspace ws = workspace(ALICE, "W");
        Workspace other = workspace(ALICE, "Other");
        project(ALICE, ws, "P1");
        project(ALICE, ws, "P2");
        store.upsertMemories(ALICE, List.of(memory("a", ws, null, "decision", null, "a", T0),
                memory("b", ws, null, "decision", null, "b", T0), memory("c", ws, null, "lesson_learned", null, "c", T0),
                memory("z", other, null, "decision", null, "z", T0)));
        store.upsertTrackedEntities(ALICE, List.of(new TrackedEntityInput("e", ws.id(), "E", "person", null, null)));
        store.recordSession(ALICE, SessionInput.active("s1", ws.id(), "a"));
        store.recordSession(ALICE, new SessionInput("s2", ws.id(), null, "b", SessionStatus.ENDED, T0, T0.plusSeconds(1), null));
        store.recordSession(ALICE, SessionInput.active("s3", other.id(), "c"));
        store.recordTask(ALICE, TaskInput.pending("t1", ws.id(), "t"));
        store.recordTask(ALICE, new TaskInput("t2", ws.id(), null, null, "t", null, TaskStatus.BLOCKED, 1, null));
        store.recordTask(ALICE, new TaskInput("t3", ws.id(), null, null, "t", null, TaskStatus.COMPLETED, 1, null));
        store.recordHandoff(ALICE, new HandoffInput("h1", ws.id(), null, "s1", null, "h", HandoffStatus.PENDING, null));
        store.recordHandoff(ALICE, new HandoffInput("h2", ws.id(), null, "s1", "s2", "h", HandoffStatus.ACCEPTED, null));
        store.recordJob(ALICE, JobInput.queued("j1", ws.id(), "j"));
        store.recordJob(ALICE, JobInput.queued("j2", ws.id(), "j"));
        store.recordJob(ALICE, new JobInput("j3", ws.id(), null, "j", JobStatus.FAILED, null, "boom", null));
        DashboardMetrics m = store.getDashboardMetrics(ALICE, ws.id());
        assertThat(m).isEqualTo(new DashboardMetrics(ws.id(), 2, 3, Map.of("decision", 2L, "lesson_learned", 1L), 1,
                2, 1, 3, 2, 2, 1, 3, Map.of(JobStatus.QUEUED, 2L, JobStatus.FAILED, 1L)));
        DashboardMetrics empty = store.getDashboardMetrics(ALICE, workspace(ALICE, "Empty").id());
        assertThat(empty).isEqualTo(new DashboardMetrics(empty.workspaceId(), 0, 0, Map.of(), 0, 0, 0, 0, 0, 0, 0, 0, Map.of()));
        assertNotFound(() -> store.getDashboardMetrics(ALICE, unknownId()));
    }

    // ---- bad input -----------------------------------------------------------------------------------------

    /** Every DataStore method, called with a given acting user id and otherwise valid arguments. */
    private Map<String, Consumer<String>> everyMethodAs(String wsId, String sessionId) {
        Map<String, Consumer<String>> calls = new LinkedHashMap<>();
        calls.put("getUserAccount", u -> store.getUserAccount(u));
        calls.put("saveUserAccount", u -> store.saveUserAccount(u, UserAccountInput.of(Plan.FREE)));
        calls.put("getWorkspaces", u -> store.getWorkspaces(u, ALL));
        calls.put("getWorkspace", u -> store.getWorkspace(u, "w"));
        calls.put("getWorkspaceById", u -> store.getWorkspaceById(u, wsId));
        calls.put("createWorkspace", u -> store.createWorkspace(u, CreateWorkspaceInput.named("x")));
        calls.put("updateWorkspace", u -> store.updateWorkspace(u, wsId, UpdateWorkspaceInput.rename("x")));
        calls.put("deleteWorkspace", u -> store.deleteWorkspace(u, wsId));
        calls.put("getProjects", u -> store.getProjects(u, wsId, ALL));
        calls.put("getProject", u -> store.getProject(u, "p"));
        calls.put("createProject", u -> store.createProject(u, wsId, CreateProjectInput.named("p")));
        calls.put("updateProject", u -> store.updateProject(u, "p", UpdateProjectInput.status(ProjectStatus.ACTIVE)));
        calls.put("deleteProject", u -> store.deleteProject(u, "p"));
        calls.put("getMemories", u -> store.getMemories(u, MemoryFilters.workspace(wsId), ALL));
        calls.put("getMemory", u -> store.getMemory(u, "m"));
        calls.put("upsertMemories", u -> store.upsertMemories(u, List.of(MemoryInput.of("m", wsId, "decision", "x"))));
        calls.put("deleteMemories", u -> store.deleteMemories(u, List.of("m")));
        calls.put("linkMemories", u -> store.linkMemories(u, List.of(new GraphLink("a", "b", "related", 1))));
        calls.put("getMemoryGraph", u -> store.getMemoryGraph(u, wsId, null));
        calls.put("getTrackedEntities", u -> store.getTrackedEntities(u, wsId, TrackedEntityFilters.NONE, ALL));
        calls.put("upsertTrackedEntities", u -> store.upsertTrackedEntities(u, List.of(new TrackedEntityInput("e", wsId, "E", "person", null, null))));
        calls.put("linkTrackedEntities", u -> store.linkTrackedEntities(u, List.of(new GraphLink("a", "b", "knows", 1))));
        calls.put("deleteTrackedEntity", u -> store.deleteTrackedEntity(u, "e"));
        calls.put("getEntityGraph", u -> store.getEntityGraph(u, wsId));
        calls.put("getSessions", u -> store.getSessions(u, SessionFilters.workspace(wsId), ALL));
        calls.put("recordSession", u -> store.recordSession(u, SessionInput.active("s", wsId, "a")));
        calls.put("deleteSession", u -> store.deleteSession(u, sessionId));
        calls.put("getTasks", u -> store.getTasks(u, wsId, ALL));
        calls.put("recordTask", u -> store.recordTask(u, TaskInput.pending("t", wsId, "t")));
        calls.put("deleteTask", u -> store.deleteTask(u, "t"));
        calls.put("getMessages", u -> store.getMessages(u, sessionId, ALL));
        calls.put("recordMessage", u -> store.recordMessage(u, new MessageInput("m", sessionId, "a", null, "x", null)));
        calls.put("getHandoffs", u -> store.getHandoffs(u, wsId, ALL));
        calls.put("recordHandoff", u -> store.recordHandoff(u, new HandoffInput("h", wsId, null, sessionId, null, "x", HandoffStatus.PENDING, null)));
        calls.put("deleteHandoff", u -> store.deleteHandoff(u, "h"));
        calls.put("getJobs", u -> store.getJobs(u, wsId, ALL));
        calls.put("recordJob", u -> store.recordJob(u, JobInput.queued("j", wsId, "j")));
        calls.put("deleteJob", u -> store.deleteJob(u, "j"));
        calls.put("getDashboardMetrics", u -> store.getDashboardMetrics(u, wsId));
        calls.put("getCoordinationEvents", u -> store.getCoordinationEvents(u, CoordinationEventFilters.of(wsId, CoordinationKind.INTENT), ALL));
        calls.put("recordCoordinationEvent", u -> store.recordCoordinationEvent(u, CoordinationEventInput.of("e", CoordinationKind.DECISION, wsId, sessionId, "x")));
        calls.put("deleteCoordinationEvent", u -> store.deleteCoordinationEvent(u, CoordinationKind.METRIC, "e"));
        calls.put("claimCoordinationEvent", u -> store.claimCoordinationEvent(u,
                CoordinationEventInput.of("c", CoordinationKind.FILE_CLAIM, wsId, sessionId, "a.txt"), T0));
        return calls;
    }

    private static Set<String> dataStoreMethodNames() {
        return Arrays.stream(DataStore.class.getMethods()).map(Method::getName)
                .filter(n -> !n.equals("close")).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    @DisplayName("bad input: every method rejects a missing or malformed acting user id and changes nothing")
    void everyMethodRejectsBadUserIds() {
        Workspace ws = workspace(ALICE, "W");
        store.recordSession(ALICE, SessionInput.active("s", ws.id(), "a"));
        Map<String, Object> before = TenantWorld.snapshot(store, ALICE);
        Map<String, Consumer<String>> calls = everyMethodAs(ws.id(), "s");
        assertThat(calls.keySet()).as("the kit calls every DataStore method").containsExactlyInAnyOrderElementsOf(dataStoreMethodNames());
        for (String badUser : new String[] {null, "", "user alice", "x".repeat(129), "tab\tid"}) {
            calls.forEach((name, call) -> assertThatThrownBy(() -> call.accept(badUser))
                    .as(name + " with user id " + (badUser == null ? "null" : "'" + badUser + "'"))
                    .isInstanceOf(InvalidInputException.class));
        }
        assertThat(TenantWorld.snapshot(store, ALICE)).isEqualTo(before);
    }

    @Test
    @DisplayName("bad input: null arguments, malformed ids and slugs are rejected with InvalidInputException")
    void nullAndMalformedArgumentsAreRejected() {
        Workspace ws = workspace(ALICE, "W");
        List<Runnable> calls = List.of(
                () -> store.getWorkspaces(ALICE, null),
                () -> store.getWorkspace(ALICE, null),
                () -> store.getWorkspaceById(ALICE, null),
                () -> store.getWorkspaceById(ALICE, "has space"),
                () -> store.createWorkspace(ALICE, null),
                () -> store.updateWorkspace(ALICE, ws.id(), null),
                () -> store.updateWorkspace(ALICE, null, UpdateWorkspaceInput.rename("x")),
                () -> store.deleteWorkspace(ALICE, null),
                () -> store.getProjects(ALICE, ws.id(), null),
                () -> store.getProject(ALICE, ""),
                () -> store.createProject(ALICE, ws.id(), null),
                () -> store.updateProject(ALICE, "p", null),
                () -> store.getMemories(ALICE, null, ALL),
                () -> store.getMemories(ALICE, MemoryFilters.workspace(ws.id()), null),
                () -> store.getMemory(ALICE, null),
                () -> store.upsertMemories(ALICE, null),
                () -> store.upsertMemories(ALICE, Arrays.asList((MemoryInput) null)),
                () -> store.deleteMemories(ALICE, null),
                () -> store.deleteMemories(ALICE, List.of("bad id")),
                () -> store.linkMemories(ALICE, null),
                () -> store.getMemoryGraph(ALICE, null, null),
                () -> store.getTrackedEntities(ALICE, ws.id(), null, ALL),
                () -> store.getTrackedEntities(ALICE, ws.id(), TrackedEntityFilters.NONE, null),
                () -> store.upsertTrackedEntities(ALICE, List.of()),
                () -> store.linkTrackedEntities(ALICE, List.of()),
                () -> store.deleteTrackedEntity(ALICE, null),
                () -> store.getEntityGraph(ALICE, null),
                () -> store.getSessions(ALICE, null, ALL),
                () -> store.getSessions(ALICE, SessionFilters.workspace(ws.id()), null),
                () -> store.recordSession(ALICE, null),
                () -> store.deleteSession(ALICE, null),
                () -> store.getTasks(ALICE, ws.id(), null),
                () -> store.recordTask(ALICE, null),
                () -> store.deleteTask(ALICE, ""),
                () -> store.getMessages(ALICE, null, ALL),
                () -> store.recordMessage(ALICE, null),
                () -> store.getHandoffs(ALICE, null, ALL),
                () -> store.recordHandoff(ALICE, null),
                () -> store.deleteHandoff(ALICE, null),
                () -> store.getJobs(ALICE, ws.id(), null),
                () -> store.recordJob(ALICE, null),
                () -> store.deleteJob(ALICE, null),
                () -> store.getDashboardMetrics(ALICE, null),
                () -> store.saveUserAccount(ALICE, null),
                () -> store.getCoordinationEvents(ALICE, null, ALL),
                () -> store.getCoordinationEvents(ALICE, CoordinationEventFilters.of(ws.id(), CoordinationKind.INTENT), null),
                () -> store.recordCoordinationEvent(ALICE, null),
                () -> store.deleteCoordinationEvent(ALICE, null, "e"),
                () -> store.deleteCoordinationEvent(ALICE, CoordinationKind.INTENT, null),
                () -> store.claimCoordinationEvent(ALICE, null, T0),
                () -> store.claimCoordinationEvent(ALICE, CoordinationEventInput.of("c", CoordinationKind.FILE_CLAIM, ws.id(), null, "f"), null));
        for (int i = 0; i < calls.size(); i++) {
            Runnable call = calls.get(i);
            assertThatThrownBy(call::run).as("call #" + i).isInstanceOf(InvalidInputException.class);
        }
    }

    // ---- isolation -----------------------------------------------------------------------------------------

    private TenantWorld world() {
        return TenantWorld.build(store, List.of(ALICE, BOB, CAROL));
    }

    @Test
    @DisplayName("isolation: every list, graph and count shows only the acting user's rows")
    void isolationListsShowOnlyOwnRows() {
        world();
        for (String user : List.of(ALICE, BOB, CAROL)) {
            Map<String, Object> seen = TenantWorld.snapshot(store, user);
            assertThat(store.getWorkspaces(user, ALL)).hasSize(3).allMatch(w -> w.userId().equals(user));
            String text = seen.toString();
            for (String other : List.of(ALICE, BOB, CAROL)) {
                if (!other.equals(user)) {
                    assertThat(text).as(user + " sees nothing of " + other).doesNotContain(TenantWorld.marker(other))
                            .doesNotContain(other);
                }
            }
            assertThat(text).contains(TenantWorld.marker(user));
            for (Workspace ws : store.getWorkspaces(user, ALL)) {
                assertThat(store.getProjects(user, ws.id(), ALL)).allMatch(p -> p.userId().equals(user) && p.workspaceId().equals(ws.id()));
                assertThat(store.getMemories(user, MemoryFilters.workspace(ws.id()), ALL)).allMatch(m -> m.userId().equals(user) && m.workspaceId().equals(ws.id()));
                assertThat(store.getTrackedEntities(user, ws.id(), TrackedEntityFilters.NONE, ALL)).allMatch(e -> e.userId().equals(user));
                assertThat(store.getSessions(user, SessionFilters.workspace(ws.id()), ALL)).allMatch(s -> s.userId().equals(user));
                assertThat(store.getTasks(user, ws.id(), ALL)).allMatch(t -> t.userId().equals(user));
                assertThat(store.getHandoffs(user, ws.id(), ALL)).allMatch(h -> h.userId().equals(user));
                assertThat(store.getJobs(user, ws.id(), ALL)).allMatch(j -> j.userId().equals(user));
            }
            Workspace main = store.getWorkspace(user, "acme-corp").orElseThrow();
            DashboardMetrics m = store.getDashboardMetrics(user, main.id());
            assertThat(m.memoryCount()).as("3 shared + 1 private memory").isEqualTo(4);
            assertThat(m.projectCount()).isEqualTo(1);
            assertThat(m.trackedEntityCount()).isEqualTo(3);
            assertThat(m.sessionCount()).isEqualTo(2);
            assertThat(m.taskCount()).isEqualTo(2);
            assertThat(m.handoffCount()).isEqualTo(2);
            assertThat(m.jobCount()).isEqualTo(2);
        }
    }

    @Test
    @DisplayName("isolation: slugs and client ids collide across users without ever resolving to another user's row")
    void isolationCollidingSlugsAndIdsResolveToOwnRows() {
        TenantWorld w = world();
        for (String user : List.of(ALICE, BOB, CAROL)) {
            Workspace acme = store.getWorkspace(user, "acme-corp").orElseThrow();
            assertThat(acme).isEqualTo(w.tenant(user).main());
            assertThat(store.getMemory(user, TenantWorld.SHARED + "-mem-0-0")).get()
                    .satisfies(m -> assertThat(m.userId()).isEqualTo(user))
                    .satisfies(m -> assertThat(m.content()).contains(TenantWorld.marker(user)));
            assertThat(store.getMessages(user, TenantWorld.SHARED + "-ses-0", ALL)).singleElement()
                    .satisfies(m -> assertThat(m.content()).contains(TenantWorld.marker(user)));
        }
    }

    @Test
    @DisplayName("isolation: reading by another user's ids or slugs finds nothing")
    void isolationReadsByForeignIdsFindNothing() {
        TenantWorld w = world();
        for (TenantWorld.Tenant attacker : w.tenants()) {
            for (TenantWorld.Tenant victim : w.tenants()) {
                if (attacker == victim) {
                    continue;
                }
                String a = attacker.userId;
                assertThat(store.getWorkspace(a, victim.privateSlug)).isEmpty();
                for (Workspace vws : victim.workspaces) {
                    String v = vws.id();
                    assertThat(store.getWorkspaceById(a, v)).isEmpty();
                    assertNotFound(() -> store.getProjects(a, v, ALL));
                    assertNotFound(() -> store.getMemories(a, MemoryFilters.workspace(v), ALL));
                    assertNotFound(() -> store.getMemoryGraph(a, v, null));
                    assertNotFound(() -> store.getTrackedEntities(a, v, TrackedEntityFilters.NONE, ALL));
                    assertNotFound(() -> store.getEntityGraph(a, v));
                    assertNotFound(() -> store.getSessions(a, SessionFilters.workspace(v), ALL));
                    assertNotFound(() -> store.getTasks(a, v, ALL));
                    assertNotFound(() -> store.getHandoffs(a, v, ALL));
                    assertNotFound(() -> store.getJobs(a, v, ALL));
                    assertNotFound(() -> store.getDashboardMetrics(a, v));
                    for (CoordinationKind kind : CoordinationKind.values()) {
                        assertNotFound(() -> store.getCoordinationEvents(a, CoordinationEventFilters.of(v, kind), ALL));
                    }
                }
                for (Project vp : victim.projects) {
                    assertThat(store.getProject(a, vp.id())).isEmpty();
                    assertNothingOrNotFound(() -> store.getMemories(a, MemoryFilters.workspace(attacker.main().id()).withProject(vp.id()), ALL));
                    assertNothingOrNotFound(() -> store.getSessions(a, new SessionFilters(attacker.main().id(), vp.id(), null), ALL));
                    assertNotFound(() -> store.getMemoryGraph(a, attacker.main().id(), vp.id()));
                }
                assertThat(store.getMemory(a, victim.privateIds.get("memory"))).isEmpty();
                assertNotFound(() -> store.getMessages(a, victim.privateIds.get("session"), ALL));
                assertThat(store.getUserAccount(a)).get().extracting(UserAccount::userId).isEqualTo(a);
            }
        }
    }

    private static void assertNothingOrNotFound(java.util.function.Supplier<? extends Collection<?>> call) {
        Throwable thrown = catchThrowable(() -> assertThat(call.get()).isEmpty());
        if (thrown != null) {
            assertThat(thrown).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    @DisplayName("isolation: every write with another user's ids is rejected and changes none of their rows")
    void isolationWritesWithForeignIdsChangeNothing() {
        TenantWorld w = world();
        TenantWorld.Tenant alice = w.tenant(ALICE);
        TenantWorld.Tenant bob = w.tenant(BOB);
        Map<String, Map<String, Object>> before = new LinkedHashMap<>();
        for (String u : List.of(BOB, CAROL)) {
            before.put(u, TenantWorld.snapshot(store, u));
        }
        String own = alice.main().id();
        String bobWs = bob.main().id();
        String bobProject = bob.projects.get(0).id();
        Map<String, String> bobIds = bob.privateIds;
        Set<String> covered = new HashSet<>();
        Map<String, Runnable> attacks = new LinkedHashMap<>();
        attacks.put("updateWorkspace", () -> store.updateWorkspace(ALICE, bobWs, UpdateWorkspaceInput.rename("pwned")));
        attacks.put("deleteWorkspace", () -> store.deleteWorkspace(ALICE, bobWs));
        attacks.put("createProject", () -> store.createProject(ALICE, bobWs, CreateProjectInput.named("pwned")));
        attacks.put("updateProject", () -> store.updateProject(ALICE, bobProject, UpdateProjectInput.status(ProjectStatus.ARCHIVED)));
        attacks.put("deleteProject", () -> store.deleteProject(ALICE, bobProject));
        attacks.put("upsertMemories", () -> store.upsertMemories(ALICE, List.of(MemoryInput.of("pwn", bobWs, "decision", "pwned"))));
        attacks.put("upsertMemories+project", () -> store.upsertMemories(ALICE,
                List.of(new MemoryInput("pwn", own, bobProject, "decision", null, "pwned", null, null, null))));
        attacks.put("linkMemories", () -> store.linkMemories(ALICE, List.of(new GraphLink(bobIds.get("memory"), TenantWorld.SHARED + "-mem-0-0", "related", 1))));
        attacks.put("upsertTrackedEntities", () -> store.upsertTrackedEntities(ALICE, List.of(new TrackedEntityInput("pwn", bobWs, "pwned", "person", null, null))));
        attacks.put("linkTrackedEntities", () -> store.linkTrackedEntities(ALICE, List.of(new GraphLink(bobIds.get("entity"), TenantWorld.SHARED + "-ent-a-0", "knows", 1))));
        attacks.put("deleteTrackedEntity", () -> store.deleteTrackedEntity(ALICE, bobIds.get("entity")));
        attacks.put("recordSession", () -> store.recordSession(ALICE, SessionInput.active("pwn", bobWs, "pwned")));
        attacks.put("recordSession+project", () -> store.recordSession(ALICE, new SessionInput("pwn", own, bobProject, "pwned", SessionStatus.ACTIVE, null, null, null)));
        attacks.put("deleteSession", () -> store.deleteSession(ALICE, bobIds.get("session")));
        attacks.put("recordMessage", () -> store.recordMessage(ALICE, new MessageInput("pwn", bobIds.get("session"), "x", null, "pwned", null)));
        attacks.put("recordTask", () -> store.recordTask(ALICE, TaskInput.pending("pwn", bobWs, "pwned")));
        attacks.put("recordTask+session", () -> store.recordTask(ALICE, new TaskInput("pwn", own, null, bobIds.get("session"), "pwned", null, TaskStatus.PENDING, 1, null)));
        attacks.put("deleteTask", () -> store.deleteTask(ALICE, bobIds.get("task")));
        attacks.put("recordHandoff", () -> store.recordHandoff(ALICE, new HandoffInput("pwn", bobWs, null, TenantWorld.SHARED + "-ses-0", null, "pwned", HandoffStatus.PENDING, null)));
        attacks.put("recordHandoff+session", () -> store.recordHandoff(ALICE, new HandoffInput("pwn", own, null, bobIds.get("session"), null, "pwned", HandoffStatus.PENDING, null)));
        attacks.put("deleteHandoff", () -> store.deleteHandoff(ALICE, bobIds.get("handoff")));
        attacks.put("recordJob", () -> store.recordJob(ALICE, JobInput.queued("pwn", bobWs, "pwned")));
        attacks.put("deleteJob", () -> store.deleteJob(ALICE, bobIds.get("job")));
        for (CoordinationKind kind : CoordinationKind.values()) {
            attacks.put("recordCoordinationEvent+" + kind, () -> store.recordCoordinationEvent(ALICE,
                    CoordinationEventInput.of("pwn", kind, bobWs, null, "pwned")));
            attacks.put("recordCoordinationEvent+session+" + kind, () -> store.recordCoordinationEvent(ALICE,
                    CoordinationEventInput.of("pwn", kind, own, bobIds.get("session"), "pwned")));
            attacks.put("recordCoordinationEvent+project+" + kind, () -> store.recordCoordinationEvent(ALICE,
                    new CoordinationEventInput("pwn", kind, own, bobProject, null, "pwned", null, null)));
            attacks.put("deleteCoordinationEvent+" + kind, () -> store.deleteCoordinationEvent(ALICE, kind, bobIds.get("event")));
        }
        attacks.put("claimCoordinationEvent", () -> store.claimCoordinationEvent(ALICE,
                CoordinationEventInput.of("pwn", CoordinationKind.FILE_CLAIM, bobWs, null, "pwned"), T0));
        attacks.put("claimCoordinationEvent+session", () -> store.claimCoordinationEvent(ALICE,
                CoordinationEventInput.of("pwn", CoordinationKind.FILE_CLAIM, own, bobIds.get("session"), "pwned"), T0));
        attacks.put("claimCoordinationEvent+project", () -> store.claimCoordinationEvent(ALICE,
                new CoordinationEventInput("pwn", CoordinationKind.FILE_CLAIM, own, bobProject, null, "pwned", null, null), T0));
        for (Map.Entry<String, Runnable> attack : attacks.entrySet()) {
            assertThatThrownBy(attack.getValue()::run).as(attack.getKey()).isInstanceOf(NotFoundException.class);
            covered.add(attack.getKey().replaceAll("\\+.*", ""));
        }
        assertThat(store.deleteMemories(ALICE, List.of(bobIds.get("memory")))).isZero();
        covered.add("deleteMemories");
        store.saveUserAccount(ALICE, UserAccountInput.of(Plan.FREE));
        covered.add("saveUserAccount");
        Workspace aliceNew = store.createWorkspace(ALICE, new CreateWorkspaceInput("Mine", null, bob.privateSlug, null));
        assertThat(aliceNew.slug()).as("another user's slug is free for me").isEqualTo(bob.privateSlug);
        covered.add("createWorkspace");
        Set<String> writes = dataStoreMethodNames().stream().filter(n -> !n.startsWith("get")).collect(Collectors.toSet());
        assertThat(covered).as("every write method is attacked").containsExactlyInAnyOrderElementsOf(writes);
        for (String u : List.of(BOB, CAROL)) {
            assertThat(TenantWorld.snapshot(store, u)).as("%s's data after %s's attacks", u, ALICE).isEqualTo(before.get(u));
        }
    }

    @Test
    @DisplayName("isolation: changing or deleting my rows with colliding ids never touches another user's rows")
    void isolationSameIdsAreIndependent() {
        TenantWorld w = world();
        Map<String, Object> bobBefore = TenantWorld.snapshot(store, BOB);
        Map<String, Object> carolBefore = TenantWorld.snapshot(store, CAROL);
        TenantWorld.Tenant alice = w.tenant(ALICE);
        String own = alice.main().id();
        String s = TenantWorld.SHARED;
        store.upsertMemories(ALICE, List.of(MemoryInput.of(s + "-mem-0-0", own, "decision", "rewritten")));
        store.upsertTrackedEntities(ALICE, List.of(new TrackedEntityInput(s + "-ent-a-0", own, "Renamed", "person", null, null)));
        store.recordSession(ALICE, new SessionInput(s + "-ses-0", own, null, "x", SessionStatus.ENDED, null, null, null));
        store.recordMessage(ALICE, new MessageInput(s + "-msg-0", s + "-ses-0", "x", null, "rewritten", null));
        store.recordTask(ALICE, new TaskInput(s + "-task-0", own, null, null, "rewritten", null, TaskStatus.CANCELLED, 0, null));
        store.recordHandoff(ALICE, new HandoffInput(s + "-hand-0", own, null, s + "-ses-0", null, "rewritten", HandoffStatus.EXPIRED, null));
        store.recordJob(ALICE, new JobInput(s + "-job-0", own, null, "rewritten", JobStatus.CANCELLED, null, null, null));
        store.linkMemories(ALICE, List.of(new GraphLink(s + "-mem-1-0", s + "-mem-2-0", "related", 0.1)));
        store.updateWorkspace(ALICE, own, new UpdateWorkspaceInput("Renamed", null, "renamed", null));
        store.updateProject(ALICE, alice.projects.get(0).id(), UpdateProjectInput.status(ProjectStatus.ARCHIVED));
        assertThat(store.deleteMemories(ALICE, List.of(s + "-mem-1-0", s + "-mem-2-0"))).isEqualTo(2);
        store.deleteTrackedEntity(ALICE, s + "-ent-b-0");
        store.deleteTask(ALICE, s + "-task-0");
        store.deleteHandoff(ALICE, s + "-hand-0");
        store.deleteJob(ALICE, s + "-job-0");
        for (CoordinationKind kind : CoordinationKind.values()) {
            store.recordCoordinationEvent(ALICE, CoordinationEventInput.of(s + "-event-0", kind, own, null, "rewritten"));
            store.deleteCoordinationEvent(ALICE, kind, s + "-event-0");
        }
        store.deleteSession(ALICE, s + "-ses-0");
        store.deleteProject(ALICE, alice.projects.get(1).id());
        store.deleteWorkspace(ALICE, own);
        assertThat(TenantWorld.snapshot(store, BOB)).isEqualTo(bobBefore);
        assertThat(TenantWorld.snapshot(store, CAROL)).isEqualTo(carolBefore);
        assertThat(store.getWorkspace(BOB, "acme-corp")).isPresent();
        assertThat(store.getWorkspace(ALICE, "acme-corp")).isEmpty();
    }

    @Test
    @DisplayName("isolation: user accounts are per user")
    void isolationUserAccounts() {
        store.saveUserAccount(ALICE, new UserAccountInput(Plan.ENTERPRISE, "ALICE-KEY", null));
        assertThat(store.getUserAccount(BOB)).isEmpty();
        store.saveUserAccount(BOB, UserAccountInput.of(Plan.FREE));
        assertThat(store.getUserAccount(ALICE)).get().extracting(UserAccount::plan, UserAccount::licenseKey)
                .containsExactly(Plan.ENTERPRISE, "ALICE-KEY");
        assertThat(store.getUserAccount(BOB)).get().extracting(UserAccount::licenseKey).isNull();
    }

    @Test
    @DisplayName("isolation: a user with no data sees empty lists, never someone else's")
    void isolationNewUserSeesNothing() {
        world();
        String dave = "user-dave";
        assertThat(store.getWorkspaces(dave, ALL)).isEmpty();
        assertThat(store.getUserAccount(dave)).isEmpty();
        assertThat(store.getWorkspace(dave, "acme-corp")).isEmpty();
        assertThat(store.getMemory(dave, TenantWorld.SHARED + "-mem-0-0")).isEmpty();
        assertThat(store.getProject(dave, TenantWorld.SHARED)).isEmpty();
        assertNotFound(() -> store.getMessages(dave, TenantWorld.SHARED + "-ses-0", ALL));
        Workspace ws = workspace(dave, "Acme Corp");
        assertThat(ws.slug()).isEqualTo("acme-corp");
        assertThat(store.getMemories(dave, MemoryFilters.workspace(ws.id()), ALL)).isEmpty();
        assertThat(store.getDashboardMetrics(dave, ws.id()).memoryCount()).isZero();
        assertThat(store.getMemoryGraph(dave, ws.id(), null).nodes()).isEmpty();
    }
}
