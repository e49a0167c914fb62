package co.omegamax.platform.jwt;

import co.omegamax.platform.spi.AuthFailureReason;
import co.omegamax.platform.spi.AuthenticationException;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Verifies a compact JWS strictly, in this order: parse; the header's {@code alg} must be one of the configured
 * algorithms (never trusted from the token: {@code none}, encrypted tokens and HMAC on an asymmetric issuer are
 * refused); the signature must verify with the issuer's key of that {@code kid}; then {@code iss}, {@code aud},
 * {@code exp} (required), {@code nbf}/{@code iat} with clock skew, and {@code sub} (required). Each failure throws
 * {@link AuthenticationException} with its {@link AuthFailureReason}; no message contains the token. Thread-safe.
 */
public final class TokenVerifier {
    private static final System.Logger LOG = System.getLogger(TokenVerifier.class.getName());

    private final String issuer;
    private final Set<JWSAlgorithm> algorithms;
    private final JwksKeySource keys;
    private final byte[] hmacSecret;
    private final Duration clockSkew;
    private final Clock clock;

    /**
     * @param issuer     required {@code iss}
     * @param algorithms accepted algorithms
     * @param keys       the issuer's key set, or null if only HMAC is accepted
     * @param hmacSecret secret for HS256/384/512, or null; only used if an HS algorithm is in {@code algorithms}
     * @param clockSkew  allowed clock difference
     * @param clock      time source
     */
    public TokenVerifier(String issuer, Set<JWSAlgorithm> algorithms, JwksKeySource keys, byte[] hmacSecret,
                         Duration clockSkew, Clock clock) {
        this.issuer = issuer;
        this.algorithms = Set.copyOf(algorithms);
        this.keys = keys;
        this.hmacSecret = hmacSecret == null ? null : hmacSecret.clone();
        this.clockSkew = clockSkew;
        this.clock = clock;
    }

    /** @return the verified claims, after checking every rule for a token meant for {@code audience} */
    public JWTClaimsSet verify(String token, String audience) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            throw fail(AuthFailureReason.MALFORMED_TOKEN, "the bearer token is not a well-formed JWT");
        }
        if (jwt instanceof PlainJWT) {
            throw fail(AuthFailureReason.ALGORITHM_NOT_ALLOWED, "unsigned tokens (alg none) are never accepted");
        }
        if (jwt instanceof EncryptedJWT || !(jwt instanceof SignedJWT signed)) {
            throw fail(AuthFailureReason.ALGORITHM_NOT_ALLOWED, "encrypted tokens are not accepted; send a signed JWT");
        }
        JWSAlgorithm alg = signed.getHeader().getAlgorithm();
        if (!algorithms.contains(alg)) {
            throw fail(AuthFailureReason.ALGORITHM_NOT_ALLOWED, "token algorithm " + alg + " is not among the configured "
                    + algorithms + "; the issuer must sign with a configured algorithm");
        }
        if (!verifySignature(signed, alg)) {
            throw fail(AuthFailureReason.BAD_SIGNATURE, "the token's signature does not verify; it was altered or"
                    + " signed by someone else");
        }
        JWTClaimsSet claims;
        try {
            claims = signed.getJWTClaimsSet();
        } catch (ParseException e) {
            throw fail(AuthFailureReason.MALFORMED_TOKEN, "the token's claims are not a JSON object");
        }
        checkClaims(claims, audience);
        return claims;
    }

    private boolean verifySignature(SignedJWT signed, JWSAlgorithm alg) {
        try {
            if (JWSAlgorithm.Family.HMAC_SHA.contains(alg)) {
                if (hmacSecret == null) {
                    throw fail(AuthFailureReason.ALGORITHM_NOT_ALLOWED, "HMAC tokens are not accepted: no shared secret is configured");
                }
                return signed.verify(new MACVerifier(hmacSecret));
            }
            if (keys == null) {
                throw fail(AuthFailureReason.ALGORITHM_NOT_ALLOWED, "asymmetric tokens are not accepted: no key set is configured");
            }
            List<JWK> candidates = keys.candidates(signed.getHeader().getKeyID());
            for (JWK jwk : candidates) {
                JWSVerifier verifier = verifierFor(jwk, alg);
                if (verifier != null && signed.verify(verifier)) {
                    return true;
                }
            }
            return false;
        } catch (JOSEException e) {
            LOG.log(System.Logger.Level.DEBUG, "signature check failed: {0}", e.getClass().getSimpleName());
            return false;
        }
    }

    private static JWSVerifier verifierFor(JWK jwk, JWSAlgorithm alg) throws JOSEException {
        if (jwk.getAlgorithm() != null && !jwk.getAlgorithm().getName().equals(alg.getName())) {
            return null; // the key is pinned to another algorithm
        }
        if (jwk instanceof RSAKey rsa && JWSAlgorithm.Family.RSA.contains(alg)) {
            return new RSASSAVerifier(rsa.toRSAPublicKey());
        }
        if (jwk instanceof ECKey ec && JWSAlgorithm.Family.EC.contains(alg)) {
            return new ECDSAVerifier(ec.toECPublicKey());
        }
        if (jwk instanceof OctetKeyPair okp && JWSAlgorithm.EdDSA.equals(alg)) {
            return new Ed25519Verifier(okp.toPublicJWK());
        }
        return null;
    }

    private void checkClaims(JWTClaimsSet claims, String audience) {
        if (!issuer.equals(claims.getIssuer())) {
            throw fail(AuthFailureReason.WRONG_ISSUER, "the token was issued by " + (claims.getIssuer() == null ? "nobody (no iss)"
                    : "another issuer") + ", expected " + issuer);
        }
        List<String> aud = claims.getAudience();
        if (audience != null && (aud == null || !aud.contains(audience))) {
            throw fail(AuthFailureReason.WRONG_AUDIENCE, "the token is not meant for audience " + audience
                    + "; request a token for it");
        }
        Instant now = clock.instant();
        if (claims.getExpirationTime() == null) {
            throw fail(AuthFailureReason.MISSING_CLAIM, "the token has no exp claim; tokens without expiry are refused");
        }
        if (claims.getExpirationTime().toInstant().plus(clockSkew).isBefore(now)) {
            throw fail(AuthFailureReason.EXPIRED, "the token expired at " + claims.getExpirationTime().toInstant()
                    + "; refresh it or sign in again");
        }
        if (claims.getNotBeforeTime() != null && claims.getNotBeforeTime().toInstant().minus(clockSkew).isAfter(now)) {
            throw fail(AuthFailureReason.NOT_YET_VALID, "the token is not valid before " + claims.getNotBeforeTime().toInstant()
                    + "; check the clocks of issuer and server");
        }
        if (claims.getIssueTime() != null && claims.getIssueTime().toInstant().minus(clockSkew).isAfter(now)) {
            throw fail(AuthFailureReason.NOT_YET_VALID, "the token claims to be issued in the future; check the clocks");
        }
        if (claims.getSubject() == null || claims.getSubject().isBlank()) {
            throw fail(AuthFailureReason.MISSING_CLAIM, "the token has no sub claim, so it names no user");
        }
    }

    private static AuthenticationException fail(AuthFailureReason reason, String message) {
        LOG.log(System.Logger.Level.DEBUG, "token refused: {0}", reason);
        return new AuthenticationException(reason, message);
    }
}
