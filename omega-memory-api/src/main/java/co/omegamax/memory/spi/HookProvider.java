package co.omegamax.memory.spi;

/**
 * Receives lifecycle events. Register an implementation in
 * {@code META-INF/services/co.omegamax.memory.spi.HookProvider}; it needs a public no-argument constructor.
 *
 * <p>Events arrive after the operation completed, one at a time per provider, in the order they
 * happened. A hook must not rely on running inside the write's transaction, and should return quickly:
 * each delivery has a time budget (see {@link HookRegistry.Builder#timeBudget}); a hook that overruns it
 * is logged and the caller moves on while the hook finishes in the background. Exceptions are logged
 * and never reach the caller.
 */
public interface HookProvider {

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
