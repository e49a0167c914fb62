package co.omegamax.memory.server;

import static org.assertj.core.api.Assertions.assertThat;

import co.omegamax.memory.server.fixture.ExtraToolProvider;
import co.omegamax.memory.server.internal.CoreTools;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged server ({@code target/omega-memory-server-*-all.jar}) driven by the MCP SDK's own client
 * over stdio, in a separate JVM. Run by failsafe after {@code package}.
 */
class McpServerEndToEndIT {
    @TempDir
    Path dir;
    private final List<String> stderr = new CopyOnWriteArrayList<>();

    private static Path jar() {
        String jar = System.getProperty("omega.server.jar");
        assertThat(jar).as("system property omega.server.jar (set by failsafe)").isNotNull();
        assertThat(Path.of(jar)).exists();
        return Path.of(jar);
    }

    private McpSyncClient connect(List<String> javaArgs, Map<String, String> env) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ServerParameters.Builder p = ServerParameters.builder(java).args(javaArgs)
                .addEnvVar("OMEGA_HOME", dir.resolve("home").toString());
        env.forEach(p::addEnvVar);
        StdioClientTransport transport = new StdioClientTransport(p.build(),
                new JacksonMcpJsonMapper(JsonMapper.builder().build()));
        transport.setStdErrorHandler(stderr::add);
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(120))
                .initializationTimeout(Duration.ofSeconds(120)).build();
        client.initialize();
        return client;
    }

    private static McpSchema.CallToolResult call(McpSyncClient c, String tool, Map<String, Object> args) {
        return c.callTool(new McpSchema.CallToolRequest(tool, args));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> structured(McpSchema.CallToolResult r) {
        assertThat(r.isError()).as("tool error: %s", r.content()).isNotEqualTo(Boolean.TRUE);
        assertThat(r.content()).singleElement().isInstanceOf(McpSchema.TextContent.class);
        return (Map<String, Object>) r.structuredContent();
    }

    private static String text(McpSchema.CallToolResult r) {
        return ((McpSchema.TextContent) r.content().get(0)).text();
    }

    @Test
    @SuppressWarnings("unchecked")
    void packagedServerOffersCoreToolsStoresRecallsAndReportsBadArgumentsAsToolErrors() {
        Path db = dir.resolve("memory.db");
        try (McpSyncClient c = connect(List.of("-jar", jar().toString(), "serve", "--db", db.toString()), Map.of())) {
            assertThat(c.getServerInfo().name()).isEqualTo("omega-memory");
            assertThat(c.getServerInstructions()).contains("omega_welcome").contains("omega_store")
                    .contains("omega_query");
            List<McpSchema.Tool> tools = c.listTools().tools();
            assertThat(tools).extracting(McpSchema.Tool::name).containsExactlyElementsOf(CoreTools.NAMES);
            McpSchema.Tool query = tools.stream().filter(t -> t.name().equals("omega_query")).findFirst().orElseThrow();
            assertThat(query.inputSchema()).containsEntry("type", "object");
            assertThat((Map<String, Object>) query.inputSchema().get("properties")).containsKeys("query", "mode", "event_types", "from", "to",
                    "context_file", "limit");

            Map<String, Object> stored = structured(call(c, "omega_store", Map.of(
                    "content", "We chose PostgreSQL 16 for the billing service because of logical replication",
                    "event_type", "decision", "tags", List.of("billing", "database"))));
            Map<String, Object> first = ((List<Map<String, Object>>) stored.get("results")).get(0);
            assertThat(first.get("status")).isEqualTo("created");
            String id = (String) first.get("id");

            Map<String, Object> batch = structured(call(c, "omega_store", Map.of("memories", List.of(
                    Map.of("content", "Always run ./mvnw verify before pushing", "event_type", "user_preference"),
                    Map.of("content", "The flaky upload test fails when TMPDIR is on tmpfs; set java.io.tmpdir",
                            "event_type", "lesson_learned")))));
            assertThat((List<?>) batch.get("results")).hasSize(2);

            McpSchema.CallToolResult recalled = call(c, "omega_query", Map.of("query", "which database for billing?"));
            Map<String, Object> result = structured(recalled);
            List<Map<String, Object>> hits = (List<Map<String, Object>>) result.get("hits");
            assertThat(hits).isNotEmpty();
            assertThat(hits.get(0).get("id")).isEqualTo(id);
            assertThat((List<String>) hits.get(0).get("ranking_reasons")).isNotEmpty();
            assertThat(text(recalled)).contains(id);

            Map<String, Object> timeline = structured(call(c, "omega_query", Map.of("mode", "timeline",
                    "event_types", List.of("lesson_learned"))));
            assertThat((List<?>) timeline.get("hits")).hasSize(1);

            Map<String, Object> welcome = structured(call(c, "omega_welcome", Map.of()));
            assertThat((List<Map<String, Object>>) welcome.get("preferences")).extracting(m -> m.get("content"))
                    .containsExactly("Always run ./mvnw verify before pushing");

            Map<String, Object> cp = structured(call(c, "omega_checkpoint", Map.of("task", "billing migration",
                    "progress", "schema done", "next_steps", List.of("backfill", "switch reads"))));
            assertThat(cp.get("status")).isEqualTo("created");
            Map<String, Object> resumed = structured(call(c, "omega_resume_task", Map.of("task", "billing migration")));
            assertThat(resumed.get("found")).isEqualTo(true);
            assertThat((String) ((Map<String, Object>) resumed.get("checkpoint")).get("content")).contains("backfill");

            Map<String, Object> fb = structured(call(c, "omega_memory", Map.of("action", "feedback", "id", id,
                    "rating", "helpful")));
            assertThat(fb.get("feedback_score")).isEqualTo(1);
            Map<String, Object> reminder = structured(call(c, "omega_remind", Map.of("action", "set",
                    "text", "rotate the staging keys", "due_at", "2020-01-01")));
            Map<String, Object> due = structured(call(c, "omega_remind", Map.of("action", "list", "due_only", true)));
            assertThat((List<Map<String, Object>>) due.get("reminders")).extracting(m -> m.get("id"))
                    .containsExactly(reminder.get("id"));
            assertThat(structured(call(c, "omega_lessons", Map.of("topic", "flaky upload test"))).get("lessons"))
                    .asList().hasSize(1);
            Map<String, Object> health = structured(call(c, "omega_maintain", Map.of("action", "health")));
            assertThat(health.get("integrity")).isEqualTo("ok");
            Path backup = dir.resolve("b.db");
            Map<String, Object> bk = structured(call(c, "omega_maintain", Map.of("action", "backup",
                    "path", backup.toString())));
            assertThat(backup).exists();
            assertThat(((Number) bk.get("bytes")).longValue()).isPositive();
            Map<String, Object> stats = structured(call(c, "omega_stats", Map.of()));
            assertThat(((Number) stats.get("active")).longValue()).isEqualTo(5);

            // bad arguments: tool errors with a clear message, and the server keeps serving
            McpSchema.CallToolResult noQuery = call(c, "omega_query", Map.of("limit", 5));
            assertThat(noQuery.isError()).isTrue();
            assertThat(text(noQuery)).contains("query");
            McpSchema.CallToolResult badLimit = call(c, "omega_query", Map.of("query", "x", "limit", 999));
            assertThat(badLimit.isError()).isTrue();
            assertThat(text(badLimit)).contains("limit");
            McpSchema.CallToolResult badType = call(c, "omega_store", Map.of("content", "x", "event_type", "nonsense"));
            assertThat(badType.isError()).isTrue();
            assertThat(text(badType)).contains("event_type").contains("\"decision\", \"lesson_learned\"").doesNotContain("Exception");
            McpSchema.CallToolResult unknown = call(c, "omega_memory", Map.of("action", "delete", "id", "no-such-id"));
            assertThat(structured(unknown).get("deleted")).isEqualTo(false);
            McpSchema.CallToolResult missing = call(c, "omega_memory", Map.of("action", "edit", "id", "no-such-id",
                    "content", "new"));
            assertThat(missing.isError()).isTrue();
            assertThat(text(missing)).contains("no-such-id");
            McpSchema.CallToolResult restoreDb = call(c, "omega_maintain", Map.of("action", "restore",
                    "path", backup.toString()));
            assertThat(restoreDb.isError()).isTrue();
            assertThat(text(restoreDb)).contains("omega restore");

            assertThat(c.ping()).isNotNull();
            assertThat(structured(call(c, "omega_stats", Map.of())).get("active")).isEqualTo(5);
        }
        assertThat(stderr).noneMatch(l -> l.contains("Exception in thread"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anExtensionOnTheClasspathAddsItsToolAndReceivesTheEvents() throws Exception {
        Path db = dir.resolve("ext.db");
        Path hookLog = dir.resolve("hooks.log");
        String classpath = jar() + File.pathSeparator + System.getProperty("omega.test.classes");
        try (McpSyncClient c = connect(List.of("-cp", classpath, "co.omegamax.memory.server.OmegaCli", "serve", "--db",
                db.toString()), Map.of("OMEGA_TEST_HOOK_LOG", hookLog.toString()))) {
            List<String> names = c.listTools().tools().stream().map(McpSchema.Tool::name).toList();
            List<String> expected = new ArrayList<>(CoreTools.NAMES);
            expected.add(ExtraToolProvider.TOOL);
            assertThat(names).containsExactlyElementsOf(expected);

            Map<String, Object> stored = structured(call(c, "omega_store", Map.of("content",
                    "Use Testcontainers only in the integration-test phase", "event_type", "decision")));
            String id = (String) ((List<Map<String, Object>>) stored.get("results")).get(0).get("id");
            Map<String, Object> echo = structured(call(c, ExtraToolProvider.TOOL, Map.of("text", "hi")));
            assertThat(echo).containsEntry("echo", "hi").containsEntry("active_memories", 1);
            structured(call(c, "omega_query", Map.of("query", "integration tests")));
            structured(call(c, "omega_memory", Map.of("action", "delete", "id", id)));
            McpSchema.CallToolResult bad = call(c, ExtraToolProvider.TOOL, Map.of());
            assertThat(bad.isError()).isTrue();
            assertThat(text(bad)).contains("required property 'text'");
        }
        List<String> events = waitForLines(hookLog, 5);
        assertThat(events).extracting(l -> l.split(" ")[0]).containsExactly("SessionStarted", "MemoryStored",
                "QueryExecuted", "MemoryDeleted", "SessionStopped");
    }

    private static List<String> waitForLines(Path file, int n) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        List<String> lines = List.of();
        while (System.currentTimeMillis() < deadline) {
            lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
            if (lines.size() >= n) {
                return lines;
            }
            Thread.sleep(100);
        }
        return lines;
    }
}
