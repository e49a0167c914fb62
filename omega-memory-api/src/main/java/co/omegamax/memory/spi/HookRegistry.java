package co.omegamax.memory.spi;

import co.omegamax.memory.MemoryEngine;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers {@link HookEvent}s to {@link HookProvider}s in a fixed order (by {@code order()}, then name,
 * then class name). Each provider has its own daemon thread, so events reach one provider in the order
 * they happened, and a hook that hangs delays the caller by at most its time budget per event.
 * {@link #deliver} never throws because of a hook: failures and overruns are logged and counted in the
 * returned {@link Delivery}.
 */
public final class HookRegistry implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(HookRegistry.class.getName());
    /** Default time budget of one hook for one event. */
    public static final Duration DEFAULT_TIME_BUDGET = Duration.ofMillis(500);

    private final List<Slot> slots;
    private final List<ProviderFailure> failures;
    private final Duration budget;
    private final AtomicBoolean attached = new AtomicBoolean();

    private record Slot(HookProvider provider, String name, ExecutorService thread) {
    }

    /** What happened to one event. */
    public record Delivery(int delivered, int failed, int timedOut) {
    }

    private HookRegistry(List<HookProvider> providers, List<ProviderFailure> failures, Duration budget) {
        List<Slot> slots = new ArrayList<>();
        AtomicInteger n = new AtomicInteger();
        for (HookProvider p : providers) {
            String name = Providers.nameOf(p, p.name());
            ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "omega-hook-" + n.incrementAndGet() + "-" + p.getClass().getSimpleName());
                t.setDaemon(true);
                return t;
            });
            slots.add(new Slot(p, name, thread));
        }
        this.slots = List.copyOf(slots);
        this.failures = List.copyOf(failures);
        this.budget = budget;
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Every provider ServiceLoader finds through {@code loader}, default budget. */
    public static HookRegistry discover(ClassLoader loader) {
        return builder().discover(loader).build();
    }

    /** No hooks at all. */
    public static HookRegistry empty() {
        return builder().build();
    }

    /** Options of {@link HookRegistry}. */
    public static final class Builder {
        private final List<HookProvider> providers = new ArrayList<>();
        private final List<ProviderFailure> failures = new ArrayList<>();
        private Duration budget = DEFAULT_TIME_BUDGET;

        private Builder() {
        }

        /** Adds every provider ServiceLoader finds through {@code loader}. */
        public Builder discover(ClassLoader loader) {
            Providers.Loaded<HookProvider> loaded = Providers.load(HookProvider.class, loader, HookProvider::order,
                    p -> Providers.nameOf(p, p.name()));
            providers.addAll(loaded.providers());
            failures.addAll(loaded.failures());
            return this;
        }

        /** Adds a provider directly. */
        public Builder add(HookProvider provider) {
            providers.add(Objects.requireNonNull(provider, "provider"));
            return this;
        }

        /** Longest time the caller waits for one hook on one event (default 500 ms). */
        public Builder timeBudget(Duration budget) {
            if (budget == null || budget.isNegative() || budget.isZero()) {
                throw new IllegalArgumentException("hook time budget must be positive, was " + budget);
            }
            this.budget = budget;
            return this;
        }

        /** Sorts the providers and starts one daemon thread per provider. */
        public HookRegistry build() {
            List<ProviderFailure> f = new ArrayList<>(failures);
            List<HookProvider> sorted = Providers.sort(new ArrayList<>(providers), HookProvider::order,
                    p -> Providers.nameOf(p, p.name()), f);
            return new HookRegistry(sorted, f, budget);
        }
    }

    /** True when no provider is registered (the decorator then skips building events). */
    public boolean isEmpty() {
        return slots.isEmpty();
    }

    /** Provider names in delivery order. */
    public List<String> providers() {
        return slots.stream().map(Slot::name).toList();
    }

    /** Providers that were reported and skipped. */
    public List<ProviderFailure> failures() {
        return failures;
    }

    /** The time budget of one hook for one event. */
    public Duration timeBudget() {
        return budget;
    }

    /**
     * Schedules {@link HookProvider#attach} of every provider on its own hook thread, ahead of any event, without
     * waiting; failures are logged. Only the first call does anything (a registry is bound to one engine).
     */
    void attach(MemoryEngine engine) {
        Objects.requireNonNull(engine, "engine");
        if (!attached.compareAndSet(false, true)) {
            LOG.log(Level.DEBUG, "hook providers are already attached to an engine; ignoring a second attach");
            return;
        }
        for (Slot slot : slots) {
            try {
                slot.thread().execute(() -> {
                    try {
                        slot.provider().attach(engine);
                    } catch (Exception | LinkageError e) {
                        LOG.log(Level.WARNING, "hook " + slot.name() + " failed to attach to the memory engine; it"
                                + " still receives events: " + e, e);
                    }
                });
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "hook " + slot.name() + " could not be attached to the memory engine: " + e, e);
            }
        }
    }

    /** Delivers one event to every provider in order, waiting at most the budget for each. Never throws. */
    public Delivery deliver(HookEvent event) {
        Objects.requireNonNull(event, "event");
        int delivered = 0;
        int failed = 0;
        int timedOut = 0;
        for (Slot slot : slots) {
            Future<?> f;
            try {
                f = slot.thread().submit(() -> {
                    slot.provider().onEvent(event);
                    return null;
                });
            } catch (RuntimeException e) {
                failed++;
                LOG.log(Level.WARNING, "hook " + slot.name() + " could not be scheduled for "
                        + event.getClass().getSimpleName() + ": " + e, e);
                continue;
            }
            try {
                f.get(budget.toNanos(), TimeUnit.NANOSECONDS);
                delivered++;
            } catch (TimeoutException e) {
                timedOut++;
                LOG.log(Level.WARNING, "hook " + slot.name() + " exceeded its time budget of " + budget.toMillis()
                        + " ms on " + event.getClass().getSimpleName() + "; continuing without it (it finishes in "
                        + "the background)");
            } catch (ExecutionException e) {
                failed++;
                Throwable cause = e.getCause() == null ? e : e.getCause();
                LOG.log(Level.WARNING, "hook " + slot.name() + " failed on " + event.getClass().getSimpleName()
                        + ": " + cause, cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.log(Level.WARNING, "interrupted while delivering " + event.getClass().getSimpleName()
                        + " to " + slot.name());
                break;
            }
        }
        return new Delivery(delivered, failed, timedOut);
    }

    /** Stops the hook threads after the events already queued (waits up to one budget). */
    @Override
    public void close() {
        for (Slot slot : slots) {
            slot.thread().shutdown();
        }
        for (Slot slot : slots) {
            try {
                if (!slot.thread().awaitTermination(budget.toMillis(), TimeUnit.MILLISECONDS)) {
                    slot.thread().shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                slot.thread().shutdownNow();
            }
        }
    }
}
