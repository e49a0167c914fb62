package co.omegamax.memory.server;

import static org.assertj.core.api.Assertions.assertThat;

import co.omegamax.memory.server.internal.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `omega setup` adds the Claude Code hooks to settings.json without clobbering other hooks, idempotently. */
class SetupHooksTest {
    @TempDir
    Path dir;

    private String omega(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = OmegaCli.commandLine(new OmegaCli(Map.of("OMEGA_HOME", dir.resolve("h").toString()),
                dir.resolve("user"), getClass().getClassLoader()));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        assertThat(cl.execute(args)).as(err.toString()).isZero();
        return out.toString();
    }

    @Test
    @SuppressWarnings("unchecked")
    void addsTheFourHooksKeepsOtherHooksAndIsIdempotent() throws Exception {
        Path settings = dir.resolve("settings.json");
        Files.writeString(settings, """
                {"model": "opus",
                 "hooks": {
                   "PostToolUse": [{"matcher": "Write", "hooks": [{"type": "command", "command": "prettier --write"}]}],
                   "PreToolUse": [{"matcher": "Bash", "hooks": [{"type": "command", "command": "guard.sh"}]}],
                   "UserPromptSubmit": [{"hooks": [{"type": "command", "command": "/old/bin/omega hook prompt"},
                                                   {"type": "command", "command": "date"}]}]
                 }}""");
        String first = omega("setup", "--config", dir.resolve("claude.json").toString(), "--settings",
                settings.toString(), "--command", "/opt/omega/bin/omega");
        assertThat(first).contains("added the omega Claude Code hooks to " + settings);

        Map<String, Object> root = Json.readObject(Files.readString(settings));
        assertThat(root).containsEntry("model", "opus");
        Map<String, Object> hooks = (Map<String, Object>) root.get("hooks");
        assertThat(hooks).containsKeys("SessionStart", "UserPromptSubmit", "PostToolUse", "SessionEnd", "PreToolUse");
        assertThat(hooks.get("PreToolUse").toString()).contains("guard.sh");
        List<Map<String, Object>> post = (List<Map<String, Object>>) hooks.get("PostToolUse");
        assertThat(post).hasSize(2);
        assertThat(post.get(0).toString()).contains("prettier --write");
        assertThat(post.get(1)).containsEntry("matcher", "Edit|Write|MultiEdit");
        assertThat(post.get(1).get("hooks")).isEqualTo(List.of(Map.of("type", "command", "command",
                "/opt/omega/bin/omega hook post-edit", "timeout", 10)));
        String prompt = hooks.get("UserPromptSubmit").toString();
        assertThat(prompt).contains("date").contains("/opt/omega/bin/omega hook prompt").doesNotContain("/old/bin");
        assertThat(hooks.get("SessionStart").toString()).contains("/opt/omega/bin/omega hook session-start");
        assertThat(hooks.get("SessionEnd").toString()).contains("/opt/omega/bin/omega hook stop");

        String before = Files.readString(settings);
        String second = omega("setup", "--config", dir.resolve("claude.json").toString(), "--settings",
                settings.toString(), "--command", "/opt/omega/bin/omega");
        assertThat(second).contains("already in " + settings);
        assertThat(Files.readString(settings)).isEqualTo(before);
    }

    @Test
    void projectSetupWritesDotClaudeSettingsAndNoHooksSkipsThem() throws Exception {
        Path settings = dir.resolve("proj").resolve(".claude").resolve("settings.json");
        String out = omega("setup", "--config", dir.resolve("mcp.json").toString(), "--settings", settings.toString(),
                "--db", dir.resolve("x.db").toString());
        assertThat(out).contains("created " + settings);
        // without a launcher the hooks run the small hook main class of the jar (or classes directory)
        assertThat(Files.readString(settings)).contains("co.omegamax.memory.server.hook.HookMain prompt")
                .contains("OMEGA_DB=");
        Path other = dir.resolve("other.json");
        assertThat(omega("setup", "--config", dir.resolve("mcp2.json").toString(), "--settings", other.toString(),
                "--no-hooks")).doesNotContain("hooks");
        assertThat(other).doesNotExist();
    }
}
