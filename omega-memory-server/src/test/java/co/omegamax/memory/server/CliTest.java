package co.omegamax.memory.server;

import static org.assertj.core.api.Assertions.assertThat;

import co.omegamax.memory.server.internal.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The omega commands, run in-process through picocli against a temporary OMEGA_HOME. */
class CliTest {
    @TempDir
    Path dir;
    private Path home;
    private Path userHome;

    record Run(int code, String out, String err) {
    }

    @BeforeEach
    void setUp() {
        home = dir.resolve("omega-home");
        userHome = dir.resolve("user");
    }

    private Run omega(String... args) {
        return omega(Map.of("OMEGA_HOME", home.toString()), args);
    }

    private Run omega(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = OmegaCli.commandLine(new OmegaCli(env, userHome, getClass().getClassLoader()));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void storeQueryTimelineStatusAndDoctorWorkOnTheDefaultDatabase() {
        Run stored = omega("store", "--type", "decision", "--tag", "build", "We", "build", "with", "Maven", "4");
        assertThat(stored.code()).as(stored.err()).isZero();
        assertThat(stored.out()).startsWith("created ");
        assertThat(home.resolve("memory.db")).exists();
        assertThat(omega("remember", "The user's name is Dana").code()).isZero();

        Run q = omega("query", "--json", "which", "build", "tool");
        assertThat(q.code()).as(q.err()).isZero();
        Map<String, Object> result = Json.readObject(q.out());
        List<Map<String, Object>> hits = (List<Map<String, Object>>) result.get("hits");
        assertThat(hits.get(0).get("content")).isEqualTo("We build with Maven 4");
        assertThat(hits.get(0).get("event_type")).isEqualTo("decision");

        Run t = omega("timeline", "--json");
        List<Map<String, Object>> items = (List<Map<String, Object>>) Json.readObject(t.out()).get("memories");
        assertThat(items).extracting(m -> m.get("content")).containsExactly("The user's name is Dana",
                "We build with Maven 4");
        assertThat(items.get(0).get("event_type")).isEqualTo("user_fact");

        Run status = omega("status", "--json");
        Map<String, Object> s = Json.readObject(status.out());
        assertThat(s.get("database")).isEqualTo(home.resolve("memory.db").toAbsolutePath().toString());
        assertThat(s.get("active")).isEqualTo(2);

        Run doctor = omega("doctor");
        assertThat(doctor.code()).as(doctor.out()).isZero();
        assertThat(doctor.out()).contains("[ok]   fts").contains("[ok]   vectors").contains("[ok]   dimension");
    }

    @Test
    void dbOptionAndOmegaDbVariableChooseTheDatabase() {
        Path viaEnv = dir.resolve("env.db");
        Path viaOption = dir.resolve("opt.db");
        assertThat(omega(Map.of("OMEGA_HOME", home.toString(), "OMEGA_DB", viaEnv.toString()),
                "store", "from env").code()).isZero();
        assertThat(omega(Map.of("OMEGA_DB", viaEnv.toString()), "store", "--db", viaOption.toString(),
                "from option").code()).isZero();
        assertThat(viaEnv).exists();
        assertThat(viaOption).exists();
        assertThat(home.resolve("memory.db")).doesNotExist();
    }

    @Test
    void badInputGivesAClearMessageAndExitCodeOne() {
        Run r = omega("store", "--type", "nonsense", "text");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("unknown event type 'nonsense'").contains("decision");
        assertThat(omega("query").code()).isEqualTo(2);
        Run doctor = omega("doctor");
        assertThat(doctor.code()).isEqualTo(1);
        assertThat(doctor.out()).contains("does not exist yet").contains("fix:");
    }

    @Test
    void exportIsOwnerOnlyAndImportsIntoAnotherDatabase() throws Exception {
        omega("store", "--type", "lesson_learned", "Retry SQLITE_BUSY with backoff");
        omega("store", "--type", "user_preference", "Prefer records over Lombok");
        Path export = dir.resolve("out").resolve("memories.jsonl");

        Run ex = omega("export", "--out", export.toString());
        assertThat(ex.code()).as(ex.err()).isZero();
        assertThat(Files.readAllLines(export)).hasSize(2);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(export))).isEqualTo("rw-------");
        assertThat(omega("export", "--out", export.toString()).code()).isEqualTo(1);

