package co.omegamax.memory;

import java.util.List;
import java.util.Objects;

/**
 * State of a task in progress, to be resumed later by {@link MemoryEngine#resumeTask}.
 *
 * @param task short task title; the key under which it is resumed
 * @param progress what has been done
 * @param nextSteps what remains, in order
 * @param files files involved
 * @param scope workspace and project
 * @param sessionId session storing it, or {@code null}
 */
public record Checkpoint(String task, String progress, List<String> nextSteps, List<String> files, Scope scope,
                         String sessionId) {

    /** Validates. */
    public Checkpoint {
        if (task == null || task.isBlank()) {
            throw new InvalidMemoryException("checkpoint task must not be empty");
        }
        if (progress == null || progress.isBlank()) {
            throw new InvalidMemoryException("checkpoint progress must not be empty");
        }
        task = task.strip();
        nextSteps = nextSteps == null ? List.of() : List.copyOf(nextSteps);
        files = files == null ? List.of() : List.copyOf(files);
        scope = Objects.requireNonNullElse(scope, Scope.GLOBAL);
    }
}
