package co.omegamax.platform.spi;

/**
 * Why an {@link AuthProvider} refused a token or credentials. Carried by {@link AuthenticationException#reason()}
 * so callers (and the conformance kit) can tell failures apart without parsing messages.
 */
public enum AuthFailureReason {
    /** The request carried no token or key at all. */
    MISSING_TOKEN,
    /** The token is not a well-formed JWT / key (wrong number of parts, bad base64, bad JSON). */
    MALFORMED_TOKEN,
    /** The token's {@code alg} is not one the provider is configured to accept ({@code none}, HS256 on an RS256 issuer, …). */
    ALGORITHM_NOT_ALLOWED,
    /** The token names a key id ({@code kid}) the issuer's key set does not contain, even after a refresh. */
    UNKNOWN_KEY,
    /** The signature does not verify (tampered header, payload or signature, or a foreign key). */
    BAD_SIGNATURE,
    /** {@code exp} is in the past (beyond the allowed clock skew), or missing. */
    EXPIRED,
    /** {@code nbf} or {@code iat} is in the future (beyond the allowed clock skew). */
    NOT_YET_VALID,
    /** {@code iss} is not the configured issuer. */
    WRONG_ISSUER,
    /** {@code aud} does not contain the configured audience. */
    WRONG_AUDIENCE,
    /** A required claim ({@code sub}, {@code exp}, …) is missing. */
    MISSING_CLAIM,
    /** The ID token's {@code nonce} is missing or differs from the one sent with the authorization request. */
    NONCE_MISMATCH,
    /** The identity provider refused the credentials (wrong password, invalid or used code / refresh token). */
    INVALID_CREDENTIALS,
    /** The key or session was revoked or signed out. */
    REVOKED,
    /** The identity provider could not be reached or answered with an unexpected error. */
    PROVIDER_UNAVAILABLE,
    /** Any other refusal. */
    OTHER
}
