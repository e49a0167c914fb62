package co.omegamax.platform.adapter.oidc;

import co.omegamax.platform.adapter.oidc.internal.HttpJwksFetcher;
import co.omegamax.platform.jwt.JwksKeySource;
import co.omegamax.platform.jwt.TokenVerifier;
import co.omegamax.platform.spi.AuthFailureReason;
import co.omegamax.platform.spi.AuthProvider;
import co.omegamax.platform.spi.TokenAuthProvider;
import co.omegamax.platform.spi.AuthRequest;
import co.omegamax.platform.spi.AuthSession;
import co.omegamax.platform.spi.AuthUser;
import co.omegamax.platform.spi.AuthenticationException;
import co.omegamax.platform.spi.ConfigurationException;
import co.omegamax.platform.spi.Credentials;
import co.omegamax.platform.spi.InvalidInputException;
import co.omegamax.platform.spi.UserAccount;
import co.omegamax.platform.spi.Validate;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link AuthProvider} for any OpenID Connect issuer (Keycloak, Okta, Azure AD, Google, …).
 *
 * <ul>
 *   <li>Discovery from {@code <issuer>/.well-known/openid-configuration}; the document's {@code issuer} must equal
 *       the configured one.</li>
 *   <li>Bearer access tokens are verified locally: algorithm pinned by {@link OidcSettings} (never taken from the
 *       token), signature by the issuer's JWKS (cached; an unknown {@code kid} triggers a refresh at most once per
 *       {@code jwksMinRefreshInterval}), {@code iss}, {@code aud}, {@code exp} (required), {@code nbf}/{@code iat}
 *       with clock skew, {@code sub}. Refusals throw {@link AuthenticationException} with an
 *       {@link AuthFailureReason} from {@link #authenticate}; {@link #validateSession} answers empty.</li>
 *   <li>Authorization code flow with PKCE (S256), state and nonce: {@link #beginLogin}, {@link #completeLogin},
 *       {@link #refresh}, {@link #endSessionUri}; ID tokens are verified with audience = client id and the nonce.</li>
 * </ul>
 * Tokens, codes, verifiers and secrets are never logged nor put into exception messages.
 */
public final class OidcAuthProvider implements TokenAuthProvider {
    private static final System.Logger LOG = System.getLogger(OidcAuthProvider.class.getName());
    private static final int MAX_PENDING = 10_000;
    private static final Duration PENDING_TTL = Duration.ofMinutes(15);

    private final OidcSettings settings;
    private final OIDCProviderMetadata metadata;
    private final JwksKeySource keys;
    private final TokenVerifier verifier;
    private final Map<String, PendingLogin> pendingByVerifierHash = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, PendingLogin> eldest) {
                    return size() > MAX_PENDING;
                }
            });

    private OidcAuthProvider(OidcSettings settings, OIDCProviderMetadata metadata, HttpClient http) {
        this.settings = settings;
        this.metadata = metadata;
        if (metadata.getJWKSetURI() == null) {
            throw new ConfigurationException("issuer " + settings.issuer + " publishes no jwks_uri; it cannot be used");
        }
        this.keys = new JwksKeySource(new HttpJwksFetcher(metadata.getJWKSetURI(), http, settings.httpTimeout), "issuer",
                metadata.getJWKSetURI().toString(), "get a new token from the issuer", settings.jwksMinRefreshInterval,
                settings.jwksMaxAge, settings.clock);
        this.verifier = new TokenVerifier(settings.issuer.toString(), settings.algorithms, keys, null,
                settings.clockSkew, settings.clock);
    }

    /**
     * Fetches the issuer's discovery document and checks it.
     *
     * @return a provider for the issuer
     * @throws ConfigurationException if discovery fails or the document names another issuer
     */
    public static OidcAuthProvider discover(OidcSettings settings) {
        Validate.notNull("settings", settings);
        HttpClient http = HttpClient.newBuilder().connectTimeout(settings.httpTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String base = settings.issuer.toString();
        URI wellKnown = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                + "/.well-known/openid-configuration");
        String body;
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(wellKnown).timeout(settings.httpTimeout)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new ConfigurationException("OIDC discovery at " + wellKnown + " answered HTTP " + r.statusCode()
                        + "; check " + OidcSettings.PREFIX + "issuer");
            }
            body = r.body();
        } catch (IOException e) {
            throw new ConfigurationException("cannot reach OIDC discovery at " + wellKnown + " (" + e.getClass().getSimpleName()
                    + "); check " + OidcSettings.PREFIX + "issuer and network access", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigurationException("interrupted during OIDC discovery at " + wellKnown, e);
        }
        OIDCProviderMetadata md;
        try {
            md = OIDCProviderMetadata.parse(body);
        } catch (ParseException e) {
            throw new ConfigurationException("OIDC discovery document at " + wellKnown + " is invalid: " + e.getMessage(), e);
        }
        if (!base.equals(md.getIssuer().getValue())) {
            throw new ConfigurationException("OIDC discovery at " + wellKnown + " names issuer " + md.getIssuer().getValue()
                    + " but " + OidcSettings.PREFIX + "issuer is " + base + "; they must match exactly (mix-up protection)");
        }
        LOG.log(System.Logger.Level.DEBUG, "discovered OIDC issuer {0}", base);
        return new OidcAuthProvider(settings, md, http);
    }

    /** @return the discovered issuer metadata */
    public OIDCProviderMetadata metadata() {
        return metadata;
    }

    /** @return how many times the JWKS was fetched (metrics, tests) */
    public int jwksFetchCount() {
        return keys.fetchCount();
    }

    @Override
    public AuthSession authenticate(AuthRequest request) {
        Validate.notNull("request", request);
        String token = request.bearerToken().orElseThrow(() -> new AuthenticationException(AuthFailureReason.MISSING_TOKEN,
                "no bearer token; send 'Authorization: Bearer <access token>' from " + settings.issuer));
        JWTClaimsSet claims = verifier.verify(token, settings.audience);
        return new AuthSession(toUser(claims), token, claims.getExpirationTime().toInstant());
    }

    /** OIDC issuers keep no subscription accounts; those live in the DataStore. @return empty */
    @Override
    public Optional<UserAccount> getUserAccount(String userId) {
        Validate.userId(userId);
        return Optional.empty();
    }

    /**
     * {@link Credentials.AuthorizationCode}: exchanges the code (nonce checked if the login was started by
     * {@link #beginLogin} here); {@link Credentials.Token}: a JWT is verified as an ID token, anything else is used as
     * a refresh token. Passwords are refused: use the authorization code flow.
     */
    @Override
    public AuthSession signIn(Credentials credentials) {
        Validate.notNull("credentials", credentials);
        if (credentials instanceof Credentials.AuthorizationCode code) {
            String expectedNonce = null;
            if (code.codeVerifier() != null) {
                PendingLogin pending = pendingByVerifierHash.remove(hash(code.codeVerifier()));
                expectedNonce = pending == null ? null : pending.nonce();
            }
            return exchangeCode(code.code(), URI.create(code.redirectUri()), code.codeVerifier(), expectedNonce).session();
        }
        if (credentials instanceof Credentials.Token t) {
            if (t.token().chars().filter(c -> c == '.').count() == 2) {
                JWTClaimsSet claims = validateIdToken(t.token(), null);
                return new AuthSession(toUser(claims), t.token(), claims.getExpirationTime().toInstant());
            }
            return refresh(t.token()).session();
        }
        throw new AuthenticationException(AuthFailureReason.INVALID_CREDENTIALS, "password sign-in is not available with"
                + " an OIDC issuer; start the authorization code flow with beginLogin(…)");
    }

    /** Revokes the bearer token at the issuer's revocation endpoint if it has one; best effort. */
    @Override
    public void signOut(AuthRequest request) {
        Optional<String> token = request.bearerToken();
        URI endpoint = metadata.getRevocationEndpointURI();
        if (token.isEmpty() || endpoint == null) {
            return;
        }
        try {
            TokenRevocationRequest revoke = settings.clientSecret == null
                    ? new TokenRevocationRequest(endpoint, new ClientID(settings.clientId), new com.nimbusds.oauth2.sdk.token.BearerAccessToken(token.get()))
                    : new TokenRevocationRequest(endpoint, basicAuth(), new com.nimbusds.oauth2.sdk.token.BearerAccessToken(token.get()));
            HTTPResponse r = send(revoke.toHTTPRequest());
            if (!r.indicatesSuccess()) {
                LOG.log(System.Logger.Level.INFO, "token revocation at {0} answered HTTP {1}", endpoint, r.getStatusCode());
            }
        } catch (AuthenticationException e) {
            LOG.log(System.Logger.Level.INFO, "token revocation at {0} failed: {1}", endpoint, e.reason());
        }
    }

    /** @return a login using the configured redirect URI */
    public PendingLogin beginLogin() {
        if (settings.redirectUri == null) {
            throw new ConfigurationException("no redirect URI; set " + OidcSettings.PREFIX + "redirect-uri or call beginLogin(uri)");
        }
        return beginLogin(settings.redirectUri);
    }

    /**
     * Starts an authorization-code login with PKCE (S256), a fresh state and nonce.
     *
     * @return the URL to send the browser to, plus what to keep until the callback
     */
    public PendingLogin beginLogin(URI redirectUri) {
        Validate.notNull("redirectUri", redirectUri);
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier codeVerifier = new CodeVerifier();
        URI uri = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope(settings.scopes.toArray(String[]::new)),
                new ClientID(settings.clientId), redirectUri)
                .endpointURI(metadata.getAuthorizationEndpointURI())
                .state(state).nonce(nonce).codeChallenge(codeVerifier, CodeChallengeMethod.S256)
                .build().toURI();
        PendingLogin pending = new PendingLogin(uri, state.getValue(), nonce.getValue(), codeVerifier.getValue(),
                redirectUri, settings.clock.instant());
        pendingByVerifierHash.put(hash(pending.codeVerifier()), pending);
        return pending;
    }

    /**
     * Finishes a login from the redirect the browser came back with: checks state, exchanges the code with the PKCE
     * verifier, verifies the ID token including its nonce.
     *
     * @return the validated tokens
     * @throws AuthenticationException on an error response, state or nonce mismatch, or a refused exchange
     */
    public OidcTokens completeLogin(PendingLogin pending, URI callback) {
        Validate.notNull("pending", pending);
        Validate.notNull("callback", callback);
        pendingByVerifierHash.remove(hash(pending.codeVerifier()));
        if (pending.createdAt().plus(PENDING_TTL).isBefore(settings.clock.instant())) {
            throw new AuthenticationException(AuthFailureReason.EXPIRED, "the login was started more than "
                    + PENDING_TTL.toMinutes() + " minutes ago; start it again");
        }
        AuthenticationResponse response;
        try {
            response = AuthenticationResponseParser.parse(callback);
        } catch (ParseException e) {
            throw new AuthenticationException(AuthFailureReason.MALFORMED_TOKEN, "the login callback is not an OpenID"
                    + " Connect authentication response; start the login again");
        }
        if (response instanceof AuthenticationErrorResponse error) {
            throw new AuthenticationException(AuthFailureReason.INVALID_CREDENTIALS, "the issuer refused the login: "
                    + describe(error.getErrorObject()));
        }
        if (response.getState() == null || !MessageDigest.isEqual(response.getState().getValue().getBytes(StandardCharsets.UTF_8),
                pending.state().getBytes(StandardCharsets.UTF_8))) {
            throw new AuthenticationException(AuthFailureReason.OTHER, "the login callback's state does not match the"
                    + " login that was started (possible CSRF); start the login again");
        }
        AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();
        if (code == null) {
            throw new AuthenticationException(AuthFailureReason.INVALID_CREDENTIALS, "the login callback carries no code");
        }
        return exchangeCode(code.getValue(), pending.redirectUri(), pending.codeVerifier(), pending.nonce());
    }

    /**
     * Exchanges an authorization code at the token endpoint.
     *
     * @param expectedNonce nonce the ID token must carry, or null to skip the nonce check
     * @return the validated tokens
     */
    public OidcTokens exchangeCode(String code, URI redirectUri, String codeVerifier, String expectedNonce) {
        AuthorizationGrant grant = new AuthorizationCodeGrant(new AuthorizationCode(code), redirectUri,
                codeVerifier == null ? null : new CodeVerifier(codeVerifier));
        return tokens(grant, expectedNonce, true);
    }

    /**
     * Uses a refresh token.
     *
     * @return the new tokens (the issuer may rotate the refresh token)
     */
    public OidcTokens refresh(String refreshToken) {
        Validate.content("refreshToken", refreshToken, 65_536);
        return tokens(new RefreshTokenGrant(new RefreshToken(refreshToken)), null, false);
    }

    /**
     * @param idTokenHint           the ID token of the session, or null
     * @param postLogoutRedirectUri where the issuer sends the browser afterwards, or null
     * @return the issuer's RP-initiated logout URL
     * @throws ConfigurationException if the issuer has no end_session_endpoint
     */
    public URI endSessionUri(String idTokenHint, URI postLogoutRedirectUri) {
        URI endpoint = metadata.getEndSessionEndpointURI();
        if (endpoint == null) {
            throw new ConfigurationException("issuer " + settings.issuer + " publishes no end_session_endpoint");
        }
        try {
            return new LogoutRequest(endpoint, idTokenHint == null ? null : JWTParser.parse(idTokenHint),
                    postLogoutRedirectUri, new State()).toURI();
        } catch (java.text.ParseException e) {
            throw new InvalidInputException("idTokenHint", "is not a JWT");
        }
    }

    /**
     * Verifies an ID token: everything {@link #authenticate} checks, with audience = client id, {@code azp} when
     * several audiences, and the nonce when {@code expectedNonce} is given.
     *
     * @return its claims
     */
    public JWTClaimsSet validateIdToken(String idToken, String expectedNonce) {
        JWTClaimsSet claims = verifier.verify(idToken, settings.clientId);
        List<String> aud = claims.getAudience();
        if (aud.size() > 1 && !settings.clientId.equals(claims.getClaim("azp"))) {
            throw new AuthenticationException(AuthFailureReason.WRONG_AUDIENCE, "the ID token has several audiences and"
                    + " its azp is not this client " + settings.clientId);
        }
        if (expectedNonce != null) {
            Object nonce = claims.getClaim("nonce");
            if (!(nonce instanceof String n) || !MessageDigest.isEqual(n.getBytes(StandardCharsets.UTF_8),
                    expectedNonce.getBytes(StandardCharsets.UTF_8))) {
                throw new AuthenticationException(AuthFailureReason.NONCE_MISMATCH, "the ID token's nonce does not match"
                        + " the login that was started (replayed or mixed-up response); start the login again");
            }
        }
        return claims;
    }

    private OidcTokens tokens(AuthorizationGrant grant, String expectedNonce, boolean idTokenRequired) {
        URI endpoint = metadata.getTokenEndpointURI();
        TokenRequest request = settings.clientSecret == null
                ? new TokenRequest(endpoint, new ClientID(settings.clientId), grant)
                : new TokenRequest(endpoint, basicAuth(), grant);
        HTTPResponse http = send(request.toHTTPRequest());
        TokenResponse response;
        try {
            response = OIDCTokenResponseParser.parse(http);
        } catch (ParseException e) {
            throw new AuthenticationException(AuthFailureReason.PROVIDER_UNAVAILABLE, "the token endpoint " + endpoint
                    + " sent an unreadable response (HTTP " + http.getStatusCode() + ")");
        }
        if (response instanceof TokenErrorResponse error) {
            throw new AuthenticationException(AuthFailureReason.INVALID_CREDENTIALS, "the issuer refused the "
                    + grant.getType() + " grant: " + describe(error.getErrorObject()) + "; sign in again");
        }
        Tokens tokens = response.toSuccessResponse().getTokens();
        String idToken = response instanceof OIDCTokenResponse oidc && oidc.getOIDCTokens().getIDTokenString() != null
                ? oidc.getOIDCTokens().getIDTokenString() : null;
        if (idToken == null && idTokenRequired) {
            throw new AuthenticationException(AuthFailureReason.MISSING_CLAIM, "the token response has no id_token;"
                    + " request the openid scope");
        }
        AccessToken access = tokens.getAccessToken();
        Instant expiresAt = access.getLifetime() > 0 ? settings.clock.instant().plusSeconds(access.getLifetime())
                : settings.clock.instant().plus(Duration.ofHours(1));
        AuthUser user;
        if (idToken != null) {
            user = toUser(validateIdToken(idToken, expectedNonce));
        } else {
            user = toUser(verifier.verify(access.getValue(), settings.audience));
        }
        String refresh = tokens.getRefreshToken() == null ? null : tokens.getRefreshToken().getValue();
        return new OidcTokens(new AuthSession(user, access.getValue(), expiresAt), idToken, refresh);
    }

    private ClientSecretBasic basicAuth() {
        return new ClientSecretBasic(new ClientID(settings.clientId), new Secret(settings.clientSecret));
    }

    private HTTPResponse send(HTTPRequest request) {
        int ms = (int) settings.httpTimeout.toMillis();
        request.setConnectTimeout(ms);
        request.setReadTimeout(ms);
        try {
            return request.send();
        } catch (IOException e) {
            throw new AuthenticationException(AuthFailureReason.PROVIDER_UNAVAILABLE, "cannot reach the issuer at "
                    + request.getURI() + " (" + e.getClass().getSimpleName() + "); check that it is up", e);
        }
    }

    private static String describe(ErrorObject error) {
        if (error == null) {
            return "no error code";
        }
        return error.getCode() + (error.getDescription() == null ? "" : " (" + error.getDescription() + ")");
    }

    private static String hash(String value) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private AuthUser toUser(JWTClaimsSet claims) {
        Object idValue = claims.getClaim(settings.userIdClaim);
        if (!(idValue instanceof String id) || id.isBlank()) {
            throw new AuthenticationException(AuthFailureReason.MISSING_CLAIM, "the token has no " + settings.userIdClaim
                    + " claim to identify the user");
        }
        String email = firstString(claims, "email", "preferred_username", "upn");
        String name = firstString(claims, "name");
        if (name == null) {
            String given = firstString(claims, "given_name");
            String family = firstString(claims, "family_name");
            name = given == null && family == null ? null : ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip();
        }
        try {
            return new AuthUser(id, email == null ? "" : email, name, firstString(claims, "picture"));
        } catch (InvalidInputException e) {
            throw new AuthenticationException(AuthFailureReason.MISSING_CLAIM, "the token's " + settings.userIdClaim
                    + " claim is not a usable user id (" + e.getMessage() + ")");
        }
    }

    private static String firstString(JWTClaimsSet claims, String... names) {
        for (String n : names) {
            Object v = claims.getClaim(n);
            if (v instanceof String s && !s.isBlank()) {
                return s;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "OidcAuthProvider[" + settings + "]";
    }
}
