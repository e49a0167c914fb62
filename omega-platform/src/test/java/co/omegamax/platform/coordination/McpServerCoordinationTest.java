package co.omegamax.platform.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import co.omegamax.platform.adapter.sqlite.SqliteDataStore;
import co.omegamax.platform.spi.CreateWorkspaceInput;
import co.omegamax.platform.spi.DataStore;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two real {@code omega serve} processes (this module's classpath, so the coordination jar is on it), driven by the
 * MCP SDK's client over stdio, coordinate through one SQLite platform store configured by environment variables.
 */
class McpServerCoordinationTest {
    @TempDir
    Path dir;

    private McpSyncClient serve(String name) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ServerParameters params = ServerParameters.builder(java)
                .args("-Duser.home=" + dir.resolve("home-" + name), "co.omegamax.memory.server.OmegaCli", "serve",
                        "--db", dir.resolve(name + "-memory.db").toString(), "--no-hook-socket")
                // the classpath goes in CLASSPATH: ONNX Runtime dislikes very long command lines
                .addEnvVar("CLASSPATH", System.getProperty("java.class.path"))
                .addEnvVar("OMEGA_HOME", dir.resolve("omega-" + name).toString())
                .addEnvVar("OMEGA_DATASTORE", "sqlite")
                .addEnvVar("OMEGA_SQLITE_PATH", dir.resolve("platform.db").toString())
                .addEnvVar("OMEGA_USER_ID", "alice")
                .addEnvVar("OMEGA_WORKSPACE", "acme")
                .build();
        McpSyncClient client = McpClient.sync(new StdioClientTransport(params,
                        new JacksonMcpJsonMapper(JsonMapper.builder().build())))
                .requestTimeout(Duration.ofSeconds(120)).initializationTimeout(Duration.ofSeconds(120)).build();
        client.initialize();
        return client;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> ok(McpSyncClient c, String tool, Map<String, Object> args) {
        McpSchema.CallToolResult r = c.callTool(new McpSchema.CallToolRequest(tool, args));
        assertThat(r.isError()).as("%s: %s", tool, r.content()).isNotEqualTo(Boolean.TRUE);
        return (Map<String, Object>) r.structuredContent();
    }

    @Test
    @SuppressWarnings("unchecked")
    void twoServersListTheToolsAndOnlyOneAgentGetsTheFile() {
        try (DataStore store = SqliteDataStore.open(dir.resolve("platform.db"))) {
            store.createWorkspace("alice", new CreateWorkspaceInput("Acme", null, "acme", null));
        }
        try (McpSyncClient first = serve("one"); McpSyncClient second = serve("two")) {
            List<String> names = first.listTools().tools().stream().map(McpSchema.Tool::name).toList();
            assertThat(names).contains("omega_query", "omega_coord_session_register", "omega_coord_file_claim",
                    "omega_coord_task_claim", "omega_coord_inbox");

            Map<String, Object> one = ok(first, "omega_coord_session_register", Map.of("agent_name", "agent-one"));
            String sessionOne = (String) ((Map<String, Object>) one.get("session")).get("id");
            ok(second, "omega_coord_session_register", Map.of("agent_name", "agent-two"));
            assertThat(ok(first, "omega_coord_file_claim", Map.of("paths", List.of("src/App.java"))))
                    .containsEntry("all_granted", true);

            Map<String, Object> refused = ok(second, "omega_coord_file_claim", Map.of("paths", List.of("src/App.java")));
            assertThat(refused).containsEntry("all_granted", false);
            Map<String, Object> holder = (Map<String, Object>) ((List<Map<String, Object>>) refused.get("claims"))
                    .get(0).get("holder");
            assertThat(holder).containsEntry("session_id", sessionOne).containsEntry("agent_name", "agent-one");
            assertThat((List<?>) ok(second, "omega_coord_session_list", Map.of()).get("sessions")).hasSize(2);

            McpSchema.CallToolResult bad = second.callTool(new McpSchema.CallToolRequest("omega_coord_task_claim",
                    Map.of("task_id", "t-none")));
            assertThat(bad.isError()).isTrue();
            assertThat(((McpSchema.TextContent) bad.content().get(0)).text()).contains("not_found")
                    .doesNotContain("Exception");
        }
    }
}
