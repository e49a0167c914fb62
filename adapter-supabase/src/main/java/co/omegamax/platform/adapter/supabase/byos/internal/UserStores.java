package co.omegamax.platform.adapter.supabase.byos.internal;

import co.omegamax.platform.adapter.supabase.AccessTokenSource;
import co.omegamax.platform.adapter.supabase.SupabaseDataStore;
import co.omegamax.platform.adapter.supabase.SupabaseDataStoreSettings;
import co.omegamax.platform.adapter.supabase.byos.ByosCredentials;

/** Opens the {@link SupabaseDataStore} of a user's own project: URL and anon key only, never the service-role key. */
public final class UserStores {
    private UserStores() {
    }

    /** @return a store on the project of {@code credentials}, acting with the tokens of {@code tokens} */
    public static SupabaseDataStore open(ByosCredentials credentials, AccessTokenSource tokens) {
        return SupabaseDataStore.open(SupabaseDataStoreSettings.builder(credentials.supabaseUrl(),
                credentials.anonKey()).build(), tokens);
    }
}
