package co.omegamax.memory.server.internal;

import co.omegamax.memory.spi.CommandContext;
import co.omegamax.memory.spi.CommandProvider;
import co.omegamax.memory.spi.CommandRegistry;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Adds the {@link CommandProvider}s found on the classpath to the {@code omega} command line as subcommands that
 * take every following argument unparsed and run the provider with the command line's output streams.
 */
public final class ExtensionCommands {
    private static final Logger LOG = LoggerFactory.getLogger(ExtensionCommands.class);

    private ExtensionCommands() {
    }

    /**
     * Discovers the providers through {@code loader} and adds one subcommand per provider to {@code root}.
     *
     * @throws co.omegamax.memory.spi.ExtensionConflictException if a provider's name is taken
     */
    public static void register(CommandLine root, ClassLoader loader, Map<String, String> env, Path userHome) {
        CommandRegistry registry = CommandRegistry.discover(root.getSubcommands().keySet(), loader);
        registry.failures().forEach(f -> LOG.warn("command provider skipped: {}", f));
        for (CommandProvider p : registry.commands()) {
            root.addSubcommand(p.name(), new CommandLine(spec(p, env, userHome)));
        }
    }

    private static CommandSpec spec(CommandProvider provider, Map<String, String> env, Path userHome) {
        PositionalParamSpec args = PositionalParamSpec.builder().paramLabel("ARGS").arity("0..*").type(List.class)
                .auxiliaryTypes(String.class).description("Passed to the command unparsed; try --help").build();
        Holder holder = new Holder(provider, args, env, userHome);
        CommandSpec spec = CommandSpec.wrapWithoutInspection(holder);
        holder.spec = spec;
        spec.name(provider.name());
        spec.usageMessage().description(provider.description());
        spec.addPositional(args);
        spec.parser().unmatchedOptionsArePositionalParams(true);
        return spec;
    }

    /** Runs one provider with the parsed arguments. */
    private static final class Holder implements Callable<Integer> {
        private final CommandProvider provider;
        private final PositionalParamSpec args;
        private final Map<String, String> env;
        private final Path userHome;
        private CommandSpec spec;

        Holder(CommandProvider provider, PositionalParamSpec args, Map<String, String> env, Path userHome) {
            this.provider = provider;
            this.args = args;
            this.env = env;
            this.userHome = userHome;
        }

        @Override
        public Integer call() {
            List<String> given = args.getValue();
            PrintWriter outWriter = spec.commandLine().getOut();
            PrintWriter errWriter = spec.commandLine().getErr();
            try (PrintStream out = stream(outWriter); PrintStream err = stream(errWriter)) {
                try {
                    return provider.run(given == null ? List.of() : List.copyOf(given),
                            new CommandContext(out, err, env, userHome));
                } catch (RuntimeException e) {
                    LOG.debug("command {} failed", provider.name(), e);
                    err.println("omega " + provider.name() + ": " + e.getMessage());
                    return 1;
                }
            }
        }

        private static PrintStream stream(PrintWriter writer) {
            return new PrintStream(new WriterOutputStream(writer), true, StandardCharsets.UTF_8);
        }
    }
}
