package co.omegamax.platform.adapter.oidc;

import co.omegamax.platform.spi.AuthProvider;
import co.omegamax.platform.spi.AuthProviderFactory;
import co.omegamax.platform.spi.PlatformConfig;

/** Registers the OIDC provider under {@code omega.auth=oidc}; settings come from {@code omega.oidc.*}. */
public final class OidcAuthProviderFactory implements AuthProviderFactory {
    /** The provider name. */
    public static final String NAME = "oidc";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void validate(PlatformConfig config) {
        OidcSettings.from(config);
    }

    @Override
    public AuthProvider create(PlatformConfig config) {
        return OidcAuthProvider.discover(OidcSettings.from(config));
    }
}
