package co.omegamax.platform.sync;

import static org.assertj.core.api.Assertions.assertThat;

import co.omegamax.memory.EventType;
import co.omegamax.memory.NewMemory;
import co.omegamax.memory.sqlite.SqliteMemoryEngine;
import co.omegamax.memory.spi.HookRegistry;
import co.omegamax.memory.spi.HookedMemoryEngine;
import co.omegamax.platform.adapter.sqlite.SqliteDataStore;
import co.omegamax.platform.context.WorkspaceContext;
import co.omegamax.platform.spi.CreateWorkspaceInput;
import co.omegamax.platform.spi.DataStore;
import co.omegamax.platform.spi.MemoryFilters;
import co.omegamax.platform.spi.Page;
import co.omegamax.platform.spi.PlatformConfig;
import co.omegamax.platform.spi.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ServiceLoader path: configured from PlatformConfig, a no-op when off, harmless when misconfigured. */
class SyncHookProviderTest {
    @TempDir
    Path dir;

    private HookedMemoryEngine localWith(SyncHookProvider provider) {
        return new HookedMemoryEngine(SqliteMemoryEngine.builder(dir.resolve("local.db")).withoutEmbeddings().build(),
                HookRegistry.builder().add(provider).timeBudget(Duration.ofSeconds(10)).build());
    }

    @Test
    void isFoundByServiceLoaderAsAHookProvider() {
        assertThat(ServiceLoader.load(co.omegamax.memory.spi.HookProvider.class).stream()
                .map(ServiceLoader.Provider::type)).contains(SyncHookProvider.class);
    }

    @Test
    void doesNothingWhenSyncIsNotEnabled() {
        Path outbox = dir.resolve("outbox.db");
        SyncHookProvider provider = new SyncHookProvider(PlatformConfig.of(Map.of(SyncHookProvider.OUTBOX,
                outbox.toString(), SyncHookProvider.DATASTORE, "sqlite")));
        try (HookedMemoryEngine local = localWith(provider)) {
            local.store(NewMemory.of("Stored while sync is off", EventType.DECISION));
            assertThat(provider.engine()).isEmpty();
            assertThat(provider.status()).isEmpty();
        }
        provider.close();
        assertThat(outbox).doesNotExist();
    }

    @Test
    void enabledButMisconfiguredLeavesTheMemoryEngineWorkingAndSyncOff() {
        Path outbox = dir.resolve("outbox.db");
        SyncHookProvider provider = new SyncHookProvider(PlatformConfig.of(Map.of(SyncHookProvider.ENABLED, "true",
                SyncHookProvider.OUTBOX, outbox.toString())));
        try (HookedMemoryEngine local = localWith(provider)) {
            String id = local.store(NewMemory.of("Stored although sync cannot start", EventType.DECISION)).id();
            assertThat(local.get(id).content()).isEqualTo("Stored although sync cannot start");
            assertThat(provider.engine()).isEmpty();
        }
        provider.close();
        assertThat(outbox).doesNotExist();
    }

    @Test
    void enabledFromConfigPushesToTheNamedTargetProvider() {
        Path targetFile = dir.resolve("platform.db");
        Workspace ws;
        try (DataStore setup = SqliteDataStore.open(targetFile)) {
            ws = setup.createWorkspace("u-7", CreateWorkspaceInput.named("Acme"));
        }
        Path outbox = dir.resolve("sub/outbox.db");
        SyncHookProvider provider = new SyncHookProvider(PlatformConfig.of(Map.of(
                SyncHookProvider.ENABLED, "true",
                SyncHookProvider.DATASTORE, "sqlite",
                SyncHookProvider.OUTBOX, outbox.toString(),
                "omega.sqlite.path", targetFile.toString(),
                "omega.user-id", "u-7",
                "omega.workspace-id", ws.id())));
        String id;
        try (HookedMemoryEngine local = localWith(provider)) {
            id = local.store(NewMemory.of("Synced through the configured provider", EventType.DECISION)).id();
            SyncEngine engine = provider.engine().orElseThrow();
            assertThat(engine.context().workspaceId()).isEqualTo(ws.id());
            assertThat(engine.flush(Duration.ofSeconds(10))).isTrue();
        }
        provider.close();
        assertThat(Files.exists(outbox)).isTrue();
        try (DataStore check = SqliteDataStore.open(targetFile)) {
            assertThat(check.getMemories("u-7", MemoryFilters.workspace(ws.id()), Page.first()))
                    .extracting(m -> m.id()).containsExactly(id);
        }
    }

