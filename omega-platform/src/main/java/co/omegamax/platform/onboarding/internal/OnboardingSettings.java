package co.omegamax.platform.onboarding.internal;

import co.omegamax.platform.spi.DataStore;
import co.omegamax.platform.spi.UpdateWorkspaceInput;
import co.omegamax.platform.spi.Workspace;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Onboarding flags kept in the workspace settings under {@value #KEY}, e.g.
 * {@code {"onboarding": {"graph_viewed_at": "2026-11-25T21:00:00Z"}}}; other settings are left untouched.
 */
public final class OnboardingSettings {
    /** Settings key of the onboarding flags. */
    public static final String KEY = "onboarding";
    /** When the memory graph was first opened. */
    public static final String GRAPH_VIEWED_AT = "graph_viewed_at";
    /** When the checklist was dismissed. */
    public static final String DISMISSED_AT = "checklist_dismissed_at";

    private OnboardingSettings() {
    }

    /** Sets {@code flag} to {@code at} unless it is already set (the first time is kept). */
    public static void mark(DataStore store, String userId, Workspace ws, String flag, Instant at) {
        if (flag(ws, flag).isPresent()) {
            return;
        }
        Map<String, Object> settings = new LinkedHashMap<>(ws.settings());
        Map<String, Object> onboarding = new LinkedHashMap<>();
        if (settings.get(KEY) instanceof Map<?, ?> existing) {
            existing.forEach((k, v) -> onboarding.put(String.valueOf(k), v));
        }
        onboarding.put(flag, at.toString());
        settings.put(KEY, onboarding);
        store.updateWorkspace(userId, ws.id(), new UpdateWorkspaceInput(null, null, null, settings));
    }

    /** @return the flag's value in the workspace settings, or empty */
    public static Optional<String> flag(Workspace ws, String flag) {
        if (ws.settings().get(KEY) instanceof Map<?, ?> onboarding && onboarding.get(flag) != null) {
            return Optional.of(String.valueOf(onboarding.get(flag)));
        }
        return Optional.empty();
    }
}
