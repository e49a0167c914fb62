package co.omegamax.memory.server.hook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.omegamax.memory.EventType;
import co.omegamax.memory.Memory;
import co.omegamax.memory.MemoryQuery;
import co.omegamax.memory.NewMemory;
import co.omegamax.memory.QueryMode;
import co.omegamax.memory.Scope;
import co.omegamax.memory.server.Engines;
import co.omegamax.memory.server.internal.Json;
import co.omegamax.memory.spi.HookedMemoryEngine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every hook end to end, through a real Unix socket server in this JVM and through the in-process fallback,
 * plus the ways a hook must fail open. The engines run words-only (no model) to keep the test fast; the
 * hook logic is the same with the model.
 */
class HookEndToEndTest {
    @TempDir
    Path dir;
    Path home;
    Path db;
    Path socket;
    final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    @BeforeEach
    void setUp() throws Exception {
        home = Files.createDirectories(dir.resolve("h"));
        db = home.resolve("memory.db");
        socket = home.resolve("omega.sock");
    }

    @AfterEach
    void tearDown() {
        err.flush();
        System.out.print(errBytes.toString(StandardCharsets.UTF_8));
    }

    private Map<String, String> env() {
        return Map.of("OMEGA_HOME", home.toString());
    }

    private HookedMemoryEngine engine() {
        return Engines.open(db, getClass().getClassLoader(), false);
    }

    private static InputStream json(Object value) {
        return new ByteArrayInputStream(Json.write(value).getBytes(StandardCharsets.UTF_8));
    }

    private String viaSocket(HookKind kind, Object input) {
        return HookMain.run(kind, json(input), err, new HookMain.Options(socket, db, 10_000, true, null));
    }

    private String viaFallback(HookKind kind, Object input) {
        return HookMain.run(new String[] {kind.command(), "--deadline-ms=20000"}, json(input), err, env(), dir);
    }

    private static String context(String output) {
        assertThat(output).isNotBlank();
        @SuppressWarnings("unchecked")
        Map<String, Object> specific = (Map<String, Object>) Json.readObject(output).get("hookSpecificOutput");
        return (String) specific.get("additionalContext");
    }

    private static List<Memory> ofType(HookedMemoryEngine e, EventType type) {
        return e.timeline(MemoryQuery.builder().mode(QueryMode.TIMELINE).eventTypes(type).limit(50).build());
    }

    private Path transcript() throws Exception {
        Path t = dir.resolve("session.jsonl");
        Files.writeString(t, String.join("\n",
                "{\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":\"Add a --json flag to omega status\"}}",
                "{\"type\":\"assistant\",\"message\":{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"t1\","
                        + "\"name\":\"Edit\",\"input\":{}}]}}",
                "{\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":"
                        + "\"t1\",\"content\":\"ok\"}]}}",
                "{\"type\":\"assistant\",\"message\":{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":"
                        + "\"Done: omega status --json prints the stats as JSON.\"}]}}",
                "not json at all") + "\n");
        return t;
    }

