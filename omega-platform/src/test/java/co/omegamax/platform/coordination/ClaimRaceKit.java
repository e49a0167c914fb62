package co.omegamax.platform.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import co.omegamax.platform.context.WorkspaceContext;
import co.omegamax.platform.spi.CreateWorkspaceInput;
import co.omegamax.platform.spi.DataStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two agents, each with its own DataStore over one database (like two processes), race for the same claims: in
 * every round exactly one wins. Subclasses say how to open a store on the shared database.
 */
abstract class ClaimRaceKit {
    static final int ROUNDS = 40;

    /** A user of its own per test, so tests may share one database. */
    final String user = "user-race-" + java.util.UUID.randomUUID();
    final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
    private final List<DataStore> stores = new ArrayList<>();
    ExecutorService pool;
    WorkspaceContext context;
    CoordinationService one;
    CoordinationService two;

    /** @return a new store (its own connections) on the shared, empty database */
    protected abstract DataStore openStore(Clock clock);

    @BeforeEach
    void openTwoAgents() {
        DataStore first = track(openStore(clock));
        DataStore second = track(openStore(clock));
        context = new WorkspaceContext(user, first.createWorkspace(user, CreateWorkspaceInput.named("Race")).id(),
                null);
        one = CoordinationService.builder(first, context).clock(clock).build();
        two = CoordinationService.builder(second, context).clock(clock).build();
        pool = Executors.newFixedThreadPool(2);
        one.sessions().register("s-1", "agent-one", null);
        two.sessions().register("s-2", "agent-two", null);
    }

    private DataStore track(DataStore s) {
        stores.add(s);
        return s;
    }

    @AfterEach
    void closeStores() throws InterruptedException {
        if (pool != null) {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
        stores.forEach(DataStore::close);
    }

    @Test
    void exactlyOneOfTwoConcurrentFileClaimsWinsEveryRound() throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        CyclicBarrier released = new CyclicBarrier(2);
        Future<List<Boolean>> a = pool.submit(rounds(one, "s-1", start, released));
        Future<List<Boolean>> b = pool.submit(rounds(two, "s-2", start, released));
        List<Boolean> winsA = a.get(180, TimeUnit.SECONDS);
        List<Boolean> winsB = b.get(180, TimeUnit.SECONDS);

        int aWon = 0;
        for (int i = 0; i < ROUNDS; i++) {
            assertThat(winsA.get(i) ^ winsB.get(i)).as("round %d: exactly one winner", i).isTrue();
            aWon += winsA.get(i) ? 1 : 0;
        }
        System.out.printf("%s: file claim race over %d rounds: agent-one won %d, agent-two won %d%n",
                getClass().getSimpleName(), ROUNDS, aWon, ROUNDS - aWon);
        assertThat(one.claims().list(Claims.FILE, true)).as("every winner released").isEmpty();
    }

    /** Each round: both claim hot.txt at once; the winner checks it holds it, then releases it. */
    private Callable<List<Boolean>> rounds(CoordinationService coord, String session, CyclicBarrier start,
                                           CyclicBarrier released) {
        return () -> {
            List<Boolean> wins = new ArrayList<>();
            for (int i = 0; i < ROUNDS; i++) {
                start.await(30, TimeUnit.SECONDS);
                ClaimOutcome o = coord.claims().claimFiles(session, List.of("src/hot.txt"), "round " + i).get(0);
                wins.add(o.granted());
                if (o.granted()) {
                    assertThat(o.holder().sessionId()).isEqualTo(session);
                } else {
                    assertThat(o.holder().sessionId()).isNotEqualTo(session).isNotNull();
                }
                released.await(30, TimeUnit.SECONDS);
                if (o.granted()) {
                    assertThat(coord.claims().releaseFiles(session, List.of("src/hot.txt")).get(0).released())
                            .isTrue();
                }
                released.await(30, TimeUnit.SECONDS);
            }
            return wins;
        };
    }

    @Test
    void exactlyOneOfTwoConcurrentTaskClaimsAndStaleTakeoversWins() throws Exception {
        for (int i = 0; i < 10; i++) {
            TaskInfo task = one.tasks().create(null, "task " + i, null, null, null);
            boolean takeover = i % 2 == 1;
            if (takeover) {
                one.sessions().register("s-old-" + i, "crashed-agent", null);
                assertThat(one.tasks().claim("s-old-" + i, task.id()).granted()).isTrue();
                clock.advance(Duration.ofMinutes(11));
                one.sessions().heartbeat("s-1", null);
                two.sessions().heartbeat("s-2", null);
            }
            CyclicBarrier start = new CyclicBarrier(2);
            Future<TaskClaimOutcome> a = pool.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                return one.tasks().claim("s-1", task.id());
            });
            Future<TaskClaimOutcome> b = pool.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                return two.tasks().claim("s-2", task.id());
            });
            TaskClaimOutcome ra = a.get(60, TimeUnit.SECONDS);
            TaskClaimOutcome rb = b.get(60, TimeUnit.SECONDS);
            assertThat(ra.granted() ^ rb.granted()).as("task %d (takeover=%s): exactly one winner", i, takeover)
                    .isTrue();
            String winner = ra.granted() ? "s-1" : "s-2";
            assertThat(one.tasks().get(task.id()).sessionId()).isEqualTo(winner);
            assertThat((ra.granted() ? rb : ra).holder().sessionId()).isEqualTo(winner);
        }
    }
}
