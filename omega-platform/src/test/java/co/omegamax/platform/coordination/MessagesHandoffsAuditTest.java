package co.omegamax.platform.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.omegamax.platform.spi.ConflictException;
import co.omegamax.platform.spi.HandoffStatus;
import co.omegamax.platform.spi.InvalidInputException;
import co.omegamax.platform.spi.NotFoundException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Messages, handoffs, intents, decisions and the git audit trail over a real SQLite store. */
class MessagesHandoffsAuditTest {
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
        coord.sessions().register("s-c", "cursor", null);
    }

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void directAndBroadcastMessagesAreReadOnce() {
        SendResult direct = coord.messages().send("s-a", "s-b", "I am refactoring the auth module");
        assertThat(direct.recipients()).containsExactly("s-b");
        world.clock.advance(Duration.ofSeconds(1));
        SendResult all = coord.messages().send("s-c", null, "CI is red, do not merge");
        assertThat(all.recipients()).containsExactlyInAnyOrder("s-a", "s-b");

        Inbox first = coord.messages().inbox("s-b", false, true, 1);
        assertThat(first.messages()).singleElement().satisfies(m -> {
            assertThat(m.fromSessionId()).isEqualTo("s-a");
            assertThat(m.fromAgent()).isEqualTo("claude-code");
            assertThat(m.broadcast()).isFalse();
        });
        assertThat(first.unreadRemaining()).isEqualTo(1);
        Inbox second = coord.messages().inbox("s-b", false, true, 50);
        assertThat(second.messages()).extracting(MessageInfo::content).containsExactly("CI is red, do not merge");
        assertThat(second.messages().get(0).broadcast()).isTrue();
        assertThat(coord.messages().inbox("s-b", false, true, 50).messages()).isEmpty();
        assertThat(coord.messages().inbox("s-b", true, false, 50).messages()).hasSize(2);
        assertThat(coord.messages().inbox("s-c", false, true, 50).messages()).as("no echo to the sender").isEmpty();
        assertThatThrownBy(() -> coord.messages().send("s-a", "s-zzz", "hi")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> coord.messages().send("s-a", "s-a", "hi")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void handoffIsAcceptedOnceAndCompletedByTheAcceptor() {
        HandoffInfo h = coord.handoffs().create("s-a", "Finish the OAuth callback; tests in AuthTest", null);
        assertThat(h.status()).isEqualTo("pending");

        HandoffOutcome b = coord.handoffs().accept("s-b", h.id());
        assertThat(b.accepted()).isTrue();
        assertThat(b.handoff().toSessionId()).isEqualTo("s-b");
        HandoffOutcome c = coord.handoffs().accept("s-c", h.id());
        assertThat(c.accepted()).isFalse();
        assertThat(c.holder().sessionId()).isEqualTo("s-b");

        assertThatThrownBy(() -> coord.handoffs().complete("s-c", h.id())).isInstanceOf(ConflictException.class);
        assertThat(coord.handoffs().complete("s-b", h.id()).status()).isEqualTo("completed");
        assertThat(coord.handoffs().list(HandoffStatus.COMPLETED, null)).extracting(HandoffInfo::id)
                .containsExactly(h.id());

        HandoffInfo targeted = coord.handoffs().create("s-a", "Review my PR", "s-c");
        assertThatThrownBy(() -> coord.handoffs().accept("s-b", targeted.id())).isInstanceOf(ConflictException.class)
                .hasMessageContaining("offered to session 's-c'");
        assertThat(coord.handoffs().list(null, "s-b")).extracting(HandoffInfo::id).containsExactly(h.id());
    }

    @Test
    void intentsReportOverlapWithClaimsAndOtherIntents() {
        coord.claims().claimFiles("s-b", List.of("src/auth/Login.java"), "bug fix");
        AnnounceResult a = coord.intents().announce("s-a", "Refactor auth", List.of("src/auth"), null);
        assertThat(a.intent().files()).containsExactly("src/auth");
        assertThat(a.overlaps()).singleElement().satisfies(o -> {
            assertThat(o.kind()).isEqualTo("claim");
            assertThat(o.otherPath()).isEqualTo("src/auth/Login.java");
            assertThat(o.sessionId()).isEqualTo("s-b");
            assertThat(o.detail()).isEqualTo("bug fix");
        });

        List<Overlap> fromC = coord.intents().check("s-c", List.of("src/auth/Session.java", "docs/x.md"));
        assertThat(fromC).extracting(Overlap::kind, Overlap::sessionId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("intent", "s-a"));
        assertThat(coord.intents().check("s-a", List.of("src/auth/Session.java"))).as("own intent").isEmpty();

        world.clock.advance(Duration.ofMinutes(61));
        coord.sessions().heartbeat("s-a", null);
        coord.sessions().heartbeat("s-b", null);
        assertThat(coord.intents().check("s-c", List.of("src/auth/Session.java"))).as("expired").isEmpty();
        assertThat(coord.intents().list(false, 10)).isEmpty();
        assertThat(coord.intents().list(true, 10)).hasSize(1);

        AnnounceResult shortLived = coord.intents().announce("s-a", "Quick fix", List.of("a.txt"),
                Duration.ofMinutes(5));
        assertThat(coord.intents().list(false, 10)).extracting(IntentInfo::id).containsExactly(shortLived.intent().id());
        coord.sessions().deregister("s-a");
        assertThat(coord.intents().check("s-c", List.of("a.txt"))).as("ended session").isEmpty();
    }

    @Test
    void decisionsAndGitAudit() {
        coord.decisions().record("s-a", "Use JDBI, not JPA", "smaller, explicit SQL", List.of("persistence"));
        world.clock.advance(Duration.ofSeconds(1));
        coord.decisions().record(null, "Squash merges only", null, null);
        assertThat(coord.decisions().list(null, 10)).extracting(DecisionInfo::decision)
                .containsExactly("Squash merges only", "Use JDBI, not JPA");
        assertThat(coord.decisions().list("persistence", 10)).singleElement().satisfies(d -> {
            assertThat(d.agentName()).isEqualTo("claude-code");
            assertThat(d.rationale()).isEqualTo("smaller, explicit SQL");
        });

        GitEventInfo c1 = coord.git().record("s-a", "commit", "Fix login", "ABCDEF1234", "main", List.of("./a.txt"));
        GitEventInfo again = coord.git().record("s-a", "commit", "Fix login", "abcdef1234", "main", null);
        assertThat(again.id()).as("same commit reported twice is one record").isEqualTo(c1.id());
        world.clock.advance(Duration.ofSeconds(1));
        coord.git().record("s-b", "push", "pushed feature", null, "feature/x", null);
        assertThat(coord.git().list(null, null, 10)).extracting(GitEventInfo::type).containsExactly("push", "commit");
        assertThat(coord.git().list("main", null, 10)).singleElement().satisfies(g -> {
            assertThat(g.commit()).isEqualTo("abcdef1234");
            assertThat(g.agentName()).isEqualTo("claude-code");
        });
        assertThatThrownBy(() -> coord.git().record(null, "yeet", "x", null, null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("commit, push");
        assertThatThrownBy(() -> coord.git().record(null, "commit", "x", "not-a-sha", null, null))
                .isInstanceOf(InvalidInputException.class);
    }
}
