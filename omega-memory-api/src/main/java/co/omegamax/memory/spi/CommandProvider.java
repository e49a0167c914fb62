package co.omegamax.memory.spi;

import java.util.List;

/**
 * Contributes a subcommand to the {@code omega} command line ({@code omega NAME ARGS...}). Register an
 * implementation in {@code META-INF/services/co.omegamax.memory.spi.CommandProvider}; it needs a public no-argument
 * constructor. The command line passes every argument after the name through unparsed (options included), so the
 * provider parses its own options and prints its own help. A name used by a built-in command or by another provider
 * fails at start-up with an {@link ExtensionConflictException}; see {@link CommandRegistry}.
 */
public interface CommandProvider {

    /** The subcommand name: lower-case letters, digits and inner hyphens, e.g. {@code link}. */
    String name();

    /** One line for {@code omega help}. */
    String description();

    /**
     * Runs the command.
     *
     * @param args    the arguments after the command name, unparsed
     * @param context where to print, and the environment and home directory to use instead of the process's
     * @return the exit code: 0 success, 1 a problem the message on {@code context.err()} explains, 2 bad usage
     */
    int run(List<String> args, CommandContext context);

    /** Position in {@code omega help} among providers: lower first (default 0); ties are broken by {@link #name()}. */
    default int order() {
        return 0;
    }
}
