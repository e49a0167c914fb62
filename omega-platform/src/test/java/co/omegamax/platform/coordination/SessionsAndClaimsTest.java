package co.omegamax.platform.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.omegamax.platform.spi.ConflictException;
import co.omegamax.platform.spi.CoordinationEventFilters;
import co.omegamax.platform.spi.CoordinationKind;
import co.omegamax.platform.spi.InvalidInputException;
import co.omegamax.platform.spi.NotFoundException;
import co.omegamax.platform.spi.Page;
import co.omegamax.platform.spi.SessionStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sessions, heartbeats, stale expiry and file/branch claims over a real SQLite store. */
class SessionsAndClaimsTest {
    @TempDir
    Path dir;
    SqliteWorld world;
    CoordinationService coord;

    @BeforeEach
    void open() {
        world = new SqliteWorld(dir);
        coord = world.service();
    }

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void registerHeartbeatListAndDeregister() {
        SessionInfo a = coord.sessions().register(null, "claude-code", Map.of("branch", "main"));
        SessionInfo b = coord.sessions().register("s-b", "codex", null);

        assertThat(a.id()).startsWith("s-");
        assertThat(a.status()).isEqualTo("active");
        assertThat(a.metadata()).containsEntry("branch", "main").doesNotContainKey(Sessions.LAST_HEARTBEAT);
        assertThat(a.lastHeartbeatAt()).isEqualTo(world.clock.instant());
        assertThat(coord.sessions().list(false, false)).extracting(SessionInfo::id)
                .containsExactlyInAnyOrder(a.id(), "s-b");

        world.clock.advance(Duration.ofMinutes(7));
        HeartbeatResult hb = coord.sessions().heartbeat(a.id(), SessionStatus.IDLE);
        assertThat(hb.session().lastHeartbeatAt()).isEqualTo(world.clock.instant());
        assertThat(hb.session().status()).isEqualTo("idle");

        world.clock.advance(Duration.ofMinutes(5));
        // b has been silent for 12 minutes (> 10 minute TTL): stale, hidden unless asked for
        assertThat(coord.sessions().list(false, false)).extracting(SessionInfo::id).containsExactly(a.id());
        assertThat(coord.sessions().list(true, false)).filteredOn(SessionInfo::stale)
                .extracting(SessionInfo::id).containsExactly(b.id());

        DeregisterResult end = coord.sessions().deregister(a.id());
        assertThat(end.session().status()).isEqualTo("ended");
        assertThat(end.session().endedAt()).isEqualTo(world.clock.instant());
        assertThat(coord.sessions().list(true, false)).extracting(SessionInfo::id).containsExactly(b.id());
        assertThat(coord.sessions().list(true, true)).hasSize(2);
        assertThatThrownBy(() -> coord.sessions().heartbeat(a.id(), null)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("register a new session");
        assertThatThrownBy(() -> coord.sessions().heartbeat("nope", null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> coord.sessions().register(null, "x", Map.of(Sessions.LAST_HEARTBEAT, "y")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void fileClaimIsExclusiveAndNamesTheHolder() {
        SessionInfo a = coord.sessions().register("s-a", "claude-code", null);
        SessionInfo b = coord.sessions().register("s-b", "codex", null);

        List<ClaimOutcome> first = coord.claims().claimFiles(a.id(), List.of("./src//App.java", "README.md"), "fix");
        assertThat(first).allMatch(ClaimOutcome::granted);
        assertThat(first).extracting(ClaimOutcome::key).containsExactly("src/App.java", "README.md");

        world.clock.advance(Duration.ofMinutes(1));
        List<ClaimOutcome> second = coord.claims().claimFiles(b.id(), List.of("src/App.java", "src/Other.java"), null);
        assertThat(second.get(0).granted()).isFalse();
        ClaimInfo holder = second.get(0).holder();
        assertThat(holder.sessionId()).isEqualTo("s-a");
        assertThat(holder.agentName()).isEqualTo("claude-code");
        assertThat(holder.claimedAt()).isEqualTo(world.clock.instant().minus(Duration.ofMinutes(1)));
        assertThat(holder.purpose()).isEqualTo("fix");
        assertThat(second.get(1).granted()).isTrue();

        // re-claiming one's own file keeps the first claim time
        ClaimOutcome again = coord.claims().claimFiles(a.id(), List.of("src/App.java"), null).get(0);
        assertThat(again.granted()).isTrue();
        assertThat(again.holder().claimedAt()).isEqualTo(holder.claimedAt());
        assertThat(again.holder().refreshedAt()).isEqualTo(world.clock.instant());

        // releasing a file held by someone else does nothing
        assertThat(coord.claims().releaseFiles(b.id(), List.of("src/App.java")).get(0).released()).isFalse();
        assertThat(coord.claims().releaseFiles(a.id(), List.of("src/App.java")).get(0).released()).isTrue();
        assertThat(coord.claims().claimFiles(b.id(), List.of("src/App.java"), null).get(0).granted()).isTrue();

        assertThat(coord.claims().list(Claims.FILE, false)).extracting(ClaimInfo::key, ClaimInfo::sessionId)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("README.md", "s-a"),
                        org.assertj.core.groups.Tuple.tuple("src/Other.java", "s-b"),
                        org.assertj.core.groups.Tuple.tuple("src/App.java", "s-b"));
        List<ReleaseOutcome> all = coord.claims().releaseFiles(b.id(), List.of());
        assertThat(all).extracting(ReleaseOutcome::key).containsExactlyInAnyOrder("src/Other.java", "src/App.java");
        assertThatThrownBy(() -> coord.claims().claimFiles(a.id(), List.of("../etc/passwd"), null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("climbs above");
    }

    @Test
    void staleHolderLosesItsClaimAndLearnsAboutItOnTheNextHeartbeat() {
        coord.sessions().register("s-a", "claude-code", null);
        coord.sessions().register("s-b", "codex", null);
        coord.claims().claimFiles("s-a", List.of("src/App.java"), null);

        world.clock.advance(Duration.ofMinutes(9));
        coord.sessions().heartbeat("s-b", null);
        assertThat(coord.claims().claimFiles("s-b", List.of("src/App.java"), null).get(0).granted())
                .as("9 minutes of silence is within the 10 minute TTL").isFalse();

        world.clock.advance(Duration.ofMinutes(2));
        assertThat(coord.claims().list(Claims.FILE, false)).as("stale claims are hidden").isEmpty();
        ClaimOutcome takeover = coord.claims().claimFiles("s-b", List.of("src/App.java"), "take over").get(0);
        assertThat(takeover.granted()).isTrue();
        assertThat(takeover.holder().sessionId()).isEqualTo("s-b");

        HeartbeatResult back = coord.sessions().heartbeat("s-a", null);
        assertThat(back.refreshedClaims()).isZero();
        assertThat(back.lostClaims()).singleElement().satisfies(c -> {
            assertThat(c.key()).isEqualTo("src/App.java");
            assertThat(c.sessionId()).isEqualTo("s-b");
        });
    }

    @Test
    void heartbeatKeepsClaimsAliveAndDeregisterReleasesThem() {
        coord.sessions().register("s-a", "claude-code", null);
        coord.sessions().register("s-b", "codex", null);
        coord.claims().claimFiles("s-a", List.of("a.txt", "b.txt"), null);
        assertThat(coord.claims().claimBranch("s-a", "refs/heads/feature/x", "release").granted()).isTrue();

        for (int i = 0; i < 4; i++) {
            world.clock.advance(Duration.ofMinutes(8));
            assertThat(coord.sessions().heartbeat("s-a", null).refreshedClaims()).isEqualTo(3);
        }
        ClaimOutcome refused = coord.claims().claimBranch("s-b", "feature/x", null);
        assertThat(refused.granted()).isFalse();
        assertThat(refused.holder().sessionId()).isEqualTo("s-a");
        assertThat(refused.holder().purpose()).isEqualTo("release");

        DeregisterResult end = coord.sessions().deregister("s-a");
        assertThat(end.released()).containsExactlyInAnyOrder("file:a.txt", "file:b.txt", "branch:feature/x");
        assertThat(world.store.getCoordinationEvents(SqliteWorld.ALICE, CoordinationEventFilters.of(
                world.alice.workspaceId(), CoordinationKind.FILE_CLAIM), Page.first())).isEmpty();
        assertThat(coord.claims().claimBranch("s-b", "feature/x", null).granted()).isTrue();
        assertThatThrownBy(() -> coord.claims().claimFiles("s-a", List.of("a.txt"), null))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> coord.claims().claimBranch("s-b", "bad..name", null))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void claimIdsAreDeterministicPerWorkspaceProjectAndPath() {
        coord.sessions().register("s-a", "claude-code", null);
        String id = coord.claims().claimFiles("s-a", List.of("src/./App.java"), null).get(0).holder().claimId();
        assertThat(id).isEqualTo(co.omegamax.platform.coordination.internal.ClaimKeys.id("file",
                world.alice.workspaceId(), null, "src/App.java")).startsWith("file:").hasSize(45);
        assertThat(co.omegamax.platform.coordination.internal.ClaimKeys.id("file", world.alice.workspaceId(), "p1",
                "src/App.java")).isNotEqualTo(id);
    }
}
