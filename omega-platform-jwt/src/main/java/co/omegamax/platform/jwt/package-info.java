/**
 * JWT verification shared by the platform's auth adapters: {@link co.omegamax.platform.jwt.TokenVerifier} checks a
 * signed token strictly against pinned algorithms and claims; {@link co.omegamax.platform.jwt.JwksKeySource} caches
 * the issuer's JWKS, fetched through an adapter's {@link co.omegamax.platform.jwt.JwksFetcher}.
 */
package co.omegamax.platform.jwt;
