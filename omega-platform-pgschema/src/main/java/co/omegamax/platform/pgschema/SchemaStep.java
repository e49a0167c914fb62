package co.omegamax.platform.pgschema;

/** The steps of bringing your own PostgreSQL (or Supabase) database (spec §5.6, §7.5), in order. */
public enum SchemaStep {
    /** Reach the server as the application role and check the role is safe for RLS. */
    CONNECTION,
    /** Compare the database's schema version with the one this jar needs. */
    SCHEMA_VERSION,
    /** Apply the pending migrations as the owner role. */
    MIGRATION,
    /** Insert, read back and delete a probe row under RLS as the application role. */
    RLS_VERIFICATION
}
