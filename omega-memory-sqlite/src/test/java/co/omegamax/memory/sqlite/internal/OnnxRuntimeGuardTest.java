package co.omegamax.memory.sqlite.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxRuntimeGuardTest {
    @TempDir
    Path dir;

    private Path cmdline(int bytes) throws Exception {
        byte[] content = new byte[bytes];
        java.util.Arrays.fill(content, (byte) 'x');
        return Files.write(dir.resolve("cmdline-" + bytes), content);
    }

    @Test
    void shortCommandLinesAreSafe() throws Exception {
        assertThat(OnnxRuntimeGuard.refusal(cmdline(200))).isEmpty();
        assertThat(OnnxRuntimeGuard.refusal(cmdline(OnnxRuntimeGuard.SAFE_COMMAND_LINE_BYTES))).isEmpty();
    }

    @Test
    void longCommandLinesAreRefusedWithTheWayOut() throws Exception {
        assertThat(OnnxRuntimeGuard.refusal(cmdline(OnnxRuntimeGuard.SAFE_COMMAND_LINE_BYTES + 1))).get()
                .asString().contains("3901 bytes").contains("SIGSEGV").contains("@argfile").contains("CLASSPATH")
                .contains(OnnxRuntimeGuard.SKIP_PROPERTY);
    }

    @Test
    void withoutProcCmdlineNothingIsRefused() {
        assertThat(OnnxRuntimeGuard.refusal(dir.resolve("no-such-file"))).isEmpty();
    }
}
