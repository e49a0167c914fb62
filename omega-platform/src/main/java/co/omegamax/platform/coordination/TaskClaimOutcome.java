package co.omegamax.platform.coordination;

import java.util.List;

/**
 * Result of claiming a task; a refusal is a normal outcome.
 *
 * @param granted   true if the caller now works on the task
 * @param reason    {@code claimed}, {@code held} (another live session holds it: see {@code holder}) or
 *                  {@code blocked} (dependencies not completed: see {@code blockedBy})
 * @param task      the task after the attempt
 * @param holder    the claim as stored now, or null when blocked
 * @param blockedBy uncompleted dependencies (empty unless blocked)
 */
public record TaskClaimOutcome(boolean granted, String reason, TaskInfo task, ClaimInfo holder,
                               List<String> blockedBy) {
    /** Copies the list. */
    public TaskClaimOutcome {
        blockedBy = List.copyOf(blockedBy);
    }
}
