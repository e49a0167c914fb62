package co.omegamax.memory.server;

import co.omegamax.memory.MemoryException;
import co.omegamax.memory.Scope;
import co.omegamax.memory.server.internal.Json;
import co.omegamax.memory.spi.HookedMemoryEngine;
import co.omegamax.memory.spi.Tool;
import co.omegamax.memory.spi.ToolArguments;
import co.omegamax.memory.spi.ToolCall;
import co.omegamax.memory.spi.ToolRegistry;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MCP server over stdio, built with the official MCP Java SDK. Every tool of the
 * {@link ToolRegistry} is offered with its JSON Schema; results are returned as JSON text plus
 * {@code structuredContent}. A {@link MemoryException} (bad arguments, unknown id) becomes a tool
 * error ({@code isError: true}) carrying its message; any other exception becomes a tool error too and
 * is logged with its stack trace (to stderr). Stdout carries protocol messages only.
 */
public final class McpStdioServer {
    private static final Logger LOG = LoggerFactory.getLogger(McpStdioServer.class);

    /** What the agent is told about when to use the tools. */
    public static final String INSTRUCTIONS = """
            OMEGA is your persistent memory across sessions.
            - At the start of every session call omega_welcome once: it returns the user's preferences, recent \
            decisions, lessons, pitfalls, due reminders and the last unfinished checkpoint. Follow the preferences.
            - Before deciding something, debugging a familiar-looking error, or when the user refers to earlier \
            work, call omega_query (and omega_lessons for known pitfalls) instead of guessing.
            - Call omega_store when something is worth remembering next time: a decision and its reason \
            (event_type decision), a lesson learned or an error and its fix (lesson_learned, error_pattern), a \
            user preference or fact (user_preference, user_fact). Store one self-contained statement per memory; \
            never store secrets.
            - Before stopping mid-task call omega_checkpoint; resume later with omega_resume_task.
            - If a recalled memory is wrong or outdated, tell OMEGA with omega_memory action feedback.""";

    private final ToolRegistry registry;
    private final HookedMemoryEngine engine;
    private final Scope defaultScope;
    private final String version;
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong lastActivity =
            new java.util.concurrent.atomic.AtomicLong(System.nanoTime());

    /** A server for the registry's tools, acting on {@code engine}. */
    public McpStdioServer(ToolRegistry registry, HookedMemoryEngine engine, Scope defaultScope, String version) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.defaultScope = defaultScope == null ? Scope.GLOBAL : defaultScope;
        this.version = version == null ? "dev" : version;
    }

    /** Serves on the given streams until the input ends (the client closed it). */
    public void serve(InputStream in, OutputStream out) throws InterruptedException {
        CountDownLatch eof = new CountDownLatch(1);
        InputStream watched = new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b < 0) {
                    eof.countDown();
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n < 0) {
                    eof.countDown();
                }
                return n;
            }
        };
        McpJsonMapper mapper = new JacksonMcpJsonMapper(JsonMapper.builder().build());
        StdioServerTransportProvider transport = new StdioServerTransportProvider(mapper, watched, out);
        McpSyncServer server = McpServer.sync(transport)
                .serverInfo("omega-memory", version)
                .instructions(INSTRUCTIONS)
                .jsonMapper(mapper)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(true).build())
                .tools(specifications(mapper))
                .build();
        LOG.info("OMEGA MCP server {} ready on stdio with {} tools", version, registry.tools().size());
        try {
            eof.await();
            LOG.info("stdin closed; finishing calls in flight");
            awaitQuiet();
        } finally {
            server.closeGracefully();
            LOG.info("MCP server stopped");
        }
    }

    /**
     * Requests read just before the end of input may still be on their way to a handler: wait until no
     * call has been running or started for a short quiet period (at most 30 s), so their responses are
     * written before the engine is closed.
     */
    private void awaitQuiet() throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            long idleFor = System.nanoTime() - lastActivity.get();
            if (inFlight.get() == 0 && idleFor > java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(300)) {
                return;
            }
            Thread.sleep(50);
        }
        LOG.warn("{} tool call(s) still running after 30 s; shutting down anyway", inFlight.get());
    }

    /** The SDK tool specifications for every registered tool. */
    List<McpServerFeatures.SyncToolSpecification> specifications(McpJsonMapper mapper) {
        List<McpServerFeatures.SyncToolSpecification> specs = new ArrayList<>();
        for (Tool tool : registry.tools()) {
            McpSchema.Tool sdkTool = McpSchema.Tool.builder()
                    .name(tool.name())
                    .description(tool.description())
                    .inputSchema(mapper, tool.inputSchema())
                    .build();
            specs.add(McpServerFeatures.SyncToolSpecification.builder()
                    .tool(sdkTool)
                    .callHandler((exchange, request) -> call(tool, request.arguments()))
                    .build());
        }
        return specs;
    }

    /** Runs one tool call; never throws. */
    public McpSchema.CallToolResult call(Tool tool, Map<String, Object> arguments) {
        inFlight.incrementAndGet();
        lastActivity.set(System.nanoTime());
        try {
            return invoke(tool, arguments);
        } finally {
            lastActivity.set(System.nanoTime());
            inFlight.decrementAndGet();
        }
    }

    private McpSchema.CallToolResult invoke(Tool tool, Map<String, Object> arguments) {
        try {
            Object result = tool.handler().handle(new ToolCall(tool.name(), ToolArguments.of(arguments), engine,
                    defaultScope));
            Map<String, Object> structured = Json.toObject(result);
            return McpSchema.CallToolResult.builder()
                    .addTextContent(Json.write(structured))
                    .structuredContent(structured)
                    .isError(false)
                    .build();
        } catch (MemoryException | IllegalArgumentException e) {
            LOG.info("tool {} rejected its arguments: {}", tool.name(), e.getMessage());
            return error(tool.name() + ": " + e.getMessage());
        } catch (Exception | LinkageError e) {
            LOG.error("tool {} failed", tool.name(), e);
            return error(tool.name() + " failed: " + e + " (see the server log on stderr)");
        }
    }

    private static McpSchema.CallToolResult error(String message) {
        return McpSchema.CallToolResult.builder().addTextContent(message).isError(true).build();
    }
}
