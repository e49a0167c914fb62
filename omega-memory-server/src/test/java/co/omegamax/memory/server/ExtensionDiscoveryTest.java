package co.omegamax.memory.server;

import static org.assertj.core.api.Assertions.assertThat;

import co.omegamax.memory.server.fixture.ExtraToolProvider;
import co.omegamax.memory.server.fixture.RecordingHookProvider;
import co.omegamax.memory.server.internal.CoreTools;
import co.omegamax.memory.spi.HookEvent;
import co.omegamax.memory.spi.HookRegistry;
import co.omegamax.memory.spi.Tool;
import co.omegamax.memory.spi.ToolRegistry;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ServiceLoader finds the fixture providers on the test classpath; without their registration only core tools exist. */
class ExtensionDiscoveryTest {
    @TempDir
    Path dir;

    /** Hides every META-INF/services file that lives in the test output directory (the fixture registration). */
    static final class WithoutTestServices extends ClassLoader {
        WithoutTestServices(ClassLoader parent) {
            super(parent);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            List<URL> kept = new ArrayList<>();
            for (URL u : Collections.list(super.getResources(name))) {
                if (!name.startsWith("META-INF/services/") || !u.toString().contains("/test-classes/")) {
                    kept.add(u);
                }
            }
            return Collections.enumeration(kept);
        }
    }

    private CoreTools core() {
        return new CoreTools(dir.resolve("m.db"), dir.resolve("backups"));
    }

    @Test
    void fixtureOnTheClasspathAddsItsToolAfterTheCoreTools() {
        ToolRegistry r = ToolRegistry.discover(core(), getClass().getClassLoader());

        List<String> expected = new ArrayList<>(CoreTools.NAMES);
        expected.add(ExtraToolProvider.TOOL);
        assertThat(r.tools()).extracting(Tool::name).containsExactlyElementsOf(expected);
        assertThat(r.owner(ExtraToolProvider.TOOL)).contains("fixture-tools");
        assertThat(r.failures()).isEmpty();
    }

    @Test
    void withoutTheRegistrationOnlyCoreToolsAndNoHooksExist() {
        ClassLoader plain = new WithoutTestServices(getClass().getClassLoader());

        assertThat(ToolRegistry.discover(core(), plain).tools()).extracting(Tool::name)
                .containsExactlyElementsOf(CoreTools.NAMES);
        try (HookRegistry hooks = HookRegistry.discover(plain)) {
            assertThat(hooks.isEmpty()).isTrue();
        }
    }

    @Test
    void discoveredHookReceivesEventsFromTheEngineTheServerOpens() {
        RecordingHookProvider.EVENTS.clear();
        try (var engine = Engines.open(dir.resolve("hooks.db"), getClass().getClassLoader())) {
            assertThat(engine.hooks().providers()).containsExactly("fixture-recorder");
            engine.sessionStarted("s-1", "test", null);
            engine.store(co.omegamax.memory.NewMemory.of("Hooks are discovered by ServiceLoader",
                    co.omegamax.memory.EventType.LESSON_LEARNED));
            engine.sessionStopped("s-1", "test", null);
        }
        assertThat(RecordingHookProvider.EVENTS).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("SessionStarted", "MemoryStored", "SessionStopped");
        assertThat(((HookEvent.SessionStarted) RecordingHookProvider.EVENTS.get(0)).sessionId()).isEqualTo("s-1");
    }
}
