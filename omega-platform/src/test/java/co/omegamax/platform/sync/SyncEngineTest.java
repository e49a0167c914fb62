package co.omegamax.platform.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.omegamax.memory.EventType;
import co.omegamax.memory.Memory;
import co.omegamax.memory.MemoryUpdate;
import co.omegamax.memory.NewMemory;
import co.omegamax.memory.Scope;
import co.omegamax.memory.StoreResult;
import co.omegamax.memory.sqlite.SqliteMemoryEngine;
import co.omegamax.memory.spi.HookRegistry;
import co.omegamax.memory.spi.HookedMemoryEngine;
import co.omegamax.platform.context.WorkspaceContext;
import co.omegamax.platform.spi.CoordinationEvent;
import co.omegamax.platform.spi.CoordinationEventFilters;
import co.omegamax.platform.spi.CoordinationKind;
import co.omegamax.platform.spi.CreateProjectInput;
import co.omegamax.platform.spi.CreateWorkspaceInput;
import co.omegamax.platform.spi.InvalidInputException;
import co.omegamax.platform.spi.MemoryFilters;
import co.omegamax.platform.spi.MemoryRecord;
import co.omegamax.platform.spi.Page;
import co.omegamax.platform.spi.Project;
import co.omegamax.platform.spi.Session;
import co.omegamax.platform.spi.SessionFilters;
import co.omegamax.platform.spi.SessionStatus;
import co.omegamax.platform.spi.Task;
import co.omegamax.platform.spi.TaskStatus;
import co.omegamax.platform.spi.Workspace;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sync engine end to end: a real SQLite memory engine with hooks, the engine's SQLite outbox, and a real
 * SQLite DataStore as target (taken offline by closing it).
 */
class SyncEngineTest {
    private static final String USER = "user-1";
    private static final SyncSettings FAST = SyncSettings.defaults()
            .withBackoff(Duration.ofMillis(10), Duration.ofMillis(100)).withPollInterval(Duration.ofMillis(50));

    @TempDir
    Path dir;
    private TargetStore target;
    private Workspace workspace;
    private Project project;
    private WorkspaceContext context;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void setUp() {
        target = new TargetStore(dir.resolve("target.db"));
        workspace = target.reader().createWorkspace(USER, CreateWorkspaceInput.named("Acme"));
        project = target.reader().createProject(USER, workspace.id(), CreateProjectInput.named("Launch"));
        context = new WorkspaceContext(USER, workspace.id(), project.id());
    }

