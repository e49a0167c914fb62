package co.omegamax.platform.sync;

import static org.assertj.core.api.Assertions.assertThat;

import co.omegamax.memory.spi.CommandContext;
import co.omegamax.memory.spi.CommandProvider;
import co.omegamax.platform.adapter.sqlite.SqliteDataStore;
import co.omegamax.platform.context.WorkspaceContext;
import co.omegamax.platform.spi.CreateWorkspaceInput;
import co.omegamax.platform.spi.DataStore;
import co.omegamax.platform.spi.Page;
import co.omegamax.platform.spi.Task;
import co.omegamax.platform.spi.TaskStatus;
import co.omegamax.platform.spi.Workspace;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code omega sync}: status, push and dead letters from ~/.omega/config.yaml, run in-process. */
class SyncCommandTest {
    @TempDir
    Path home;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        CommandContext ctx = new CommandContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), home);
        return new SyncCommand().run(List.of(args), ctx);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void isFoundByServiceLoaderAsACommand() {
        assertThat(ServiceLoader.load(CommandProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(SyncCommand.class);
    }

    @Test
    void reportsThatSyncIsOffWithoutConfigAndRejectsBadUsage() {
        assertThat(run()).isZero();
        assertThat(out()).contains("sync is off").contains("enabled: true");
        assertThat(run("push")).isEqualTo(1);
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: omega sync");
    }

    @Test
    void showsTheBacklogPushesItAndListsDeadLetters() throws IOException {
        Path target = home.resolve("platform.db");
        Path outbox = home.resolve("outbox.db");
        Workspace ws;
        try (DataStore setup = SqliteDataStore.open(target)) {
            ws = setup.createWorkspace("u-9", CreateWorkspaceInput.named("Acme"));
        }
        Files.createDirectories(home.resolve(".omega"));
        Files.writeString(home.resolve(".omega/config.yaml"), String.join("\n",
                "user_id: u-9",
                "workspace: " + ws.slug(),
                "sqlite:",
                "  path: " + target,
                "sync:",
                "  enabled: true",
                "  datastore: sqlite",
                "  outbox: " + outbox, ""));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (DataStore store = SqliteDataStore.open(target);
             SyncEngine engine = SyncEngine.builder().target(store).context(new WorkspaceContext("u-9", ws.id(), null))
                     .outbox(outbox).background(false).build()) {
            engine.recorded(new Task("t-1", "u-9", ws.id(), null, null, "Ship the sync engine", null,
                    TaskStatus.PENDING, 3, now, now));
        }

        assertThat(run("status")).isZero();
        assertThat(out()).contains("target:        sqlite, workspace " + ws.id()).contains("waiting:       1")
                .contains("last success:  never");
        assertThat(run("push")).isZero();
        assertThat(out()).contains("pushed 1 batch(es); 0 change(s) still waiting");
        try (DataStore check = SqliteDataStore.open(target)) {
            assertThat(check.getTasks("u-9", ws.id(), Page.first())).extracting(Task::id).containsExactly("t-1");
        }
        assertThat(run()).isZero();
        assertThat(out()).contains("waiting:       0").doesNotContain("never");
        assertThat(run("dead-letters")).isZero();
        assertThat(out()).contains("no dead letters");
    }
}
