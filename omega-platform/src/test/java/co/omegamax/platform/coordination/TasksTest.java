package co.omegamax.platform.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.omegamax.platform.spi.ConflictException;
import co.omegamax.platform.spi.NotFoundException;
import co.omegamax.platform.spi.Page;
import co.omegamax.platform.spi.Task;
import co.omegamax.platform.spi.TaskStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tasks: create, claim, progress, complete, fail, cancel, dependencies, stale takeover. */
class TasksTest {
    @TempDir
    Path dir;
    SqliteWorld world;
    CoordinationService coord;

    @BeforeEach
    void open() {
        world = new SqliteWorld(dir);
        coord = world.service();
        coord.sessions().register("s-a", "claude-code", null);
        coord.sessions().register("s-b", "codex", null);
    }

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void lifecycleWithProgressAndCompletion() {
        TaskInfo t = coord.tasks().create("s-a", "Write the login page", "with tests", 7, List.of());
        assertThat(t.status()).isEqualTo("pending");
        assertThat(t.createdBy()).isEqualTo("s-a");

        TaskClaimOutcome claimed = coord.tasks().claim("s-b", t.id());
        assertThat(claimed.granted()).isTrue();
        assertThat(claimed.task().status()).isEqualTo("in_progress");
        assertThat(claimed.task().sessionId()).isEqualTo("s-b");
        assertThat(claimed.task().agentName()).isEqualTo("codex");

        TaskClaimOutcome refused = coord.tasks().claim("s-a", t.id());
        assertThat(refused.granted()).isFalse();
        assertThat(refused.reason()).isEqualTo("held");
        assertThat(refused.holder().sessionId()).isEqualTo("s-b");
        assertThat(refused.holder().agentName()).isEqualTo("codex");
        assertThatThrownBy(() -> coord.tasks().progress("s-a", t.id(), "sneaky", null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("held by session 's-b'");

        coord.tasks().progress("s-b", t.id(), "form done", 40);
        TaskInfo p = coord.tasks().progress("s-b", t.id(), "validation done", 80);
        assertThat(p.progressPercent()).isEqualTo(80);
        assertThat(p.notes()).extracting(TaskNote::note).containsExactly("form done", "validation done");

        TaskInfo done = coord.tasks().complete("s-b", t.id(), "merged as abc123");
        assertThat(done.status()).isEqualTo("completed");
        assertThat(done.result()).isEqualTo("merged as abc123");
        assertThat(coord.claims().list("task", true)).as("completing releases the task claim").isEmpty();
        assertThatThrownBy(() -> coord.tasks().claim("s-a", t.id())).isInstanceOf(ConflictException.class)
                .hasMessageContaining("already completed");

        // the SPI row carries the state for every other reader (dashboards, sync)
        Task row = world.store.getTasks(SqliteWorld.ALICE, world.alice.workspaceId(), Page.first()).get(0);
        assertThat(row.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(row.priority()).isEqualTo(7);
    }

    @Test
    void dependenciesBlockClaimsUntilCompleted() {
        TaskInfo schema = coord.tasks().create(null, "Schema", null, null, null);
        TaskInfo api = coord.tasks().create(null, "API", null, 9, List.of(schema.id()));
        assertThat(api.blockedBy()).containsExactly(schema.id());

        TaskClaimOutcome blocked = coord.tasks().claim("s-a", api.id());
        assertThat(blocked.granted()).isFalse();
        assertThat(blocked.reason()).isEqualTo("blocked");
        assertThat(blocked.blockedBy()).containsExactly(schema.id());

        assertThat(coord.tasks().list(null, false)).extracting(TaskInfo::title).as("priority first")
                .containsExactly("API", "Schema");
        coord.tasks().claim("s-b", schema.id());
        coord.tasks().complete("s-b", schema.id(), null);

        assertThat(coord.tasks().get(api.id()).blockedBy()).isEmpty();
        assertThat(coord.tasks().claim("s-a", api.id()).granted()).isTrue();
        assertThatThrownBy(() -> coord.tasks().create(null, "x", null, null, List.of("t-missing")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void failAndCancel() {
        TaskInfo a = coord.tasks().create(null, "Flaky migration", null, null, null);
        TaskInfo b = coord.tasks().create(null, "Obsolete", null, null, null);
        coord.tasks().claim("s-a", a.id());

        TaskInfo failed = coord.tasks().fail("s-a", a.id(), "lock timeout on the CI database");
        assertThat(failed.status()).isEqualTo("failed");
        assertThat(failed.failureReason()).contains("lock timeout");

        coord.tasks().claim("s-a", b.id());
        assertThatThrownBy(() -> coord.tasks().cancel("s-b", b.id(), "not needed"))
                .as("someone else works on it").isInstanceOf(ConflictException.class);
        TaskInfo cancelled = coord.tasks().cancel("s-a", b.id(), "not needed");
        assertThat(cancelled.status()).isEqualTo("cancelled");

        assertThat(coord.tasks().list(null, false)).isEmpty();
        assertThat(coord.tasks().list(null, true)).hasSize(2);
        assertThat(coord.tasks().list(TaskStatus.FAILED, false)).extracting(TaskInfo::id).containsExactly(a.id());
    }

    @Test
    void aStaleHoldersTaskIsTakenOver() {
        TaskInfo t = coord.tasks().create(null, "Long job", null, null, null);
        coord.tasks().claim("s-a", t.id());
        world.clock.advance(Duration.ofMinutes(11));
        coord.sessions().heartbeat("s-b", null);

        TaskClaimOutcome takeover = coord.tasks().claim("s-b", t.id());
        assertThat(takeover.granted()).isTrue();
        assertThat(takeover.task().sessionId()).isEqualTo("s-b");
        assertThatThrownBy(() -> coord.tasks().complete("s-a", t.id(), null)).isInstanceOf(ConflictException.class);
        assertThat(coord.sessions().heartbeat("s-a", null).lostClaims()).extracting(ClaimInfo::key)
                .containsExactly(t.id());
    }

    @Test
    void theListenerHearsEveryWriteAndCancellingAPendingTaskWritesItOnce() {
        List<Object> recorded = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> deleted = new java.util.concurrent.CopyOnWriteArrayList<>();
        CoordinationService heard = world.service(world.alice, new CoordinationListener() {
            @Override
            public void recorded(Object record) {
                recorded.add(record);
            }

            @Override
            public void deleted(String kind, String id) {
                deleted.add(kind + ":" + id.substring(0, id.indexOf(':')));
            }
        });
        TaskInfo t = heard.tasks().create("s-a", "Duplicate", null, null, null);
        assertThat(recorded).extracting(r -> r.getClass().getSimpleName()).containsExactly("Task", "CoordinationEvent");
        recorded.clear();

        heard.tasks().cancel("s-a", t.id(), "duplicate of another task");
        assertThat(recorded).filteredOn(Task.class::isInstance).extracting(r -> ((Task) r).status())
                .containsExactly(TaskStatus.CANCELLED);
        assertThat(deleted).as("the task claim taken for the cancel is released").containsExactly("FILE_CLAIM:task");
    }
}
