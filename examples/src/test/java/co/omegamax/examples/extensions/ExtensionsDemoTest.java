package co.omegamax.examples.extensions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.omegamax.memory.EventType;
import co.omegamax.memory.NewMemory;
import co.omegamax.memory.Scope;
import co.omegamax.memory.StoreResult;
import co.omegamax.memory.spi.HookRegistry;
import co.omegamax.memory.spi.HookedMemoryEngine;
import co.omegamax.memory.spi.Tool;
import co.omegamax.memory.spi.ToolArgumentException;
import co.omegamax.memory.spi.ToolArguments;
import co.omegamax.memory.spi.ToolCall;
import co.omegamax.memory.spi.ToolRegistry;
import co.omegamax.memory.sqlite.SqliteMemoryEngine;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtensionsDemoTest {
    @TempDir
    Path dir;

    /**
     * The module's runtime classpath (set by the pom): the server jar, this module's classes and their dependencies,
     * without the test-only libraries.
     */
    private static String runtimeClasspath() {
        String cp = System.getProperty("omega.examples.runtime.classpath");
        assertThat(cp).as("system property omega.examples.runtime.classpath (set in examples/pom.xml)").isNotBlank();
        return cp;
    }

    /** The real server in a child JVM on the runtime classpath, driven by the MCP SDK client over stdio. */
    @Test
    @SuppressWarnings("unchecked")
    void theServerListsAndRunsTheCustomToolAndTheHookSeesEveryStoredMemory() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        // padded past 8 KB with entries that do not exist: as -cp this length would crash ONNX Runtime in the server
        String padding = IntStream.range(0, 300).mapToObj(i -> dir.resolve("no-such-dir-" + i).toString())
                .collect(Collectors.joining(File.pathSeparator));
        String classpath = runtimeClasspath() + File.pathSeparator + padding;
        assertThat(classpath.length()).isGreaterThan(8192);
        ExtensionsDemo.Result r = ExtensionsDemo.run(dir.resolve("home"), classpath,
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(r.tools()).contains("omega_store", "omega_query", "omega_welcome")
                .endsWith(DecisionLogToolProvider.TOOL).doesNotHaveDuplicates();
        assertThat(r.storedIds()).hasSize(2).doesNotContainNull();

        assertThat(r.decisionLog()).containsEntry("count", 1);
        List<Map<String, Object>> decisions = (List<Map<String, Object>>) r.decisionLog().get("decisions");
        assertThat(decisions).singleElement().satisfies(d -> {
            assertThat(d).containsEntry("id", r.storedIds().get(0));
            assertThat((String) d.get("content")).contains("PostgreSQL");
            assertThat((List<String>) d.get("tags")).containsExactly("billing");
        });

        assertThat(r.auditTrail()).extracting(l -> l.split(" ")[1])
                .startsWith("SessionStarted").endsWith("SessionStopped")
                .containsSubsequence("MemoryStored", "MemoryStored");
        assertThat(r.auditTrail()).filteredOn(l -> l.contains(" MemoryStored "))
                .extracting(l -> l.split(" ")[2]).containsExactlyElementsOf(r.storedIds());
        assertThat(r.auditTrail()).noneMatch(l -> l.contains("PostgreSQL"));   // ids only, never the text
        assertThat(Files.exists(dir.resolve("home").resolve(AuditTrailHookProvider.FILE_NAME))).isTrue();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("decision_log {tag: billing}");
    }

    @Test
    void bothExtensionsAreFoundByServiceLoader() {
        ClassLoader loader = getClass().getClassLoader();
        ToolRegistry tools = ToolRegistry.discover(List::of, loader);
        assertThat(tools.tool(DecisionLogToolProvider.TOOL)).isPresent();
        assertThat(tools.owner(DecisionLogToolProvider.TOOL)).contains("examples-decision-log");
        assertThat(tools.failures()).isEmpty();
        try (HookRegistry hooks = HookRegistry.discover(loader)) {
            assertThat(hooks.providers()).contains("examples-audit-trail");
            assertThat(hooks.failures()).isEmpty();
        }
    }

    /** The same extensions through the public APIs, in-process, on a real engine without a model. */
    @Test
    @SuppressWarnings("unchecked")
    void inProcessTheToolFiltersByTagAndRejectsBadArgumentsAndTheHookRecordsWrites() throws Exception {
        Path trail = dir.resolve("audit.log");
        HookRegistry hooks = HookRegistry.builder().add(new AuditTrailHookProvider(trail)).build();
        try (HookedMemoryEngine engine = new HookedMemoryEngine(
                SqliteMemoryEngine.builder(dir.resolve("memory.db")).withoutEmbeddings().build(), hooks)) {
            StoreResult billing = engine.store(NewMemory.builder("Invoices are stored in PostgreSQL")
                    .eventType(EventType.DECISION).tags("billing").build());
            engine.store(NewMemory.builder("Use tabs").eventType(EventType.USER_PREFERENCE).build());
            Tool tool = new DecisionLogToolProvider().tools().get(0);

            Map<String, Object> all = (Map<String, Object>) tool.handler().handle(call(engine, Map.of()));
            assertThat(all).containsEntry("count", 1);   // the preference is not a decision
            Map<String, Object> none = (Map<String, Object>) tool.handler().handle(call(engine, Map.of("tag", "mobile")));
            assertThat(none).containsEntry("count", 0);
            assertThatThrownBy(() -> tool.handler().handle(call(engine, Map.of("limit", 0))))
                    .isInstanceOf(ToolArgumentException.class).hasMessageContaining("limit");
            assertThatThrownBy(() -> tool.handler().handle(call(engine, Map.of("text", "x"))))
                    .isInstanceOf(ToolArgumentException.class).hasMessageContaining("unknown argument 'text'");

            List<String> lines = Files.readAllLines(trail);
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0)).contains(" MemoryStored " + billing.id() + " CREATED");
        }
    }

    @Test
    void theTrailLivesInOmegaHome() {
        assertThat(AuditTrailHookProvider.auditFile(Map.of("OMEGA_HOME", "/srv/omega"), Path.of("/home/a")))
                .isEqualTo(Path.of("/srv/omega/audit.log"));
        assertThat(AuditTrailHookProvider.auditFile(Map.of(), Path.of("/home/a")))
                .isEqualTo(Path.of("/home/a/.omega/audit.log"));
    }

    @Test
    void aBlankClasspathIsRefusedWithWhatToDo() {
        assertThatThrownBy(() -> ExtensionsDemo.run(dir, " ", new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-Pextensions");
    }

    private static ToolCall call(HookedMemoryEngine engine, Map<String, Object> args) {
        return new ToolCall(DecisionLogToolProvider.TOOL, ToolArguments.of(args), engine, Scope.GLOBAL);
    }
}
