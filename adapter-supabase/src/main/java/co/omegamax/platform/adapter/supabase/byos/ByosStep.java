package co.omegamax.platform.adapter.supabase.byos;

/** The steps of {@link ByosSetup}, in the order a wizard shows them (spec §7.5). */
public enum ByosStep {
    /** The REST endpoint answers and accepts the anon key; the direct database connection works if given. */
    CONNECTION,
    /** Compare the project's OMEGA schema version with the one this release needs. */
    SCHEMA_VERSION,
    /** Apply the pending migrations through the direct database connection. */
    MIGRATION,
    /** Insert, read back and delete a probe row as the signed-in user; an anonymous request must not see it. */
    VERIFICATION,
    /** Seal the credentials and store them in the user's account settings. */
    STORE_CREDENTIALS
}
