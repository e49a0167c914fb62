package co.omegamax.memory.spi;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.ToIntFunction;

/** ServiceLoader discovery that reports and skips broken providers, and sorts the rest deterministically. */
final class Providers {
    private static final System.Logger LOG = System.getLogger(Providers.class.getName());
    /** Guards against a ServiceLoader that keeps failing without advancing. */
    private static final int MAX_ERRORS = 100;

    private Providers() {
    }

    record Loaded<T>(List<T> providers, List<ProviderFailure> failures) {
    }

    static <T> Loaded<T> load(Class<T> service, ClassLoader loader, ToIntFunction<T> order,
                              java.util.function.Function<T, String> name) {
        List<T> found = new ArrayList<>();
        List<ProviderFailure> failures = new ArrayList<>();
        Iterator<T> it = ServiceLoader.load(service, loader).iterator();
        int errors = 0;
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                found.add(it.next());
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                failures.add(report(service.getSimpleName(), "could not be loaded, skipped: " + describe(e), e));
                if (++errors >= MAX_ERRORS) {
                    break;
                }
            }
        }
        return new Loaded<>(sort(found, order, name, failures), failures);
    }

    /** Sorts by order, then name, then class name; a provider whose order() or name() throws is skipped. */
    static <T> List<T> sort(List<T> providers, ToIntFunction<T> order, java.util.function.Function<T, String> name,
                            List<ProviderFailure> failures) {
        record Keyed<T>(T provider, int order, String name) {
        }
        List<Keyed<T>> keyed = new ArrayList<>();
        for (T p : providers) {
            try {
                keyed.add(new Keyed<>(p, order.applyAsInt(p), String.valueOf(name.apply(p))));
            } catch (RuntimeException | LinkageError e) {
                failures.add(report(p.getClass().getName(), "order() or name() threw, skipped: " + describe(e), e));
            }
        }
        keyed.sort(Comparator.<Keyed<T>>comparingInt(Keyed::order).thenComparing(Keyed::name)
                .thenComparing(k -> k.provider().getClass().getName()));
        return keyed.stream().map(Keyed::provider).toList();
    }

    static ProviderFailure report(String provider, String message, Throwable cause) {
        LOG.log(Level.WARNING, "extension provider " + provider + " " + message, cause);
        return new ProviderFailure(provider, message, cause);
    }

    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (root != e) {
            msg += " (caused by " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        }
        return msg;
    }

    static String nameOf(Object provider, String declared) {
        return declared == null || declared.isBlank() ? provider.getClass().getName() : declared;
    }
}
