package co.omegamax.platform.adapter.supabase.auth;

import co.omegamax.platform.spi.AuthProvider;
import co.omegamax.platform.spi.AuthProviderFactory;
import co.omegamax.platform.spi.PlatformConfig;

/** Registers Supabase Auth under {@code omega.auth=supabase}; settings come from {@code omega.supabase.*}. */
public final class SupabaseAuthProviderFactory implements AuthProviderFactory {
    /** The provider name. */
    public static final String NAME = "supabase";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void validate(PlatformConfig config) {
        SupabaseAuthSettings.from(config);
    }

    @Override
    public AuthProvider create(PlatformConfig config) {
        return SupabaseAuthProvider.create(SupabaseAuthSettings.from(config));
    }
}
