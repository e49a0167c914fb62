package co.omegamax.platform.pgschema;

/**
 * The schema version check.
 *
 * @param current  version found in the database (0 if none)
 * @param required version this jar needs
 * @param state    how they compare
 * @param result   the step result with the next step
 */
public record SchemaVersion(int current, int required, State state, StepResult result) {
    /** How the database's version compares with the required one. */
    public enum State {
        /** No OMEGA schema yet. */
        EMPTY,
        /** Migrations pending. */
        BEHIND,
        /** Exactly what this jar needs. */
        UP_TO_DATE,
        /** Migrated by a newer adapter. */
        AHEAD,
        /** The version could not be read. */
        UNKNOWN
    }
}
