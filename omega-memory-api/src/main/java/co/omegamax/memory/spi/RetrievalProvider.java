package co.omegamax.memory.spi;

import java.util.List;

/**
 * Adds score modifiers and per-event-type retrieval profiles. Register an implementation in
 * {@code META-INF/services/co.omegamax.memory.spi.RetrievalProvider}.
 */
public interface RetrievalProvider {

    /** Modifiers applied to every candidate, in this order. */
    default List<ScoreModifier> scoreModifiers() {
        return List.of();
    }

    /** Profiles, at most one per event type across all providers. */
    default List<RetrievalProfile> profiles() {
        return List.of();
    }

    /** Position among providers: lower first (default 0); ties are broken by {@link #name()}. */
    default int order() {
        return 0;
    }

    /** Name used in messages (default: the class name). */
    default String name() {
        return getClass().getName();
    }
}