    @Test
    void everyHookWorksThroughTheSocketServer() throws Exception {
        try (HookedMemoryEngine engine = engine();
             HookSocketServer server = new HookSocketServer(socket, db, new HookService(engine, Scope.GLOBAL)).start()) {
            engine.store(NewMemory.builder("The user prefers AssertJ over Hamcrest").eventType(EventType.USER_PREFERENCE)
                    .build());
            engine.store(NewMemory.of("HookMain.java must not load Jackson on the thin-client path", EventType.DECISION));

            String briefing = context(viaSocket(HookKind.SESSION_START, Map.of("session_id", "s1", "hook_event_name",
                    "SessionStart", "source", "startup", "cwd", "/work")));
            assertThat(briefing).contains("AssertJ over Hamcrest").contains("Preferences").contains("must not load Jackson");
            engine.store(NewMemory.of("The Jackson mapper of the server lives in internal.Json", EventType.MEMORY));

            String prompt = viaSocket(HookKind.PROMPT, Map.of("session_id", "s1", "hook_event_name", "UserPromptSubmit",
                    "prompt", "I prefer small focused classes. Now make the Jackson usage in HookMain lazier please."));
            assertThat(Json.readObject(prompt).toString()).contains("UserPromptSubmit");
            assertThat(context(prompt)).contains("[user_preference] I prefer small focused classes.")
                    .contains("[memory] The Jackson mapper of the server lives in internal.Json")
                    .as("already in this session's briefing").doesNotContain("must not load Jackson");
            List<Memory> prefs = ofType(engine, EventType.USER_PREFERENCE);
            assertThat(prefs).extracting(Memory::content).contains("I prefer small focused classes.");
            Memory captured = prefs.stream().filter(m -> m.content().startsWith("I prefer")).findFirst().orElseThrow();
            assertThat(captured.sessionId()).isEqualTo("s1");
            assertThat(captured.tags()).contains(HookService.TAG);

            Map<String, Object> edit = Map.of("session_id", "s2", "hook_event_name", "PostToolUse", "tool_name", "Edit",
                    "tool_input", Map.of("file_path", "/work/src/co/omegamax/HookMain.java", "old_string", "a",
                            "new_string", "b"));
            String surfaced = context(viaSocket(HookKind.POST_EDIT, edit));
            assertThat(surfaced).contains("HookMain.java").contains("must not load Jackson");
            assertThat(viaSocket(HookKind.POST_EDIT, edit)).as("surfaced once per session").isEmpty();
            assertThat(viaSocket(HookKind.POST_EDIT, Map.of("tool_name", "Bash", "tool_input",
                    Map.of("command", "ls")))).isEmpty();

            assertThat(viaSocket(HookKind.STOP, Map.of("session_id", "abcdef1234567", "hook_event_name", "SessionEnd",
                    "reason", "prompt_input_exit", "cwd", "/work", "transcript_path", transcript().toString())))
                    .isEmpty();
            List<Memory> summaries = ofType(engine, EventType.SESSION_SUMMARY);
            assertThat(summaries).hasSize(1);
            assertThat(summaries.get(0).content()).contains("session abcdef12 in /work ended (prompt_input_exit)")
                    .contains("Last request: \"Add a --json flag to omega status\"")
                    .contains("Last answer: \"Done: omega status --json prints the stats as JSON.\"");
        }
        assertThat(socket).as("removed on shutdown").doesNotExist();
        assertThat(errBytes.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void everyHookWorksInProcessWhenNoServerRuns() throws Exception {
        try (HookedMemoryEngine engine = engine()) {
            engine.store(NewMemory.of("Deploys go through the release.sh script", EventType.DECISION));
        }
        assertThat(context(viaFallback(HookKind.SESSION_START, Map.of("session_id", "f1")))).contains("release.sh");
        String prompt = viaFallback(HookKind.PROMPT, Map.of("session_id", "f1",
                "prompt", "We decided to use Unix sockets instead of TCP for hooks. How do deploys work with release.sh"));
        assertThat(context(prompt)).contains("[decision] We decided to use Unix sockets instead of TCP for hooks.");
        assertThat(context(viaFallback(HookKind.POST_EDIT, Map.of("session_id", "f2", "tool_name", "Write",
                "tool_input", Map.of("file_path", "/repo/release.sh", "content", "#!/bin/sh")))))
                .contains("release.sh script");
        assertThat(viaFallback(HookKind.STOP, Map.of("session_id", "f1", "transcript_path", transcript().toString())))
                .isEmpty();
        try (HookedMemoryEngine engine = engine()) {
            assertThat(ofType(engine, EventType.DECISION)).extracting(Memory::content)
                    .contains("We decided to use Unix sockets instead of TCP for hooks.");
            assertThat(ofType(engine, EventType.SESSION_SUMMARY)).hasSize(1);
        }
        assertThat(socket).doesNotExist();
    }

    @Test
    void malformedJsonFailsOpenOnBothPaths() throws Exception {
        InputStream bad = new ByteArrayInputStream("{not json".getBytes(StandardCharsets.UTF_8));
        assertThat(HookMain.run(new String[] {"prompt", "--deadline-ms=20000"}, bad, err, env(), dir)).isEmpty();
        try (HookedMemoryEngine engine = engine();
             HookSocketServer server = new HookSocketServer(socket, db, new HookService(engine, Scope.GLOBAL)).start()) {
            InputStream bad2 = new ByteArrayInputStream("[1,2".getBytes(StandardCharsets.UTF_8));
            assertThat(HookMain.run(HookKind.PROMPT, bad2, err, new HookMain.Options(socket, db, 10_000, true, null)))
                    .isEmpty();
            // the server keeps serving after a bad request
            assertThat(viaSocket(HookKind.PROMPT, Map.of("prompt", "hello"))).isEmpty();
        }
        assertThat(errBytes.toString(StandardCharsets.UTF_8).lines().toList()).hasSize(2)
                .allSatisfy(l -> assertThat(l).startsWith("omega hook prompt: "));
    }

    @Test
    void aDeadSocketFallsBackAndIsReplacedByTheNextServer() throws Exception {
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(socket));
        }
        assertThat(socket).exists(); // the JDK leaves the file behind: a stale socket
        long t0 = System.nanoTime();
        String out = viaFallback(HookKind.PROMPT, Map.of("prompt", "Remember that the CI runs on two cores only"));
        assertThat(context(out)).contains("[user_fact] The CI runs on two cores only");
        assertThat(HookMain.run(HookKind.PROMPT, json(Map.of("prompt", "x y z")), err,
                new HookMain.Options(socket, db, 10_000, true, null))).isEmpty();
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(10_000);

        try (HookedMemoryEngine engine = engine();
             HookSocketServer server = new HookSocketServer(socket, db, new HookService(engine, Scope.GLOBAL)).start()) {
            assertThat(context(viaSocket(HookKind.SESSION_START, Map.of()))).contains("two cores");
        }
    }

