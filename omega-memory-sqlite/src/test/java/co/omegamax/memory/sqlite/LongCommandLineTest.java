package co.omegamax.memory.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import co.omegamax.memory.sqlite.internal.OnnxRuntimeGuard;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM started with a command line longer than ONNX Runtime 1.29.0 survives (it would die of SIGSEGV while loading
 * the model): the engine refuses to load the model and keeps working words-only.
 */
class LongCommandLineTest {
    @TempDir
    Path dir;

    @Test
    void aLongCommandLineDegradesInsteadOfCrashing() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String padding = "x".repeat(OnnxRuntimeGuard.SAFE_COMMAND_LINE_BYTES + 500);
        ProcessBuilder pb = new ProcessBuilder(java, "-Domega.test.padding=" + padding,
                LongCommandLineProbe.class.getName(), dir.resolve("memory.db").toString()).redirectErrorStream(true);
        pb.environment().put("CLASSPATH", System.getProperty("java.class.path"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("degraded=true hits=1").contains("SIGSEGV");
    }
}
