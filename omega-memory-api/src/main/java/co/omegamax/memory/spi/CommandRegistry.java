package co.omegamax.memory.spi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The extra subcommands of the {@code omega} command line: every {@link CommandProvider}, sorted by
 * {@link CommandProvider#order()}, then name, then class name. Immutable once built.
 *
 * <ul>
 *   <li>A provider whose name is taken by a built-in command or by another provider fails with an
 *       {@link ExtensionConflictException} naming both.</li>
 *   <li>A provider whose class cannot be loaded, or whose name is not a valid command name, is logged, listed in
 *       {@link #failures()} and skipped; the other providers still load.</li>
 * </ul>
 */
public final class CommandRegistry {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(?:-[a-z0-9]+)*");

    private final Map<String, CommandProvider> commands;
    private final List<ProviderFailure> failures;

    private CommandRegistry(Map<String, CommandProvider> commands, List<ProviderFailure> failures) {
        this.commands = commands;
        this.failures = failures;
    }

    /**
     * @param builtIn names the command line already uses (they cannot be taken)
     * @param loader  where ServiceLoader looks for providers
     * @return every provider found
     * @throws ExtensionConflictException if two commands share a name
     */
    public static CommandRegistry discover(Set<String> builtIn, ClassLoader loader) {
        Providers.Loaded<CommandProvider> loaded = Providers.load(CommandProvider.class, loader,
                CommandProvider::order, CommandProvider::name);
        return build(builtIn, loaded.providers(), new ArrayList<>(loaded.failures()));
    }

    /** Exactly these providers (sorted like discovered ones); no ServiceLoader. */
    public static CommandRegistry of(Set<String> builtIn, List<? extends CommandProvider> providers) {
        List<ProviderFailure> failures = new ArrayList<>();
        List<CommandProvider> sorted = Providers.sort(new ArrayList<>(providers), CommandProvider::order,
                CommandProvider::name, failures);
        return build(builtIn, sorted, failures);
    }

    private static CommandRegistry build(Set<String> builtIn, List<CommandProvider> providers,
                                         List<ProviderFailure> failures) {
        Objects.requireNonNull(builtIn, "builtIn");
        Map<String, CommandProvider> commands = new LinkedHashMap<>();
        for (CommandProvider p : providers) {
            String name = p.name();
            if (name == null || !NAME.matcher(name).matches()) {
                failures.add(Providers.report(p.getClass().getName(), "has an invalid command name '" + name
                        + "' (use lower-case letters, digits and inner hyphens, e.g. 'link'), skipped", null));
                continue;
            }
            if (builtIn.contains(name)) {
                throw new ExtensionConflictException("command name '" + name + "' of " + p.getClass().getName()
                        + " is a built-in omega command; rename the provider's command or remove it from the classpath");
            }
            CommandProvider other = commands.get(name);
            if (other != null) {
                throw new ExtensionConflictException("command name '" + name + "' is offered by both "
                        + other.getClass().getName() + " and " + p.getClass().getName()
                        + "; remove one of them from the classpath or rename its command");
            }
            commands.put(name, p);
        }
        return new CommandRegistry(java.util.Collections.unmodifiableMap(commands), List.copyOf(failures));
    }

    /** Every command, in order. */
    public List<CommandProvider> commands() {
        return List.copyOf(commands.values());
    }

    /** The command with this name. */
    public Optional<CommandProvider> command(String name) {
        return Optional.ofNullable(commands.get(name));
    }

    /** Providers that were reported and skipped. */
    public List<ProviderFailure> failures() {
        return failures;
    }
}
