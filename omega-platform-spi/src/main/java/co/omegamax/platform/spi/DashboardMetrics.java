package co.omegamax.platform.spi;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Counts shown on a workspace dashboard; every count covers only the acting user's rows of that workspace.
 *
 * @param workspaceId         workspace
 * @param projectCount        projects
 * @param memoryCount         memories
 * @param memoriesByEventType memories per event type (types with none are absent)
 * @param trackedEntityCount  tracked entities
 * @param sessionCount        sessions
 * @param activeSessionCount  sessions with status {@link SessionStatus#ACTIVE}
 * @param taskCount           tasks
 * @param openTaskCount       tasks whose status {@link TaskStatus#isOpen is open}
 * @param handoffCount        handoffs
 * @param pendingHandoffCount handoffs with status {@link HandoffStatus#PENDING}
 * @param jobCount            jobs
 * @param jobsByStatus        jobs per status (statuses with none are absent)
 */
public record DashboardMetrics(String workspaceId, long projectCount, long memoryCount,
                               Map<String, Long> memoriesByEventType, long trackedEntityCount, long sessionCount,
                               long activeSessionCount, long taskCount, long openTaskCount, long handoffCount,
                               long pendingHandoffCount, long jobCount, Map<JobStatus, Long> jobsByStatus) {
    /** Checks and copies the components (maps become sorted and immutable). */
    public DashboardMetrics {
        Objects.requireNonNull(workspaceId, "workspaceId");
        memoriesByEventType = Map.copyOf(new TreeMap<>(memoriesByEventType));
        jobsByStatus = jobsByStatus.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(jobsByStatus));
    }
}
