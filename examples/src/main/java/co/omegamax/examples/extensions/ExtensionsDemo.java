package co.omegamax.examples.extensions;

import co.omegamax.memory.server.OmegaCli;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shows {@link DecisionLogToolProvider} and {@link AuditTrailHookProvider} inside the real OMEGA MCP server: it
 * starts {@code omega serve} as a child JVM on this program's classpath (which holds the examples jar and its
 * {@code META-INF/services} files), talks to it over stdio with the MCP SDK's client — as Claude Code or Cursor
 * would — lists the tools, stores two decisions, calls the custom tool, stops the server and prints the audit trail
 * the custom hook wrote.
 *
 * <p>Run: {@code ./mvnw -q -Pextensions -pl examples -am package -DskipTests} (OMEGA home:
 * {@code examples/target/extensions-home}). To add the same extensions to your own installation, put the examples
 * jar next to the server jar: {@code java -cp omega-memory-server-*-all.jar:omega-examples-*.jar
 * co.omegamax.memory.server.OmegaCli serve}.
 */
public final class ExtensionsDemo {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private ExtensionsDemo() {
    }

    /**
     * What the client saw.
     *
     * @param tools       names of every tool the server lists, core tools first
     * @param storedIds   ids of the two decisions stored through {@code omega_store}
     * @param decisionLog the structured result of the custom tool, called with {@code tag=billing}
     * @param auditTrail  the lines the custom hook wrote, in order
     */
    public record Result(List<String> tools, List<String> storedIds, Map<String, Object> decisionLog,
                         List<String> auditTrail) {
    }

    /** @param args optional OMEGA home directory for the server (default {@code ./omega-extensions-demo}) */
    public static void main(String[] args) {
        Path home = Path.of(args.length > 0 ? args[0] : "omega-extensions-demo");
        run(home, System.getProperty("java.class.path"), System.out);
    }

    /**
     * Runs the demo with a server whose OMEGA home (database, audit trail) is {@code omegaHome}.
     *
     * @param classpath the server's classpath; it must hold omega-memory-server and this example's classes
     * @return what the client saw and the hook wrote
     * @throws IllegalArgumentException if the classpath is blank
     * @throws IllegalStateException if the server fails or the hook's trail is incomplete after 20 s
     */
    public static Result run(Path omegaHome, String classpath, PrintStream out) {
        Objects.requireNonNull(omegaHome, "omegaHome");
        Objects.requireNonNull(out, "out");
        if (classpath == null || classpath.isBlank()) {
            throw new IllegalArgumentException("the server classpath is empty; run the demo with the examples "
                    + "module's runtime classpath (./mvnw -q -Pextensions -pl examples -am package -DskipTests)");
        }
        Path home = omegaHome.toAbsolutePath();
        Path trail = home.resolve(AuditTrailHookProvider.FILE_NAME);
        deleteIfExists(trail);
        List<String> stderr = new ArrayList<>();
        // The classpath goes in the CLASSPATH variable, not -cp: ONNX Runtime (1.29.0) reads /proc/self/cmdline when
        // it starts and kills the JVM with SIGSEGV when the command line is longer than about 4 KB.
        ServerParameters server = ServerParameters.builder(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString())
                .args(OmegaCli.class.getName(), "serve", "--db", home.resolve("memory.db").toString(), "--no-hook-socket")
                .addEnvVar("CLASSPATH", classpath)
                .addEnvVar("OMEGA_HOME", home.toString())
                .build();
        StdioClientTransport transport = new StdioClientTransport(server,
                new JacksonMcpJsonMapper(JsonMapper.builder().build()));
        transport.setStdErrorHandler(line -> {
            synchronized (stderr) {
                stderr.add(line);
            }
        });
        List<String> tools;
        List<String> stored = new ArrayList<>();
        Map<String, Object> log;
        try (McpSyncClient client = McpClient.sync(transport).requestTimeout(TIMEOUT).initializationTimeout(TIMEOUT)
                .build()) {
            client.initialize();
            tools = client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
            out.println("tools offered by the server: " + String.join(", ", tools));
            stored.add(storeDecision(client, "Invoices are stored in PostgreSQL, one schema per region", "billing"));
            stored.add(storeDecision(client, "The mobile app ships every second Tuesday", "mobile"));
            out.println("stored decisions " + stored);
            log = structured(client.callTool(new McpSchema.CallToolRequest(DecisionLogToolProvider.TOOL,
                    Map.of("tag", "billing"))));
            out.println(DecisionLogToolProvider.TOOL + " {tag: billing} -> " + log);
        } catch (RuntimeException e) {
            throw new IllegalStateException("the MCP server failed: " + e.getMessage() + "; its last log lines: "
                    + tail(stderr), e);
        }
        List<String> audit = awaitTrail(trail, "SessionStopped");
        out.println("audit trail written by " + AuditTrailHookProvider.class.getSimpleName() + " (" + trail + "):");
        audit.forEach(line -> out.println("  " + line));
        return new Result(tools, List.copyOf(stored), log, audit);
    }

    @SuppressWarnings("unchecked")
    private static String storeDecision(McpSyncClient client, String content, String tag) {
        Map<String, Object> result = structured(client.callTool(new McpSchema.CallToolRequest("omega_store",
                Map.of("content", content, "event_type", "decision", "tags", List.of(tag)))));
        return (String) ((List<Map<String, Object>>) result.get("results")).get(0).get("id");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> structured(McpSchema.CallToolResult result) {
        if (Boolean.TRUE.equals(result.isError())) {
            throw new IllegalStateException("tool error: " + result.content());
        }
        return (Map<String, Object>) result.structuredContent();
    }

    /** Hooks run after the call returns, on their own thread: wait until the last expected event is written. */
    private static List<String> awaitTrail(Path trail, String lastEvent) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<String> lines = List.of();
        while (System.nanoTime() < deadline) {
            try {
                lines = Files.exists(trail) ? Files.readAllLines(trail, StandardCharsets.UTF_8) : List.of();
                if (lines.stream().anyMatch(l -> l.contains(" " + lastEvent + " "))) {
                    return lines;
                }
                Thread.sleep(100);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the audit trail " + trail, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("the audit trail " + trail + " has no " + lastEvent + " event after 20 s ("
                + lines.size() + " lines); is " + AuditTrailHookProvider.class.getName() + " listed in "
                + "META-INF/services/co.omegamax.memory.spi.HookProvider on the server's classpath?");
    }

    private static void deleteIfExists(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the previous audit trail " + file, e);
        }
    }

    private static List<String> tail(List<String> lines) {
        synchronized (lines) {
            return List.copyOf(lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        }
    }
}
