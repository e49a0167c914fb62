package co.omegamax.platform.adapter.supabase.byos;

import co.omegamax.platform.pgschema.SchemaVersion.State;

/**
 * The result of {@link ByosSetup#checkSchemaVersion()}.
 *
 * @param state    up to date, behind, ahead, empty, or unknown (no direct connection, or it could not be read)
 * @param current  the project's version (0 when empty or unknown)
 * @param required the version this release needs
 * @param result   the step result with what to do next
 */
public record ByosSchemaCheck(State state, int current, int required, ByosStepResult result) {
    /** @return whether the schema is exactly what this release needs */
    public boolean upToDate() {
        return state == State.UP_TO_DATE;
    }
}
