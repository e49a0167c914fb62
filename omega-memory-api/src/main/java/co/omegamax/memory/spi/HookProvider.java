package co.omegamax.memory.spi;

import co.omegamax.memory.MemoryEngine;

/**
 * Receives lifecycle events. Register an implementation in
 * {@code META-INF/services/co.omegamax.memory.spi.HookProvider}; it needs a public no-argument constructor.
 *
 * <p>Events arrive after the operation completed, one at a time per provider, in the order they
 * happened. A hook must not rely on running inside the write's transaction, and should return quickly:
 * each delivery has a time budget (see {@link HookRegistry.Builder#timeBudget}); a hook that overruns it
 * is logged and the caller moves on while the hook finishes in the background. Exceptions are logged
 * and never reach the caller.
 *
 * <p>Before the first event, {@link #attach} hands the provider the engine it is bound to, so it can read what
 * the engine already holds (for example to copy existing memories once).
 */
public interface HookProvider {

    /**
     * Called once when this provider is bound to an engine: {@link HookedMemoryEngine}'s constructor schedules
     * it on this provider's hook thread, ahead of every event, and does not wait for it (so the engine may already
     * take writes while this runs; they reach the provider as events afterwards). The default does nothing.
     *
     * <p>A provider may keep {@code engine} and read from it, here or later on threads of its own. It must not
     * block here (events to this provider wait behind this call; long work belongs on its own thread) and must
     * not write through {@code engine} from inside this call. An exception is logged, like a failing hook; the
     * engine keeps working and the provider still receives events.
     *
     * @param engine the engine whose events this provider receives (reads only)
     */
    default void attach(MemoryEngine engine) throws Exception {
    }

    /** Handles one event. */
    void onEvent(HookEvent event) throws Exception;

    /** Position among providers: lower first (default 0); ties are broken by {@link #name()}. */
    default int order() {
        return 0;
    }

    /** Name used in messages (default: the class name). */
    default String name() {
        return getClass().getName();
    }
}
