package co.omegamax.platform.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import co.omegamax.platform.adapter.sqlite.SqliteDataStore;
import co.omegamax.platform.context.WorkspaceContext;
import co.omegamax.platform.coordination.internal.SyncListener;
import co.omegamax.platform.spi.CoordinationEvent;
import co.omegamax.platform.spi.CoordinationEventFilters;
import co.omegamax.platform.spi.CoordinationKind;
import co.omegamax.platform.spi.CreateWorkspaceInput;
import co.omegamax.platform.spi.DataStore;
import co.omegamax.platform.spi.Page;
import co.omegamax.platform.spi.PlatformConfig;
import co.omegamax.platform.spi.SessionFilters;
import co.omegamax.platform.spi.Task;
import co.omegamax.platform.sync.SyncEngine;
import co.omegamax.platform.sync.SyncHookProvider;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Coordination records reach the sync engine's outbox and, pushed, the sync target. */
class SyncWiringTest {
    @TempDir
    Path dir;

    @Test
    void recordsAndDeletesArePushedToTheSyncTarget() {
        try (SqliteWorld world = new SqliteWorld(dir);
             DataStore target = SqliteDataStore.open(dir.resolve("target.db"))) {
            String remoteWs = target.createWorkspace(SqliteWorld.ALICE, CreateWorkspaceInput.named("Acme")).id();
            SyncEngine engine = SyncEngine.builder().target(target)
                    .context(new WorkspaceContext(SqliteWorld.ALICE, remoteWs, null))
                    .outbox(dir.resolve("outbox.db")).clock(Clock.systemUTC()).background(false).build();
            try (SyncHookProvider sync = new SyncHookProvider(engine)) {
                CoordinationService coord = world.service(world.alice, new SyncListener(sync));
                coord.sessions().register("s-a", "claude-code", null);
                coord.claims().claimFiles("s-a", List.of("src/App.java"), "edit");
                TaskInfo t = coord.tasks().create("s-a", "Sync me", null, null, null);
                engine.pushPending();

                assertThat(target.getSessions(SqliteWorld.ALICE, SessionFilters.workspace(remoteWs), Page.first()))
                        .extracting(s -> s.id()).containsExactly("s-a");
                assertThat(target.getTasks(SqliteWorld.ALICE, remoteWs, Page.first())).extracting(Task::id)
                        .containsExactly(t.id());
                List<CoordinationEvent> claims = target.getCoordinationEvents(SqliteWorld.ALICE,
                        CoordinationEventFilters.of(remoteWs, CoordinationKind.FILE_CLAIM), Page.first());
                assertThat(claims).extracting(CoordinationEvent::summary).containsExactly("src/App.java");

                coord.claims().releaseFiles("s-a", List.of("src/App.java"));
                engine.pushPending();
                assertThat(target.getCoordinationEvents(SqliteWorld.ALICE,
                        CoordinationEventFilters.of(remoteWs, CoordinationKind.FILE_CLAIM), Page.first())).isEmpty();
                assertThat(engine.status().deadLettered()).isZero();
            } finally {
                engine.close();
            }
        }
    }

    @Test
    void syncIsOnlyWiredWhenEnabled() {
        assertThat(SyncListener.forConfig(PlatformConfig.of(Map.of()))).isSameAs(CoordinationListener.NONE);
        assertThat(SyncListener.forConfig(PlatformConfig.of(Map.of(SyncHookProvider.ENABLED, "false"))))
                .isSameAs(CoordinationListener.NONE);
        assertThat(SyncListener.forConfig(PlatformConfig.of(Map.of(SyncHookProvider.ENABLED, "true"))))
                .isInstanceOf(SyncListener.class);
    }
}
