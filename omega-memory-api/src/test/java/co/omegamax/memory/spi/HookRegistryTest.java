package co.omegamax.memory.spi;

import static org.assertj.core.api.Assertions.assertThat;

import co.omegamax.memory.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class HookRegistryTest {

    record Recording(String name, int order, List<String> log) implements HookProvider {
        @Override
        public void onEvent(HookEvent event) {
            log.add(name + ":" + event.getClass().getSimpleName());
        }
    }

    private static HookEvent started() {
        return new HookEvent.SessionStarted("s1", "test", Scope.GLOBAL, Instant.now());
    }

    @Test
    void deliversToProvidersInOrderThenName() {
        List<String> log = new CopyOnWriteArrayList<>();
        try (HookRegistry r = HookRegistry.builder().add(new Recording("b", 0, log)).add(new Recording("a", 0, log))
                .add(new Recording("first", -1, log)).build()) {
            HookRegistry.Delivery d = r.deliver(started());

            assertThat(d).isEqualTo(new HookRegistry.Delivery(3, 0, 0));
            assertThat(r.providers()).containsExactly("first", "a", "b");
            assertThat(log).containsExactly("first:SessionStarted", "a:SessionStarted", "b:SessionStarted");
        }
    }

    @Test
    void failingAndSlowHooksAreCountedAndOthersStillRun() {
        List<String> log = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        HookProvider failing = new HookProvider() {
            @Override
            public void onEvent(HookEvent event) {
                throw new IllegalStateException("hook broke");
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
        try (HookRegistry r = HookRegistry.builder().timeBudget(Duration.ofMillis(100)).add(failing).add(slow)
                .add(new Recording("last", 3, log)).build()) {
            long start = System.nanoTime();
            HookRegistry.Delivery d = r.deliver(started());
            long tookMs = (System.nanoTime() - start) / 1_000_000;

            assertThat(d).isEqualTo(new HookRegistry.Delivery(1, 1, 1));
            assertThat(log).containsExactly("last:SessionStarted");
            assertThat(tookMs).isLessThan(2_000);
            release.countDown();
        }
    }

    @Test
    void emptyRegistryDeliversNothing() {
        try (HookRegistry r = HookRegistry.empty()) {
            assertThat(r.isEmpty()).isTrue();
            assertThat(r.deliver(started())).isEqualTo(new HookRegistry.Delivery(0, 0, 0));
        }
    }
}