    @AfterEach
    void tearDown() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        target.close();
    }

    private SyncEngine sync(boolean background, SyncSettings settings) {
        SyncEngine e = SyncEngine.builder().target(target.target()).context(context).outbox(dir.resolve("outbox.db"))
                .settings(settings).background(background).build();
        open.add(e);
        return e;
    }

    private HookedMemoryEngine local(SyncEngine sync) {
        HookedMemoryEngine e = new HookedMemoryEngine(
                SqliteMemoryEngine.builder(dir.resolve("local.db")).withoutEmbeddings().build(),
                HookRegistry.builder().add(new SyncHookProvider(sync)).timeBudget(Duration.ofSeconds(5)).build());
        open.add(e);
        return e;
    }

    private List<MemoryRecord> remote() {
        return target.reader().getMemories(USER, MemoryFilters.workspace(workspace.id()), Page.first(500));
    }

    private static Set<String> ids(List<MemoryRecord> records) {
        return records.stream().map(MemoryRecord::id).collect(Collectors.toSet());
    }

    /** Stores {@code n} distinct decisions (random words, so no deduplication). @return their ids */
    static List<String> storeMany(HookedMemoryEngine local, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StoreResult r = local.store(NewMemory.of("Decided " + java.util.UUID.randomUUID() + " owns " + java.util.UUID.randomUUID(),
                    EventType.DECISION));
            ids.add(r.id());
        }
        return ids;
    }

    /** Waits until the engine has failed {@code n} pushes in a row (or the timeout passed). */
    static void awaitFailures(SyncEngine sync, int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (sync.status().consecutiveFailures() < n && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    @Test
    void storedUpdatedAndDeletedMemoriesReachTheTargetTaggedWithWorkspaceAndProject() {
        SyncEngine sync = sync(true, FAST);
        HookedMemoryEngine local = local(sync);
        String kept = local.store(NewMemory.builder("Deploy with blue-green releases").eventType(EventType.DECISION)
                .tags("Release Process!", "ops").metadata("source", "retro").build()).id();
        String edited = local.store(NewMemory.of("Prefer tabs over spaces", EventType.USER_PREFERENCE)).id();
        String dropped = local.store(NewMemory.of("Temporary note about the staging box", EventType.MEMORY)).id();
        local.update(edited, MemoryUpdate.content("Prefer two-space indentation"));
        assertThat(local.delete(dropped)).isTrue();

        assertThat(sync.flush(Duration.ofSeconds(10))).isTrue();

        List<MemoryRecord> remote = remote();
        assertThat(ids(remote)).containsExactlyInAnyOrder(kept, edited);
        MemoryRecord k = remote.stream().filter(m -> m.id().equals(kept)).findFirst().orElseThrow();
        assertThat(k.userId()).isEqualTo(USER);
        assertThat(k.workspaceId()).isEqualTo(workspace.id());
        assertThat(k.projectId()).isEqualTo(project.id());
        assertThat(k.eventType()).isEqualTo("decision");
        assertThat(k.tags()).containsExactly("release-process-", "ops");
        assertThat(k.metadata()).containsEntry("source", "retro");
        @SuppressWarnings("unchecked")
        Map<String, Object> engineFields = (Map<String, Object>) k.metadata().get("omega");
        assertThat(engineFields).containsEntry("priority", 4L).containsEntry("status", "active");
        assertThat(target.reader().getMemory(USER, edited).orElseThrow().content())
                .isEqualTo("Prefer two-space indentation");
        SyncStatus status = sync.status();
        assertThat(status.pending()).isZero();
        assertThat(status.deadLettered()).isZero();
        assertThat(status.lastSuccessAt()).isNotNull();
        assertThat(status.consecutiveFailures()).isZero();
        assertThat(status.pushing()).isTrue();
    }

    @Test
    void batchesOfTheConfiguredSizeAndOneUpsertCallPerBatch() {
        SyncEngine sync = sync(false, FAST.withBatchSize(10));
        HookedMemoryEngine local = local(sync);
        List<String> stored = storeMany(local, 25);
        assertThat(sync.status().pending()).isEqualTo(25);
        assertThat(remote()).isEmpty();

        assertThat(sync.pushPending()).isEqualTo(3);

        assertThat(target.calls("upsertMemories")).isEqualTo(3);
        assertThat(ids(remote())).containsExactlyInAnyOrderElementsOf(stored);
        assertThat(sync.status().batchesPushed()).isEqualTo(3);
        assertThat(sync.status().recordsPushed()).isEqualTo(25);
        assertThat(sync.pushPending()).as("nothing left").isZero();
    }

    @Test
    void changesOfOneRecordInsideABatchCoalesceAndADeleteAfterUpsertsWins() {
        SyncEngine sync = sync(false, FAST);
        HookedMemoryEngine local = local(sync);
        String survivor = local.store(NewMemory.of("Cache invalidation lives in the gateway", EventType.DECISION)).id();
        for (int i = 1; i <= 3; i++) {
            local.update(survivor, MemoryUpdate.content("Cache invalidation lives in the gateway, revision " + i));
        }
        String gone = local.store(NewMemory.of("Scratch idea that will be dropped", EventType.MEMORY)).id();
        local.update(gone, MemoryUpdate.content("Scratch idea, edited before being dropped"));
        local.delete(gone);
        assertThat(sync.status().pending()).isEqualTo(7);

        assertThat(sync.pushPending()).isEqualTo(1);

        assertThat(target.calls("upsertMemories")).isEqualTo(1);
        assertThat(target.calls("deleteMemories")).isEqualTo(1);
        assertThat(ids(remote())).containsExactly(survivor);
        assertThat(target.reader().getMemory(USER, survivor).orElseThrow().content()).endsWith("revision 3");
    }

    @Test
    void aLostAcknowledgementAndACrashNeitherLoseNorDuplicateRecords() {
        SyncEngine first = sync(false, FAST.withBatchSize(10));
        HookedMemoryEngine local = local(first);
        List<String> stored = storeMany(local, 30);
        target.loseNextAcks(1); // the first batch commits on the target but the answer is lost

        assertThat(first.pushPending()).isZero();
        assertThat(first.status().consecutiveFailures()).isEqualTo(1);
        assertThat(first.status().lastError()).contains("connection reset");
        assertThat(remote()).hasSize(10);
        assertThat(first.status().pending()).as("the cursor did not move").isEqualTo(30);

        // crash: the process goes away with the backlog queued
        local.close();
        first.close();

        SyncEngine second = sync(true, FAST.withBatchSize(10));
        assertThat(second.status().pending()).isEqualTo(30);
        assertThat(second.flush(Duration.ofSeconds(10))).isTrue();

        List<MemoryRecord> remote = remote();
        assertThat(remote).hasSize(30);
        assertThat(ids(remote)).containsExactlyInAnyOrderElementsOf(stored);
        assertThat(target.calls("upsertMemories")).as("1 lost + 3 acknowledged").isEqualTo(4);
        assertThat(second.status().deadLettered()).isZero();
    }

    @Test
    void anOfflinePeriodIsRetriedWithBackoffAndRecoversWithoutLoss() throws InterruptedException {
        SyncEngine sync = sync(true, FAST);
        HookedMemoryEngine local = local(sync);
        target.offline();
        List<String> stored = storeMany(local, 5);

        awaitFailures(sync, 3, Duration.ofSeconds(10));
        SyncStatus offline = sync.status();
        assertThat(offline.consecutiveFailures()).isGreaterThanOrEqualTo(3);
        assertThat(offline.pending()).isEqualTo(5);
        assertThat(offline.lastError()).contains("closed");
        assertThat(offline.lastSuccessAt()).isNull();
        assertThat(remote()).isEmpty();

        target.online();
        assertThat(sync.flush(Duration.ofSeconds(10))).isTrue();

        assertThat(ids(remote())).containsExactlyInAnyOrderElementsOf(stored);
        SyncStatus recovered = sync.status();
        assertThat(recovered.consecutiveFailures()).isZero();
        assertThat(recovered.lastSuccessAt()).isNotNull();
        assertThat(recovered.lastErrorAt()).isNotNull();
    }

    @Test
    void permanentlyRejectedRecordsAreParkedAndTheQueueKeepsFlowing() {
        SyncEngine sync = sync(false, FAST);
        HookedMemoryEngine local = local(sync);
        String orphan = local.store(NewMemory.builder("Belongs to a workspace the platform does not know")
                .scope(Scope.workspace("no-such-workspace")).build()).id();
        String byName = local.store(NewMemory.builder("Filed under the Launch project by name")
                .scope(Scope.of(workspace.slug(), "launch")).build()).id();
        String plain = local.store(NewMemory.of("A plain local memory without scope", EventType.MEMORY)).id();

        assertThat(sync.pushPending()).isEqualTo(1);

        assertThat(ids(remote())).containsExactlyInAnyOrder(byName, plain);
        assertThat(target.reader().getMemory(USER, byName).orElseThrow().projectId()).isEqualTo(project.id());
        List<DeadLetter> dead = sync.deadLetters(10);
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).recordId()).isEqualTo(orphan);
        assertThat(dead.get(0).kind()).isEqualTo("memory");
        assertThat(dead.get(0).reason()).contains("workspace 'no-such-workspace' was not found");
        assertThat(sync.status().pending()).isZero();
        assertThat(sync.status().deadLettered()).isEqualTo(1);
    }

    @Test
    void sessionsAndCoordinationRecordsAreSyncedAndTheirDeletesPropagate() {
        SyncEngine sync = sync(false, FAST);
        SyncHookProvider provider = new SyncHookProvider(sync);
        HookedMemoryEngine local = local(sync);
        local.sessionStarted("sess-1", "claude-code", Scope.GLOBAL);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        provider.recorded(new Task("task-1", USER, "local-ws", null, "sess-1", "Write the sync engine", null,
                TaskStatus.IN_PROGRESS, 7, now, now));
        provider.recorded(new Task("task-2", USER, "local-ws", null, null, "Short-lived task", null,
                TaskStatus.PENDING, 1, now, now));
        provider.recorded(new CoordinationEvent("intent-1", USER, CoordinationKind.INTENT, "local-ws", null, "sess-1",
                "edit SyncEngine.java", Map.of("files", List.of("SyncEngine.java")), now));
        assertThat(sync.pushPending()).isEqualTo(1);
        provider.deleted("task", "task-2");
        provider.deleted("intent", "intent-1");
        local.sessionStopped("sess-1", "claude-code", Scope.GLOBAL);
        assertThat(sync.pushPending()).isEqualTo(1);

        Session s = target.reader().getSessions(USER, new SessionFilters(workspace.id(), null, null), Page.first())
                .get(0);
        assertThat(s.id()).isEqualTo("sess-1");
        assertThat(s.status()).isEqualTo(SessionStatus.ENDED);
        assertThat(s.agentName()).isEqualTo("claude-code");
        assertThat(s.projectId()).isEqualTo(project.id());
        assertThat(s.endedAt()).isAfterOrEqualTo(s.startedAt());
        List<Task> tasks = target.reader().getTasks(USER, workspace.id(), Page.first());
        assertThat(tasks).extracting(Task::id).containsExactly("task-1");
        assertThat(tasks.get(0).workspaceId()).as("re-tagged with the context").isEqualTo(workspace.id());
        assertThat(tasks.get(0).sessionId()).isEqualTo("sess-1");
        assertThat(target.reader().getCoordinationEvents(USER,
                new CoordinationEventFilters(workspace.id(), CoordinationKind.INTENT, null), Page.first())).isEmpty();
        assertThat(sync.status().deadLettered()).isZero();

        assertThatThrownBy(() -> provider.recorded("not a record")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Session, Task");
        assertThatThrownBy(() -> provider.deleted("memory", "m1")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> provider.deleted("widget", "w1")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("session");
    }

    @Test
    void backfillQueuesExistingMemoriesOnlyOnce() {
        List<Memory> existing;
        try (SqliteMemoryEngine plain = SqliteMemoryEngine.builder(dir.resolve("local.db")).withoutEmbeddings().build()) {
            for (int i = 0; i < 4; i++) {
                plain.store(NewMemory.of("Lesson " + java.util.UUID.randomUUID() + " learned before sync", EventType.LESSON_LEARNED));
            }
            existing = plain.timeline(co.omegamax.memory.MemoryQuery.builder().mode(co.omegamax.memory.QueryMode.TIMELINE).limit(100).build());
        }
        SyncEngine sync = sync(false, FAST);
        assertThat(sync.backfillOnce(existing)).isEqualTo(4);
        assertThat(sync.backfillOnce(existing)).isZero();
        sync.pushPending();
        assertThat(remote()).hasSize(4);
    }

    @Test
    void badArgumentsAreRejectedWithTypedErrors() {
        assertThatThrownBy(() -> SyncEngine.builder().context(context).outbox(dir.resolve("o.db")).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("target");
        assertThatThrownBy(() -> SyncSettings.defaults().withBatchSize(501)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("500");
        SyncEngine sync = sync(false, FAST);
        assertThatThrownBy(() -> sync.deadLetters(0)).isInstanceOf(InvalidInputException.class);
        sync.close();
        assertThatThrownBy(() -> sync.recorded(null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }
}
