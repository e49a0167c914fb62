/** Implementation of Supabase Auth: GoTrue HTTP calls (key-set fetch); caching and verification live in omega-platform-jwt. Not a public API. */
package co.omegamax.platform.adapter.supabase.auth.internal;
