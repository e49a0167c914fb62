package co.omegamax.platform.spi;

/**
 * What a user presents to {@link AuthProvider#signIn}. Implementations never print secrets in
 * {@code toString()}.
 */
public sealed interface Credentials
        permits Credentials.Password, Credentials.Token, Credentials.AuthorizationCode {

    /**
     * E-mail and password.
     *
     * @param email    e-mail address
     * @param password password
     */
    record Password(String email, String password) implements Credentials {
        /** Validates the components. */
        public Password {
            Validate.content("email", email, Validate.MAX_NAME_LENGTH);
            Validate.content("password", password, 4096);
        }

        @Override
        public String toString() {
            return "Password[email=" + email + ", password=***]";
        }
    }

    /**
     * A token issued elsewhere (ID token, refresh token, API key).
     *
     * @param token the token
     */
    record Token(String token) implements Credentials {
        /** Validates the component. */
        public Token {
            Validate.content("token", token, 65_536);
        }

        @Override
        public String toString() {
            return "Token[***]";
        }
    }

    /**
     * An OAuth 2 authorization code returned to a redirect URI (with PKCE verifier when used).
     *
     * @param code         authorization code
     * @param redirectUri  redirect URI the code was sent to
     * @param codeVerifier PKCE code verifier, or null
     */
    record AuthorizationCode(String code, String redirectUri, String codeVerifier) implements Credentials {
        /** Validates the components. */
        public AuthorizationCode {
            Validate.content("code", code, 4096);
            Validate.content("redirectUri", redirectUri, 4096);
        }

        @Override
        public String toString() {
            return "AuthorizationCode[code=***, redirectUri=" + redirectUri + "]";
        }
    }
}
