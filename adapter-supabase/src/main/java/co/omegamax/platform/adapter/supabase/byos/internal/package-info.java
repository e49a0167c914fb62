/** Implementation details of bring-your-own-Supabase: AES-GCM, the sealed-secret format, HTTP probes. */
package co.omegamax.platform.adapter.supabase.byos.internal;
