/**
 * Bring your own Supabase (architecture spec §5.6, §7.5): the step-by-step setup flow that connects a user's own
 * Supabase project, and the envelope-encrypted {@link co.omegamax.platform.adapter.supabase.byos.CredentialVault}
 * that keeps its credentials at rest.
 */
package co.omegamax.platform.adapter.supabase.byos;
