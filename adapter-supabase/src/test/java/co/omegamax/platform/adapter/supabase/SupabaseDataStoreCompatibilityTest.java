package co.omegamax.platform.adapter.supabase;

import co.omegamax.platform.adapter.supabase.gateway.LocalSupabase;
import co.omegamax.platform.spi.DataStore;
import co.omegamax.platform.tck.DataStoreCompatibilityKit;

/**
 * The whole DataStore kit, isolation included, against {@link SupabaseDataStore} talking HTTP to the local PostgREST
 * gateway (embedded PostgreSQL with the real migrations, RLS decided by PostgreSQL): each kit user acts with an access
 * token whose {@code sub} is that user, exactly as with Supabase Auth.
 */
class SupabaseDataStoreCompatibilityTest extends DataStoreCompatibilityKit {
    @Override
    protected DataStore createDataStore() {
        LocalSupabase supabase = LocalSupabase.shared();
        supabase.truncateAll();
        return SupabaseDataStore.open(SupabaseDataStoreSettings.builder(supabase.url(), supabase.anonKey()).build(),
                supabase::accessTokenFor);
    }
}
