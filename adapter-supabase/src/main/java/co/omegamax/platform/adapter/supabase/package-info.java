/** OMEGA platform adapter: supabase. See the module README. */
package co.omegamax.platform.adapter.supabase;
