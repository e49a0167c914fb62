package co.omegamax.memory.sqlite.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Protects the process from a native crash: ONNX Runtime 1.29.0 kills the JVM (SIGSEGV, no {@code hs_err} file)
 * while it initialises when the process command line is longer than about 4 KB. Measured on Linux x86-64:
 * a {@code /proc/self/cmdline} of 3,978 bytes loads, 3,981 bytes crashes, whether the length comes from {@code -cp}
 * or a {@code -D} option; environment variables ({@code CLASSPATH}) and {@code @argfiles} do not count. The guard
 * reads the command line before any native code runs and refuses to load the model above a safe limit, so the
 * engine falls back to words-only instead of dying. Set {@value #SKIP_PROPERTY}{@code =true} to skip the check
 * (for a fixed ONNX Runtime).
 */
public final class OnnxRuntimeGuard {
    /** System property that skips the check. */
    public static final String SKIP_PROPERTY = "omega.onnx.skip-command-line-check";
    /** Longest command line, in bytes, that is known to be safe (with a margin below the measured crash). */
    public static final int SAFE_COMMAND_LINE_BYTES = 3_900;
    private static final Path PROC_CMDLINE = Path.of("/proc/self/cmdline");

    private OnnxRuntimeGuard() {
    }

    /** @return why loading ONNX Runtime in this process would crash it, or empty if it is safe */
    public static Optional<String> refusal() {
        if (Boolean.getBoolean(SKIP_PROPERTY)) {
            return Optional.empty();
        }
        return refusal(PROC_CMDLINE);
    }

    /** @return the refusal for the command line stored in {@code cmdline} (absent file: not Linux, safe) */
    static Optional<String> refusal(Path cmdline) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(cmdline);
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
        if (bytes.length <= SAFE_COMMAND_LINE_BYTES) {
            return Optional.empty();
        }
        return Optional.of("this JVM's command line is " + bytes.length + " bytes long and ONNX Runtime 1.29.0"
                + " crashes the process (SIGSEGV) while initialising when it exceeds about 4 KB; not loading the"
                + " embedding model (the engine works words-only). Start Java with a shorter command line: -jar,"
                + " an @argfile for the class path, or the CLASSPATH environment variable (or set -D"
                + SKIP_PROPERTY + "=true with an ONNX Runtime that is fixed)");
    }
}
