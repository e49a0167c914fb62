package co.omegamax.platform.sync.internal;

import java.util.Objects;

/**
 * One local change waiting in the outbox.
 *
 * @param kind           record kind
 * @param operation      what to do
 * @param recordId       the record's id
 * @param localWorkspace the workspace the record had locally (memories and hook sessions), or null for the
 *                       workspace of the {@code WorkspaceContext}
 * @param localProject   the project it had locally, or null
 * @param payload        JSON of the record (null for deletes)
 */
public record Change(RecordKind kind, Operation operation, String recordId, String localWorkspace,
                     String localProject, String payload) {
    /** Checks the required parts. */
    public Change {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(recordId, "recordId");
    }

    /** @return a delete of a record */
    public static Change delete(RecordKind kind, String id) {
        return new Change(kind, Operation.DELETE, id, null, null, null);
    }

    /** @return the key under which changes of one record coalesce inside a batch */
    public String coalesceKey() {
        return kind.wire() + (operation == Operation.SUPERSEDE ? "~s:" : ":") + recordId;
    }
}
