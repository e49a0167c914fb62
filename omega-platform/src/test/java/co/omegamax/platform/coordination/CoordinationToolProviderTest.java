package co.omegamax.platform.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.omegamax.memory.MemoryEngine;
import co.omegamax.memory.Scope;
import co.omegamax.memory.spi.Tool;
import co.omegamax.memory.spi.ToolArgumentException;
import co.omegamax.memory.spi.ToolArguments;
import co.omegamax.memory.spi.ToolCall;
import co.omegamax.memory.spi.ToolProvider;
import co.omegamax.memory.spi.ToolRegistry;
import co.omegamax.memory.sqlite.SqliteMemoryEngine;
import co.omegamax.platform.spi.PlatformConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The ToolProvider is found by ServiceLoader and its tools work through the memory SPI's ToolRegistry. */
class CoordinationToolProviderTest {
    static final ToolProvider CORE = () -> List.of(new Tool("core_ping", "Core tool of the test.",
            "{\"type\": \"object\"}", call -> Map.of("pong", true)));

    @TempDir
    Path dir;
    SqliteWorld world;
    MemoryEngine engine;

    @BeforeEach
    void open() {
        world = new SqliteWorld(dir);
        engine = SqliteMemoryEngine.builder(dir.resolve("memory.db")).withoutEmbeddings().build();
    }

    @AfterEach
    void close() {
        engine.close();
        world.close();
    }

    @Test
    void serviceLoaderFindsTheProviderAndEveryToolHasAStrictSchema() {
        ToolRegistry registry = ToolRegistry.discover(CORE, getClass().getClassLoader());

        assertThat(registry.failures()).isEmpty();
        List<String> coord = registry.tools().stream().map(Tool::name).filter(n -> n.startsWith("omega_coord_"))
                .toList();
        assertThat(coord).contains("omega_coord_session_register", "omega_coord_session_heartbeat",
                "omega_coord_session_deregister", "omega_coord_session_list", "omega_coord_file_claim",
                "omega_coord_file_release", "omega_coord_branch_claim", "omega_coord_branch_release",
                "omega_coord_claims_list", "omega_coord_intent_announce", "omega_coord_intent_check",
                "omega_coord_task_create", "omega_coord_task_claim", "omega_coord_task_progress",
                "omega_coord_task_complete", "omega_coord_task_fail", "omega_coord_task_cancel",
                "omega_coord_task_list", "omega_coord_message_send", "omega_coord_inbox",
                "omega_coord_handoff_create", "omega_coord_handoff_accept", "omega_coord_decision_record",
                "omega_coord_git_event_record", "omega_coord_git_event_list");
        assertThat(registry.owner("omega_coord_file_claim")).contains("omega-coordination");
        JsonMapper json = JsonMapper.builder().build();
        for (Tool t : registry.tools()) {
            if (t.name().startsWith("omega_coord_")) {
                JsonNode schema = json.readTree(t.inputSchema());
                assertThat(schema.get("additionalProperties").asBoolean()).as(t.name()).isFalse();
                assertThat(schema.get("properties").isObject()).as(t.name()).isTrue();
            }
        }
    }

