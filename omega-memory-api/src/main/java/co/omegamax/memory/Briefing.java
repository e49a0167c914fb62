package co.omegamax.memory;

import java.util.List;

/**
 * What an agent should know at the start of a session, grouped by kind, each list best first.
 *
 * @param preferences the user's preferences
 * @param decisions recent and important decisions
 * @param lessons lessons learned
 * @param pitfalls error patterns to avoid
 * @param recent the newest memories of any kind
 * @param dueReminders reminders that are due
 * @param lastCheckpoint latest checkpoint of an unfinished task, or {@code null}
 * @param totalMemories active memories in the scope
 */
public record Briefing(List<Memory> preferences, List<Memory> decisions, List<Memory> lessons,
                       List<Memory> pitfalls, List<Memory> recent, List<Memory> dueReminders,
                       Memory lastCheckpoint, long totalMemories) {

    /** Copies the lists. */
    public Briefing {
        preferences = List.copyOf(preferences);
        decisions = List.copyOf(decisions);
        lessons = List.copyOf(lessons);
        pitfalls = List.copyOf(pitfalls);
        recent = List.copyOf(recent);
        dueReminders = List.copyOf(dueReminders);
    }
}
