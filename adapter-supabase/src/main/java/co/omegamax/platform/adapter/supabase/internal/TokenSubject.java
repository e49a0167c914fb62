package co.omegamax.platform.adapter.supabase.internal;

import co.omegamax.platform.spi.AuthFailureReason;
import co.omegamax.platform.spi.AuthenticationException;
import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;

/**
 * Reads the {@code sub} claim of an access token before it is sent, so a store never acts for one user with another
 * user's token. The signature is not checked here: Supabase checks it on every call (and refuses a forged token);
 * this check only keeps a caller from passing a user id that is not the token's.
 */
public final class TokenSubject {
    private TokenSubject() {
    }

    /**
     * @return {@code token} if its {@code sub} is {@code userId}
     * @throws AuthenticationException MALFORMED_TOKEN if it is not a JWT, MISSING_CLAIM without {@code sub},
     *     INVALID_CREDENTIALS if it belongs to another user (the message names neither token nor claims)
     */
    public static String requireSubject(String token, String userId) {
        if (token == null || token.isBlank()) {
            throw new AuthenticationException(AuthFailureReason.MISSING_TOKEN, "the access token source returned no"
                    + " token for user '" + userId + "'; sign that user in first");
        }
        String sub;
        try {
            sub = JWTParser.parse(token).getJWTClaimsSet().getSubject();
        } catch (ParseException e) {
            throw new AuthenticationException(AuthFailureReason.MALFORMED_TOKEN, "the access token for user '" + userId
                    + "' is not a JWT; pass the access_token of a Supabase session");
        }
        if (sub == null || sub.isBlank()) {
            throw new AuthenticationException(AuthFailureReason.MISSING_CLAIM, "the access token for user '" + userId
                    + "' has no 'sub' claim; pass the access_token of a Supabase session");
        }
        if (!sub.equals(userId)) {
            throw new AuthenticationException(AuthFailureReason.INVALID_CREDENTIALS, "the access token handed out for"
                    + " user '" + userId + "' belongs to another user; a store call can only act as the signed-in user"
                    + " whose token it sends (check the AccessTokenSource)");
        }
        return token;
    }
}
