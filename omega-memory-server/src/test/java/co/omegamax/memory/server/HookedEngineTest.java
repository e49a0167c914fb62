package co.omegamax.memory.server;

import static org.assertj.core.api.Assertions.assertThat;

import co.omegamax.memory.EventType;
import co.omegamax.memory.Memory;
import co.omegamax.memory.MemoryEngine;
import co.omegamax.memory.MemoryQuery;
import co.omegamax.memory.QueryMode;
import co.omegamax.memory.MemoryUpdate;
import co.omegamax.memory.NewMemory;
import co.omegamax.memory.StoreResult;
import co.omegamax.memory.spi.HookEvent;
import co.omegamax.memory.spi.HookProvider;
import co.omegamax.memory.spi.HookRegistry;
import co.omegamax.memory.spi.HookedMemoryEngine;
import co.omegamax.memory.sqlite.SqliteMemoryEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hooks run after the write committed: a slow or failing hook never loses it, and events arrive in order. */
class HookedEngineTest {
    @TempDir
    Path dir;

    @Test
    void slowAndFailingHooksNeverLoseTheWriteAndLaterHooksStillGetEveryEvent() {
        Path db = dir.resolve("memory.db");
        List<HookEvent> seen = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        HookProvider failing = new HookProvider() {
            @Override
            public void onEvent(HookEvent event) {
                throw new IllegalStateException("sync backend down");
            }

            @Override
            public int order() {
                return 1;
            }
        };
        HookProvider slow = new HookProvider() {
            @Override
            public void onEvent(HookEvent event) throws InterruptedException {
                release.await();
            }

            @Override
            public int order() {
                return 2;
            }
        };
        HookProvider recorder = new HookProvider() {
            @Override
            public void onEvent(HookEvent event) {
                seen.add(event);
            }

            @Override
            public int order() {
                return 3;
            }
        };
        HookRegistry hooks = HookRegistry.builder().timeBudget(Duration.ofMillis(200)).add(recorder).add(slow)
                .add(failing).build();
        String id;
        String newer;
        try (HookedMemoryEngine engine = new HookedMemoryEngine(
                SqliteMemoryEngine.builder(db).withoutEmbeddings().build(), hooks)) {
            long start = System.nanoTime();
            StoreResult r = engine.store(NewMemory.of("The API gateway runs on port 8080", EventType.USER_FACT));
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            id = r.id();
            assertThat(tookMs).as("caller waits at most about one budget per hook").isLessThan(5_000);
            assertThat(engine.find(id)).isPresent();

            engine.update(id, MemoryUpdate.content("The API gateway runs on port 8081"));
            engine.query(MemoryQuery.text("gateway port"));
            newer = engine.store(NewMemory.of("Deploys go through the blue pipeline", EventType.DECISION)).id();
            assertThat(engine.delete(newer)).isTrue();
            release.countDown();
        }
        try (SqliteMemoryEngine reopened = SqliteMemoryEngine.builder(db).withoutEmbeddings().build()) {
            assertThat(reopened.find(id)).hasValueSatisfying(m ->
                    assertThat(m.content()).isEqualTo("The API gateway runs on port 8081"));
            assertThat(reopened.find(newer)).isEmpty();
        }
        assertThat(seen).extracting(e -> e.getClass().getSimpleName()).containsExactly("MemoryStored",
                "MemoryUpdated", "QueryExecuted", "MemoryStored", "MemoryDeleted");
        HookEvent.MemoryStored first = (HookEvent.MemoryStored) seen.get(0);
        assertThat(first.result().id()).isEqualTo(id);
        assertThat(first.memory().content()).isEqualTo("The API gateway runs on port 8080");
        assertThat(((HookEvent.MemoryDeleted) seen.get(4)).id()).isEqualTo(newer);
    }

    @Test
    void contradictionFiresStoredThenSuperseded() {
        List<HookEvent> seen = new CopyOnWriteArrayList<>();
        try (HookedMemoryEngine engine = new HookedMemoryEngine(
                SqliteMemoryEngine.builder(dir.resolve("s.db")).withoutEmbeddings().build(),
                HookRegistry.builder().add(seen::add).build())) {
            StoreResult old = engine.store(NewMemory.of("We use MySQL 8 for the main database", EventType.DECISION));
            StoreResult now = engine.store(NewMemory.of("We no longer use MySQL 8 for the main database; we use "
                    + "PostgreSQL 16", EventType.DECISION));
            assertThat(now.status()).isEqualTo(co.omegamax.memory.StoreStatus.SUPERSEDED);
            assertThat(seen).last().isInstanceOfSatisfying(HookEvent.MemorySuperseded.class, s -> {
                assertThat(s.oldId()).isEqualTo(old.id());
                assertThat(s.newId()).isEqualTo(now.id());
            });
            assertThat(seen).filteredOn(e -> e instanceof HookEvent.MemoryStored).hasSize(2);
        }
    }

    @Test
    void attachHandsEachProviderTheEngineOnceBeforeAnyEventAndAFailingAttachBreaksNothing() {
        Path db = dir.resolve("attach.db");
        try (SqliteMemoryEngine plain = SqliteMemoryEngine.builder(db).withoutEmbeddings().build()) {
            plain.store(NewMemory.of("Stored before any hook was attached", EventType.DECISION));
        }
        List<String> log = new CopyOnWriteArrayList<>();
        AtomicInteger attaches = new AtomicInteger();
        HookProvider reader = new HookProvider() {
            @Override
            public void attach(MemoryEngine engine) {
                attaches.incrementAndGet();
                List<Memory> existing = engine.timeline(MemoryQuery.builder().mode(QueryMode.TIMELINE).limit(50)
                        .build());
                existing.forEach(m -> log.add("existing:" + m.content()));
            }

            @Override
            public void onEvent(HookEvent event) {
                log.add("event:" + event.getClass().getSimpleName());
            }
        };
        List<HookEvent> afterBrokenAttach = new CopyOnWriteArrayList<>();
        HookProvider broken = new HookProvider() {
            @Override
            public void attach(MemoryEngine engine) {
                throw new IllegalStateException("attach broke");
            }

            @Override
            public void onEvent(HookEvent event) {
                afterBrokenAttach.add(event);
            }

            @Override
            public int order() {
                return -1;
            }
        };
        HookRegistry hooks = HookRegistry.builder().add(reader).add(broken).timeBudget(Duration.ofSeconds(10)).build();
        try (HookedMemoryEngine engine = new HookedMemoryEngine(
                SqliteMemoryEngine.builder(db).withoutEmbeddings().build(), hooks)) {
            String id = engine.store(NewMemory.of("Stored after the hooks were attached", EventType.DECISION)).id();
            assertThat(engine.find(id)).isPresent();
            // a second engine over the same registry does not attach the providers again
            new HookedMemoryEngine(engine.delegate(), hooks);
            engine.sessionStarted("s-1", "test", co.omegamax.memory.Scope.GLOBAL);
        }
        assertThat(attaches).hasValue(1);
        // attach runs ahead of every event; writes made meanwhile may already be visible to it
        assertThat(log).contains("existing:Stored before any hook was attached");
        assertThat(log.subList(log.size() - 2, log.size())).containsExactly("event:MemoryStored",
                "event:SessionStarted");
        assertThat(log.subList(0, log.size() - 2)).allMatch(e -> e.startsWith("existing:"));
        assertThat(afterBrokenAttach).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("MemoryStored", "SessionStarted");
    }
}
