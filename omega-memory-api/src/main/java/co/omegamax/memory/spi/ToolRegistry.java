package co.omegamax.memory.spi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The tools the server offers: the core tools first, then the tools of every {@link ToolProvider},
 * providers sorted by {@link ToolProvider#order()}, then {@link ToolProvider#name()}, then class name
 * (never by classpath order). Immutable once built.
 *
 * <ul>
 *   <li>Two tools with one name fail with an {@link ExtensionConflictException} naming both providers.</li>
 *   <li>A provider whose class cannot be loaded, or whose {@code tools()} throws or returns an invalid
 *       tool, is logged, listed in {@link #failures()} and skipped; the other providers still load.</li>
 * </ul>
 */
public final class ToolRegistry {
    private final Map<String, Tool> tools;
    private final Map<String, String> owners;
    private final List<String> providers;
    private final List<ProviderFailure> failures;

    private ToolRegistry(Map<String, Tool> tools, Map<String, String> owners, List<String> providers,
                         List<ProviderFailure> failures) {
        this.tools = tools;
        this.owners = owners;
        this.providers = providers;
        this.failures = failures;
    }

    /** The core tools plus every provider ServiceLoader finds through {@code loader}. */
    public static ToolRegistry discover(ToolProvider core, ClassLoader loader) {
        Providers.Loaded<ToolProvider> loaded = Providers.load(ToolProvider.class, loader, ToolProvider::order,
                p -> Providers.nameOf(p, p.name()));
        return build(core, loaded.providers(), new ArrayList<>(loaded.failures()));
    }

    /** The core tools plus every provider visible to the thread's context class loader. */
    public static ToolRegistry discover(ToolProvider core) {
        return discover(core, Thread.currentThread().getContextClassLoader());
    }

    /** The core tools plus exactly these providers (sorted like discovered ones); no ServiceLoader. */
    public static ToolRegistry of(ToolProvider core, List<? extends ToolProvider> extra) {
        List<ProviderFailure> failures = new ArrayList<>();
        List<ToolProvider> sorted = Providers.sort(new ArrayList<>(extra), ToolProvider::order,
                p -> Providers.nameOf(p, p.name()), failures);
        return build(core, sorted, failures);
    }

    private static ToolRegistry build(ToolProvider core, List<ToolProvider> extra, List<ProviderFailure> failures) {
        Objects.requireNonNull(core, "core");
        Map<String, Tool> tools = new LinkedHashMap<>();
        Map<String, String> owners = new LinkedHashMap<>();
        List<String> providers = new ArrayList<>();
        String coreName = "core tools (" + Providers.nameOf(core, core.name()) + ")";
        add(coreName, core.tools(), tools, owners);
        providers.add(coreName);
        for (ToolProvider p : extra) {
            String name = Providers.nameOf(p, p.name());
            List<Tool> offered;
            try {
                offered = List.copyOf(p.tools());
            } catch (RuntimeException | LinkageError e) {
                failures.add(Providers.report(name, "tools() threw, skipped: " + Providers.describe(e), e));
                continue;
            }
            add(name, offered, tools, owners);
            providers.add(name);
        }
        return new ToolRegistry(java.util.Collections.unmodifiableMap(tools),
                java.util.Collections.unmodifiableMap(owners), List.copyOf(providers), List.copyOf(failures));
    }

    private static void add(String provider, List<Tool> offered, Map<String, Tool> tools, Map<String, String> owners) {
        Map<String, Tool> mine = new LinkedHashMap<>();
        for (Tool t : offered) {
            Objects.requireNonNull(t, () -> "provider " + provider + " returned a null tool");
            String owner = owners.get(t.name());
            if (owner == null && mine.containsKey(t.name())) {
                owner = provider;
            }
            if (owner != null) {
                throw new ExtensionConflictException("tool name '" + t.name() + "' is offered by both " + owner
                        + " and " + provider + "; remove one of them from the classpath or rename the tool");
            }
            mine.put(t.name(), t);
        }
        mine.forEach((name, tool) -> {
            tools.put(name, tool);
            owners.put(name, provider);
        });
    }

    /** Every tool, core tools first, in registration order. */
    public List<Tool> tools() {
        return List.copyOf(tools.values());
    }

    /** The tool with this name. */
    public Optional<Tool> tool(String name) {
        return Optional.ofNullable(tools.get(name));
    }

    /** The provider that registered a tool. */
    public Optional<String> owner(String toolName) {
        return Optional.ofNullable(owners.get(toolName));
    }

    /** Providers that registered tools, in order (the core first). */
    public List<String> providers() {
        return providers;
    }

    /** Providers that were reported and skipped. */
    public List<ProviderFailure> failures() {
        return failures;
    }
}
