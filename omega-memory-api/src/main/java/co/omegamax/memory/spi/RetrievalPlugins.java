package co.omegamax.memory.spi;

import co.omegamax.memory.EventType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The score modifiers of every {@link RetrievalProvider}, in provider order (each provider's profiles
 * first, then its modifiers), ready to hand to an engine. Two profiles for one event type fail with an
 * {@link ExtensionConflictException} naming both providers; a provider that throws is reported and skipped.
 *
 * @param modifiers modifiers to apply, in order
 * @param providers providers that contributed, in order
 * @param failures providers that were reported and skipped
 */
public record RetrievalPlugins(List<ScoreModifier> modifiers, List<String> providers, List<ProviderFailure> failures) {

    /** Copies the lists. */
    public RetrievalPlugins {
        modifiers = List.copyOf(modifiers);
        providers = List.copyOf(providers);
        failures = List.copyOf(failures);
    }

    /** Every provider ServiceLoader finds through {@code loader}. */
    public static RetrievalPlugins discover(ClassLoader loader) {
        Providers.Loaded<RetrievalProvider> loaded = Providers.load(RetrievalProvider.class, loader,
                RetrievalProvider::order, p -> Providers.nameOf(p, p.name()));
        return build(loaded.providers(), new ArrayList<>(loaded.failures()));
    }

    /** Exactly these providers, sorted like discovered ones. */
    public static RetrievalPlugins of(List<? extends RetrievalProvider> providers) {
        List<ProviderFailure> failures = new ArrayList<>();
        List<RetrievalProvider> sorted = Providers.sort(new ArrayList<>(providers), RetrievalProvider::order,
                p -> Providers.nameOf(p, p.name()), failures);
        return build(sorted, failures);
    }

    private static RetrievalPlugins build(List<RetrievalProvider> sorted, List<ProviderFailure> failures) {
        List<ScoreModifier> modifiers = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Map<EventType, String> profileOwner = new EnumMap<>(EventType.class);
        for (RetrievalProvider p : sorted) {
            String name = Providers.nameOf(p, p.name());
            List<RetrievalProfile> profiles;
            List<ScoreModifier> mods;
            try {
                profiles = List.copyOf(p.profiles());
                mods = List.copyOf(p.scoreModifiers());
            } catch (RuntimeException | LinkageError e) {
                failures.add(Providers.report(name, "profiles() or scoreModifiers() threw, skipped: "
                        + Providers.describe(e), e));
                continue;
            }
            for (RetrievalProfile profile : profiles) {
                String owner = profileOwner.putIfAbsent(profile.eventType(), name);
                if (owner != null) {
                    throw new ExtensionConflictException("a retrieval profile for event type '"
                            + profile.eventType().wireName() + "' is registered by both " + owner + " and " + name
                            + "; remove one of them");
                }
                modifiers.add(profile.asModifier(name));
            }
            modifiers.addAll(mods);
            names.add(name);
        }
        return new RetrievalPlugins(modifiers, names, failures);
    }
}
