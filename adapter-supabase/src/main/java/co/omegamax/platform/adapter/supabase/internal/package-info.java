/**
 * Implementation of the Supabase DataStore: the PostgREST HTTP client (pooling, timeouts, retries), the query
 * builder that encodes PostgREST's URL grammar, the error mapper and the JSON row mapping. Not a public API.
 */
package co.omegamax.platform.adapter.supabase.internal;