        Path other = dir.resolve("other.db");
        Run im = omega("import", "--db", other.toString(), export.toString());
        assertThat(im.out()).contains("created 2");
        Run again = omega("import", "--db", other.toString(), export.toString());
        assertThat(again.out()).contains("created 0, deduplicated 2");
    }

    @Test
    void backupAndRestoreRoundTrip() throws Exception {
        omega("store", "kept in the backup");
        Path backup = dir.resolve("b").resolve("memory-backup.db");
        Run b = omega("backup", "--out", backup.toString());
        assertThat(b.code()).as(b.err()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup))).isEqualTo("rw-------");
        omega("store", "written after the backup");

        Run r = omega("restore", backup.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("before-restore-");
        Run t = omega("timeline");
        assertThat(t.out()).contains("kept in the backup").doesNotContain("written after the backup");
        assertThat(omega("restore", dir.resolve("missing.db").toString()).code()).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void setupAddsTheServerWithoutClobberingOtherEntriesAndIsIdempotent() throws Exception {
        Path config = userHome.resolve(".claude.json");
        Files.createDirectories(userHome);
        Files.writeString(config, """
                {"theme": "dark", "projects": {"/x": {"allowedTools": []}},
                 "mcpServers": {"github": {"command": "gh-mcp", "args": []}}}""");

        Run first = omega("setup", "--client", "claude-code", "--command", "/opt/omega/bin/omega");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("added");
        Map<String, Object> root = Json.readObject(Files.readString(config));
        assertThat(root).containsEntry("theme", "dark").containsKey("projects");
        Map<String, Object> servers = (Map<String, Object>) root.get("mcpServers");
        assertThat(servers).containsKeys("github", "omega");
        assertThat((Map<String, Object>) servers.get("omega")).containsEntry("command", "/opt/omega/bin/omega")
                .containsEntry("args", List.of("serve"));
        String afterFirst = Files.readString(config);

        Run second = omega("setup", "--client", "claude-code", "--command", "/opt/omega/bin/omega");
        assertThat(second.out()).contains("already registered");
        assertThat(Files.readString(config)).isEqualTo(afterFirst);

        Path cursor = userHome.resolve(".cursor").resolve("mcp.json");
        Run c = omega("setup", "--client", "cursor", "--command", "/opt/omega/bin/omega");
        assertThat(c.out()).contains("created");
        assertThat((Map<String, Object>) Json.readObject(Files.readString(cursor)).get("mcpServers")).containsKey("omega");

        Files.writeString(config, "{ not json");
        Run broken = omega("setup", "--client", "claude-code", "--command", "x");
        assertThat(broken.code()).isEqualTo(1);
        assertThat(broken.err()).contains("not valid JSON");
        assertThat(Files.readString(config)).isEqualTo("{ not json");
    }

    @Test
    void configYamlSetsTheDefaultProject() throws Exception {
        Files.createDirectories(home);
        Files.writeString(home.resolve("config.yaml"), """
                user_id: "u-1"
                default_workspace: "acme"
                default_project: "launch"
                sync:
                  enabled: false
                """);
        omega("store", "scoped by config");
        Run t = omega("timeline", "--json");
        assertThat(t.out()).contains("\"workspace\" : \"acme\"").contains("\"project\" : \"launch\"");
        assertThat(OmegaHome.resolve(null, Map.of("OMEGA_HOME", home.toString()), userHome).userId()).isEqualTo("u-1");
    }

    @Test
    void toolsListsTheExtensionFromTheClasspath() {
        Run r = omega("tools");
        assertThat(r.out()).contains("omega_store").contains("fixture_echo").contains("fixture-tools");
    }
}