    @Test
    void toolsRegisterClaimAndReportConflictsAsResults() {
        ToolRegistry registry = ToolRegistry.of(CORE, List.of(new CoordinationToolProvider(world.service())));
        Map<String, Object> a = call(registry, "omega_coord_session_register", Map.of("agent_name", "claude-code"));
        String sessionA = (String) child(a, "session").get("id");
        assertThat(a).containsEntry("ttl_seconds", 600L);

        Map<String, Object> claimed = call(registry, "omega_coord_file_claim", Map.of("paths", List.of("src/A.java")));
        assertThat(claimed).containsEntry("all_granted", true);

        // a second agent (another provider, as in another server process) is refused with the holder named
        ToolRegistry other = ToolRegistry.of(CORE, List.of(new CoordinationToolProvider(world.service())));
        call(other, "omega_coord_session_register", Map.of("agent_name", "codex", "session_id", "s-codex"));
        Map<String, Object> refused = call(other, "omega_coord_file_claim",
                Map.of("paths", List.of("./src/A.java"), "purpose", "also editing"));
        assertThat(refused).containsEntry("all_granted", false);
        @SuppressWarnings("unchecked")
        Map<String, Object> outcome = ((List<Map<String, Object>>) refused.get("claims")).get(0);
        assertThat(outcome).containsEntry("granted", false).containsEntry("key", "src/A.java");
        assertThat(child(outcome, "holder")).containsEntry("session_id", sessionA)
                .containsEntry("agent_name", "claude-code").containsKey("claimed_at");

        Map<String, Object> task = call(other, "omega_coord_task_create", Map.of("title", "Ship it", "priority", 8));
        Map<String, Object> taskClaim = call(registry, "omega_coord_task_claim", Map.of("task_id", task.get("id")));
        assertThat(taskClaim).containsEntry("granted", true).containsEntry("reason", "claimed");
        Map<String, Object> list = call(other, "omega_coord_task_list", Map.of());
        assertThat(list).containsEntry("count", 1);
        call(other, "omega_coord_message_send", Map.of("to_session_id", sessionA, "content", "ping"));
        Map<String, Object> inbox = call(registry, "omega_coord_inbox", Map.of());
        assertThat(inbox.get("messages").toString()).contains("ping").contains("s-codex");
        assertThat(call(registry, "omega_coord_session_deregister", Map.of()).get("released").toString())
                .contains("file:src/A.java").contains("task:");
    }

    @Test
    void badArgumentsAndUnknownRecordsAreTypedToolErrors() {
        ToolRegistry registry = ToolRegistry.of(CORE, List.of(new CoordinationToolProvider(world.service())));
        assertThatThrownBy(() -> call(registry, "omega_coord_file_claim", Map.of("paths", List.of("a"))))
                .isInstanceOf(ToolArgumentException.class).hasMessageContaining("omega_coord_session_register");
        assertThatThrownBy(() -> call(registry, "omega_coord_session_register", Map.of("agent_name", "x",
                "colour", "red"))).isInstanceOf(ToolArgumentException.class).hasMessageContaining("unknown argument");
        call(registry, "omega_coord_session_register", Map.of("agent_name", "x"));
        assertThatThrownBy(() -> call(registry, "omega_coord_file_claim", Map.of("paths", List.of("../../x"))))
                .isInstanceOf(ToolArgumentException.class).hasMessageContaining("climbs above");
        assertThatThrownBy(() -> call(registry, "omega_coord_task_claim", Map.of("task_id", "t-nope")))
                .isInstanceOf(CoordinationToolException.class).hasMessageStartingWith("not_found:")
                .satisfies(e -> assertThat(((CoordinationToolException) e).code())
                        .isEqualTo(CoordinationToolException.Code.NOT_FOUND));
    }

    @Test
    void unconfiguredPlatformIsAnActionableToolErrorNotACrash() {
        ToolRegistry registry = ToolRegistry.of(CORE, List.of(CoordinationToolProvider.fromConfig(
                PlatformConfig.of(Map.of()))));
        assertThat(registry.tools()).extracting(Tool::name).contains("omega_coord_session_register");
        assertThatThrownBy(() -> call(registry, "omega_coord_session_list", Map.of()))
                .isInstanceOf(CoordinationToolException.class).hasMessageStartingWith("not_configured:")
                .hasMessageContaining("omega.datastore");
    }

    @Test
    void configuredPlatformOpensTheStoreAndWorkspaceOnFirstCall() {
        PlatformConfig config = PlatformConfig.of(Map.of("omega.datastore", "sqlite",
                "omega.sqlite.path", dir.resolve("configured.db").toString(), "omega.user-id", "carol",
                "omega.workspace", "nowhere"));
        ToolRegistry registry = ToolRegistry.of(CORE, List.of(CoordinationToolProvider.fromConfig(config)));
        assertThatThrownBy(() -> call(registry, "omega_coord_session_list", Map.of()))
                .isInstanceOf(CoordinationToolException.class).hasMessageStartingWith("not_configured:")
                .hasMessageContaining("nowhere");
    }

    private Map<String, Object> call(ToolRegistry registry, String name, Map<String, Object> args) {
        Tool tool = registry.tool(name).orElseThrow();
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> out = (Map<String, Object>) tool.handler().handle(new ToolCall(name,
                    ToolArguments.of(args), engine, Scope.GLOBAL));
            return out;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> map, String key) {
        return (Map<String, Object>) map.get(key);
    }
}
