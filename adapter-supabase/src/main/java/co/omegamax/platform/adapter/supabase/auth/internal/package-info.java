/** Implementation of Supabase Auth: key-set cache, token verification, GoTrue HTTP calls. Not a public API. */
package co.omegamax.platform.adapter.supabase.auth.internal;
