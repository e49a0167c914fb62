package co.omegamax.platform.jwt;

import co.omegamax.platform.spi.AuthFailureReason;
import co.omegamax.platform.spi.AuthenticationException;

/** Fetches an issuer's JWKS document; each adapter supplies one for its HTTP client. */
@FunctionalInterface
public interface JwksFetcher {
    /**
     * @return the JWKS JSON document
     * @throws AuthenticationException {@link AuthFailureReason#PROVIDER_UNAVAILABLE} if it cannot be fetched
     */
    String fetch();
}
