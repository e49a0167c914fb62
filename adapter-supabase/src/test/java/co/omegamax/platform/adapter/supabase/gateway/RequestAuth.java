package co.omegamax.platform.adapter.supabase.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.Set;

/**
 * Who a request runs as, decided the way Supabase's API gateway and PostgREST decide it: the {@code apikey} header
 * must be one of the project's keys (else 401 from the gateway), then {@code Authorization: Bearer <JWT>} (or, without
 * it, the API key itself, which is a JWT) is verified with the project's HS256 JWT secret ({@code jwt-secret}); its
 * {@code exp} is checked and its {@code role} claim names the database role ({@code anon} when there is none).
 */
final class RequestAuth {
    /** The outcome: database role, the claims JSON for {@code request.jwt.claims}, and whether a user token came. */
    record Caller(String role, String claimsJson, String subject, boolean authenticated) {
    }

    private final Set<String> apiKeys;
    private final byte[] secret;
    private final Clock clock;

    RequestAuth(Set<String> apiKeys, String jwtSecret, Clock clock) {
        this.apiKeys = Set.copyOf(apiKeys);
        this.secret = jwtSecret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    Caller authenticate(String apiKey, String authorization) {
        if (apiKey == null) {
            throw new PgrstError(401, null, "No API key found in request", null,
                    "No `apikey` request header or url param was found.");
        }
        if (!apiKeys.contains(apiKey)) {
            throw new PgrstError(401, null, "Invalid API key", null,
                    "Double check your Supabase `anon` or `service_role` API key.");
        }
        String token = apiKey;
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw jwtError("PGRST301", "Authorization header is not \"Bearer <JWT>\"");
            }
            token = authorization.substring(7).trim();
        }
        int parts = token.split("\\.", -1).length;
        if (parts != 3) {
            throw jwtError("PGRST301", "Expected 3 parts in JWT; got " + parts);
        }
        JWTClaimsSet claims;
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(secret))) {
                throw jwtError("PGRST301", "JWSError JWSInvalidSignature");
            }
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException | JOSEException e) {
            throw jwtError("PGRST301", "JWSError (CompactDecodeError Invalid number of parts: Expected 3 parts; got "
                    + parts + ")");
        }
        Date exp = claims.getExpirationTime();
        if (exp != null && !Date.from(clock.instant()).before(exp)) {
            throw jwtError("PGRST303", "JWT expired");
        }
        Object role = claims.getClaim("role");
        String roleName = role instanceof String r && !r.isBlank() ? r : "anon";
        return new Caller(roleName, claims.toString(), claims.getSubject(), !"anon".equals(roleName));
    }

    private static PgrstError jwtError(String code, String message) {
        return new PgrstError(401, code, message, null, null);
    }
}
