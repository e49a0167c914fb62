/** Supabase Auth (GoTrue) as an OMEGA {@link co.omegamax.platform.spi.AuthProvider}. */
package co.omegamax.platform.adapter.supabase.auth;
