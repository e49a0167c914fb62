package co.omegamax.platform.onboarding;

import java.util.List;
import java.util.Objects;

/**
 * The getting-started checklist of a workspace (spec §7.6): six items in {@link ChecklistStep} order, each computed
 * from the store at the time of the call.
 *
 * @param workspaceId the workspace, or null when the user has none yet
 * @param items       the six items
 * @param dismissed   whether the user dismissed the checklist ({@link OnboardingService#dismissChecklist})
 */
public record Checklist(String workspaceId, List<ChecklistItem> items, boolean dismissed) {
    /** Checks and copies the items. */
    public Checklist {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
    }

    /** @return how many items are done */
    public int doneCount() {
        return (int) items.stream().filter(ChecklistItem::done).count();
    }

    /** @return the number of items (6) */
    public int total() {
        return items.size();
    }

    /** @return true when every item is done: the dashboard shows "You're all set!" */
    public boolean allSet() {
        return doneCount() == total();
    }

    /** @return whether the dashboard should still show the checklist (not dismissed) */
    public boolean visible() {
        return !dismissed;
    }

    /** @return the item of a step */
    public ChecklistItem item(ChecklistStep step) {
        return items.stream().filter(i -> i.step() == step).findFirst().orElseThrow();
    }

    /** @return the heading, e.g. {@code Getting Started [3/6 complete]} or {@code You're all set!} */
    public String heading() {
        return allSet() ? "You're all set!" : "Getting Started [" + doneCount() + "/" + total() + " complete]";
    }
}