    @Test
    void aHookThatOverrunsItsDeadlineGivesUpSilently() throws Exception {
        HookHandler slow = (kind, input) -> {
            Thread.sleep(10_000);
            return "too late";
        };
        try (HookSocketServer server = new HookSocketServer(socket, db, slow).start()) {
            long t0 = System.nanoTime();
            String out = HookMain.run(HookKind.PROMPT, json(Map.of("prompt", "a b c")), err,
                    new HookMain.Options(socket, db, 300, true, null));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(out).isEmpty();
            assertThat(ms).isBetween(250L, 2_000L);
        }
        // stdin that never ends (Claude Code always closes it, but a hook must not hang on it)
        PipedOutputStream never = new PipedOutputStream();
        String out = HookMain.run(HookKind.STOP, new PipedInputStream(never), err,
                new HookMain.Options(socket, db, 200, false, () -> (k, in) -> "x"));
        assertThat(out).isEmpty();
        never.close();
        // a slow in-process fallback
        Callable<HookHandler> slowFallback = () -> slow;
        assertThat(HookMain.run(HookKind.PROMPT, json(Map.of()), err, new HookMain.Options(socket, db, 200, true,
                slowFallback))).isEmpty();
        assertThat(errBytes.toString(StandardCharsets.UTF_8)).contains("gave up after 300 ms")
                .contains("gave up after 200 ms");
    }

    @Test
    void oversizedInputAndUnknownHooksFailOpen() {
        byte[] big = new byte[HookWire.MAX_INPUT + 1];
        assertThat(HookMain.run(HookKind.PROMPT, new ByteArrayInputStream(big), err,
                new HookMain.Options(socket, db, 5_000, false, () -> (k, in) -> "x"))).isEmpty();
        assertThat(HookMain.run(new String[] {"nope"}, json(Map.of()), err, env(), dir)).isEmpty();
        assertThat(HookMain.run(new String[] {"prompt", "--bogus"}, json(Map.of()), err, env(), dir)).isEmpty();
        assertThat(errBytes.toString(StandardCharsets.UTF_8)).contains("more than 1048576 bytes").contains("usage")
                .contains("bad option");
    }

    @Test
    void aServerForAnotherDatabaseSendsTheClientToItsOwn() throws Exception {
        Path other = dir.resolve("other.db");
        HookHandler never = (k, in) -> {
            throw new AssertionError("must not be called");
        };
        try (HookSocketServer server = new HookSocketServer(socket, other, never).start()) {
            String out = HookMain.run(HookKind.PROMPT, json(Map.of("prompt", "Lesson: check the database path first")),
                    err, new HookMain.Options(socket, db, 20_000, true, () -> InProcessHooks.open(db, env(), dir)));
            assertThat(context(out)).contains("[lesson_learned] Check the database path first");
        }
    }

    @Test
    void theSocketIsOwnerOnlyAndALiveOneIsNotStolen() throws Exception {
        HookHandler echo = (k, in) -> k.claudeEvent();
        try (HookSocketServer server = new HookSocketServer(socket, db, echo).start()) {
            assertThat(Files.getPosixFilePermissions(socket)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(viaSocket(HookKind.POST_EDIT, Map.of())).isEqualTo("PostToolUse");
            assertThatThrownBy(() -> new HookSocketServer(socket, db, echo).start())
                    .hasMessageContaining("another omega server is listening");
            assertThat(viaSocket(HookKind.STOP, Map.of())).as("the first server still serves").isEqualTo("SessionEnd");
        }
        assertThat(socket).doesNotExist();
        Files.writeString(socket, "not a socket");
        assertThatThrownBy(() -> new HookSocketServer(socket, db, echo).start()).hasMessageContaining("not a socket");
        assertThat(socket).hasContent("not a socket");
    }
}
