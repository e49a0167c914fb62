package co.omegamax.platform.onboarding;

import java.util.Objects;

/**
 * One line of the getting-started checklist.
 *
 * @param step  which step
 * @param title the label, e.g. "Connect your CLI"
 * @param done  whether real data (or the recorded graph visit) shows the step was taken
 * @param link  the dashboard path the item links to
 */
public record ChecklistItem(ChecklistStep step, String title, boolean done, String link) {
    /** Checks the components. */
    public ChecklistItem {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(link, "link");
    }
}