    @Test
    void createOwnsAnEngineOnTheGivenTargetOutboxAndClock() {
        Path targetFile = dir.resolve("platform.db");
        Instant fixed = Instant.parse("2026-11-25T12:00:00Z");
        try (DataStore target = SqliteDataStore.open(targetFile)) {
            Workspace ws = target.createWorkspace("u-3", CreateWorkspaceInput.named("Acme"));
            SyncHookProvider provider = SyncHookProvider.create(target, new WorkspaceContext("u-3", ws.id(), null),
                    dir.resolve("outbox.db"), Clock.fixed(fixed, ZoneOffset.UTC));
            String id;
            try (HookedMemoryEngine local = localWith(provider)) {
                id = local.store(NewMemory.of("Pushed by a provider made with create()", EventType.DECISION)).id();
                assertThat(provider.engine().orElseThrow().flush(Duration.ofSeconds(10))).isTrue();
                assertThat(provider.status().orElseThrow().lastSuccessAt()).isEqualTo(fixed);
            }
            provider.close();
            assertThat(provider.engine()).as("closed with the provider").isEmpty();
            assertThat(target.getMemory("u-3", id)).isPresent();
        }
    }

    @Test
    void attachQueuesTheMemoriesStoredBeforeSyncExactlyOnceAlsoAfterReopening() throws Exception {
        Path localDb = dir.resolve("local.db");
        List<String> before = new ArrayList<>();
        try (SqliteMemoryEngine plain = SqliteMemoryEngine.builder(localDb).withoutEmbeddings().build()) {
            before.add(plain.store(NewMemory.of("Decided on Flyway before sync existed", EventType.DECISION)).id());
            before.add(plain.store(NewMemory.of("Lesson: pin the JDK in CI", EventType.LESSON_LEARNED)).id());
            before.add(plain.store(NewMemory.of("The user prefers tabs", EventType.USER_PREFERENCE)).id());
        }
        Path outbox = dir.resolve("outbox.db");
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
        try (TargetStore target = new TargetStore(dir.resolve("platform.db"))) {
            Workspace ws = target.reader().createWorkspace("u-5", CreateWorkspaceInput.named("Acme"));
            WorkspaceContext ctx = new WorkspaceContext("u-5", ws.id(), null);

            SyncHookProvider first = SyncHookProvider.create(target.target(), ctx, outbox, clock);
            String after;
            try (HookedMemoryEngine local = localWith(first)) {
                after = local.store(NewMemory.of("Stored after sync was switched on", EventType.DECISION)).id();
                assertThat(first.backfill().get(30, TimeUnit.SECONDS)).as("memories queued by the first sync")
                        .isBetween(3, 4);
                SyncEngine sync = first.engine().orElseThrow();
                assertThat(sync.backfilled()).isTrue();
                assertThat(sync.flush(Duration.ofSeconds(30))).isTrue();
            }
            first.close();
            List<String> all = new ArrayList<>(before);
            all.add(after);
            assertThat(target.reader().getMemories("u-5", MemoryFilters.workspace(ws.id()), Page.first()))
                    .extracting(m -> m.id()).containsExactlyInAnyOrderElementsOf(all);

            target.resetCounts();
            SyncHookProvider again = SyncHookProvider.create(target.target(), ctx, outbox, clock);
            try (HookedMemoryEngine local = localWith(again)) {
                assertThat(again.backfill().get(30, TimeUnit.SECONDS)).as("already backfilled").isZero();
                assertThat(again.engine().orElseThrow().flush(Duration.ofSeconds(30))).isTrue();
            }
            again.close();
            assertThat(target.calls("upsertMemories")).as("nothing pushed again after reopening").isZero();
            assertThat(target.reader().getMemories("u-5", MemoryFilters.workspace(ws.id()), Page.first()))
                    .extracting(m -> m.id()).containsExactlyInAnyOrderElementsOf(all);
        }
    }

    @Test
    void attachWhileSyncIsOffQueuesNothing() throws Exception {
        try (SqliteMemoryEngine plain = SqliteMemoryEngine.builder(dir.resolve("local.db")).withoutEmbeddings()
                .build()) {
            plain.store(NewMemory.of("Stays local", EventType.DECISION));
        }
        Path outbox = dir.resolve("outbox.db");
        SyncHookProvider provider = new SyncHookProvider(PlatformConfig.of(Map.of(SyncHookProvider.OUTBOX,
                outbox.toString())));
        try (HookedMemoryEngine local = localWith(provider)) {
            assertThat(provider.backfill().get(30, TimeUnit.SECONDS)).isZero();
        }
        provider.close();
        assertThat(outbox).doesNotExist();
    }
}
