package co.omegamax.memory.spi;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What the {@code omega} command line gives a {@link CommandProvider}: its output streams, and the environment and
 * home directory it runs with (the process's own, or explicit ones in tests and embeddings). Providers read these
 * instead of {@link System#getenv()} and {@code user.home} so they can be run in-process.
 *
 * @param out         standard output
 * @param err         standard error (messages, warnings)
 * @param environment the environment variables
 * @param userHome    the user's home directory
 */
public record CommandContext(PrintStream out, PrintStream err, Map<String, String> environment, Path userHome) {

    /** Checks the parts and copies the environment. */
    public CommandContext {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        Objects.requireNonNull(userHome, "userHome");
    }

    /** @return a context of this process: {@code System.out}, {@code System.err}, its environment and home */
    public static CommandContext ofProcess() {
        return new CommandContext(System.out, System.err, System.getenv(), Path.of(System.getProperty("user.home")));
    }
}
