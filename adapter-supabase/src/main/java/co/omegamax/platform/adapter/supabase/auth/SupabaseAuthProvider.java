package co.omegamax.platform.adapter.supabase.auth;

import co.omegamax.platform.adapter.supabase.auth.internal.HttpJwksFetcher;
import co.omegamax.platform.jwt.JwksKeySource;
import co.omegamax.platform.jwt.TokenVerifier;
import co.omegamax.platform.spi.AuthFailureReason;
import co.omegamax.platform.spi.AuthProvider;
import co.omegamax.platform.spi.TokenAuthProvider;
import co.omegamax.platform.spi.AuthRequest;
import co.omegamax.platform.spi.AuthSession;
import co.omegamax.platform.spi.AuthUser;
import co.omegamax.platform.spi.AuthenticationException;
import co.omegamax.platform.spi.Credentials;
import co.omegamax.platform.spi.InvalidInputException;
import co.omegamax.platform.spi.UserAccount;
import co.omegamax.platform.spi.Validate;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * {@link AuthProvider} over Supabase Auth (GoTrue) with OkHttp. Every call sends the project's {@code apikey}.
 *
 * <ul>
 *   <li>{@link #authenticate}/{@link #validateSession}/{@link #getCurrentUser}: local verification of the bearer
 *       access token — ES256/RS256 by the project's JWKS ({@code /auth/v1/.well-known/jwks.json}, cached, unknown
 *       {@code kid} → rate-limited refresh) or HS256 with the legacy JWT secret when (and only when) configured;
 *       {@code iss = <url>/auth/v1}, {@code aud = authenticated}, {@code exp} required, {@code nbf}, clock skew,
 *       {@code sub} required.</li>
 *   <li>{@link #signIn}: {@link Credentials.Password} → {@code POST /auth/v1/token?grant_type=password};
 *       {@link Credentials.Token} (a refresh token) → {@code grant_type=refresh_token}.</li>
 *   <li>{@link #signOut}: {@code POST /auth/v1/logout} with the bearer token; {@link #fetchUser}: {@code GET /auth/v1/user}.</li>
 * </ul>
 * GoTrue errors become {@link AuthenticationException}s ({@code INVALID_CREDENTIALS}, {@code REVOKED},
 * {@code PROVIDER_UNAVAILABLE}) carrying GoTrue's error code and message, never a token or password.
 */
public final class SupabaseAuthProvider implements TokenAuthProvider {
    private static final System.Logger LOG = System.getLogger(SupabaseAuthProvider.class.getName());
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final SupabaseAuthSettings settings;
    private final OkHttpClient http;
    private final JwksKeySource keys;
    private final TokenVerifier verifier;

    private SupabaseAuthProvider(SupabaseAuthSettings settings) {
        this.settings = settings;
        this.http = new OkHttpClient.Builder().callTimeout(settings.httpTimeout).followRedirects(false).build();
        boolean asymmetric = settings.algorithms.stream().anyMatch(a -> !JWSAlgorithm.Family.HMAC_SHA.contains(a));
        String jwksUrl = settings.issuer() + "/.well-known/jwks.json";
        this.keys = asymmetric ? new JwksKeySource(new HttpJwksFetcher(jwksUrl, settings.anonKey, http), "project", jwksUrl,
                "sign in again", settings.jwksMinRefreshInterval, Duration.ofHours(1), settings.clock) : null;
        this.verifier = new TokenVerifier(settings.issuer(), settings.algorithms, keys, settings.jwtSecret,
                settings.clockSkew, settings.clock);
    }

    /** @return a provider for the project */
    public static SupabaseAuthProvider create(SupabaseAuthSettings settings) {
        Validate.notNull("settings", settings);
        return new SupabaseAuthProvider(settings);
    }

    /** @return how many times the JWKS was fetched */
    public int jwksFetchCount() {
        return keys == null ? 0 : keys.fetchCount();
    }

    @Override
    public AuthSession authenticate(AuthRequest request) {
        Validate.notNull("request", request);
        String token = request.bearerToken().orElseThrow(() -> new AuthenticationException(AuthFailureReason.MISSING_TOKEN,
                "no bearer token; send 'Authorization: Bearer <Supabase access token>'"));
        JWTClaimsSet claims = verifier.verify(token, settings.audience);
        return new AuthSession(userFromClaims(claims.getClaims()), token, claims.getExpirationTime().toInstant());
    }

    /** Subscription accounts live in the DataStore, not in Supabase Auth. @return empty */
    @Override
    public Optional<UserAccount> getUserAccount(String userId) {
        Validate.userId(userId);
        return Optional.empty();
    }

    /** Password or refresh-token sign-in; see {@link #signInWithRefresh} to keep the refresh token. */
    @Override
    public AuthSession signIn(Credentials credentials) {
        return signInWithRefresh(credentials).session();
    }

    /**
     * Signs in and also returns the refresh token.
     *
     * @return the session and refresh token
     */
    public SupabaseSession signInWithRefresh(Credentials credentials) {
        Validate.notNull("credentials", credentials);
        Map<String, Object> body = new LinkedHashMap<>();
        String grant;
        if (credentials instanceof Credentials.Password p) {
            grant = "password";
            body.put("email", p.email());
            body.put("password", p.password());
        } else if (credentials instanceof Credentials.Token t) {
            grant = "refresh_token";
            body.put("refresh_token", t.token());
        } else {
            throw new AuthenticationException(AuthFailureReason.INVALID_CREDENTIALS, "Supabase sign-in takes a password or"
                    + " a refresh token");
        }
        Request request = new Request.Builder().url(settings.issuer() + "/token?grant_type=" + grant)
                .post(RequestBody.create(JSONObjectUtils.toJSONString(body), JSON)).build();
        Map<String, Object> json = call(request, "sign-in (" + grant + ")");
        if (!(json.get("access_token") instanceof String accessToken)) {
            throw new AuthenticationException(AuthFailureReason.PROVIDER_UNAVAILABLE, "Supabase sign-in answered without an access_token");
        }
        JWTClaimsSet claims = verifier.verify(accessToken, settings.audience);
        AuthUser user = json.get("user") instanceof Map<?, ?> u ? userFromGoTrue(u) : userFromClaims(claims.getClaims());
        return new SupabaseSession(new AuthSession(user, accessToken, claims.getExpirationTime().toInstant()),
                json.get("refresh_token") instanceof String r ? r : null);
    }

    /** {@code POST /auth/v1/logout} with the request's bearer token; already-ended sessions are not an error. */
    @Override
    public void signOut(AuthRequest request) {
        Optional<String> token = request.bearerToken();
        if (token.isEmpty()) {
            return;
        }
        Request r = new Request.Builder().url(settings.issuer() + "/logout").header("Authorization", "Bearer " + token.get())
                .post(RequestBody.create(new byte[0], null)).build();
        try {
            call(r, "sign-out");
        } catch (AuthenticationException e) {
            if (e.reason() != AuthFailureReason.REVOKED && e.reason() != AuthFailureReason.INVALID_CREDENTIALS) {
                throw e;
            }
            LOG.log(System.Logger.Level.DEBUG, "sign-out: session already ended ({0})", e.reason());
        }
    }

    /**
     * Asks Supabase who the token belongs to ({@code GET /auth/v1/user}); unlike {@link #authenticate} this notices
     * sessions that were signed out before their token expired.
     *
     * @return the user
     * @throws AuthenticationException REVOKED if Supabase no longer accepts the token
     */
    public AuthUser fetchUser(String accessToken) {
        Validate.content("accessToken", accessToken, 65_536);
        Request r = new Request.Builder().url(settings.issuer() + "/user").header("Authorization", "Bearer " + accessToken).get().build();
        return userFromGoTrue(call(r, "user lookup"));
    }

    private Map<String, Object> call(Request request, String what) {
        Request withKey = request.newBuilder().header("apikey", settings.anonKey).header("Accept", "application/json").build();
        try (Response r = http.newCall(withKey).execute()) {
            String body = r.body() == null ? "" : r.body().string();
            if (r.isSuccessful()) {
                if (body.isBlank()) {
                    return Map.of();
                }
                return JSONObjectUtils.parse(body);
            }
            String detail = describeError(body);
            AuthFailureReason reason;
            if (r.code() == 429) {
                reason = AuthFailureReason.PROVIDER_UNAVAILABLE;
                detail += "; rate limited by Supabase, retry later";
            } else if (r.code() >= 500) {
                reason = AuthFailureReason.PROVIDER_UNAVAILABLE;
            } else if (r.code() == 401 || r.code() == 403) {
                reason = withKey.url().encodedPath().endsWith("/token") ? AuthFailureReason.INVALID_CREDENTIALS : AuthFailureReason.REVOKED;
            } else {
                reason = AuthFailureReason.INVALID_CREDENTIALS;
            }
            LOG.log(System.Logger.Level.DEBUG, "Supabase {0} failed: HTTP {1} {2}", what, r.code(), reason);
            throw new AuthenticationException(reason, "Supabase " + what + " failed with HTTP " + r.code() + ": " + detail);
        } catch (java.text.ParseException e) {
            throw new AuthenticationException(AuthFailureReason.PROVIDER_UNAVAILABLE, "Supabase " + what
                    + " answered with invalid JSON; check " + SupabaseAuthSettings.PREFIX + "url");
        } catch (IOException e) {
            throw new AuthenticationException(AuthFailureReason.PROVIDER_UNAVAILABLE, "cannot reach Supabase at "
                    + settings.url + " for " + what + " (" + e.getClass().getSimpleName() + "); check the URL and network", e);
        }
    }

    private static String describeError(String body) {
        try {
            Map<String, Object> e = JSONObjectUtils.parse(body);
            Object code = firstNonNull(e.get("error_code"), e.get("error"), e.get("code"));
            Object msg = firstNonNull(e.get("msg"), e.get("error_description"), e.get("message"));
            String text = (code == null ? "" : code + ": ") + (msg == null ? "" : msg);
            return text.length() > 300 ? text.substring(0, 300) : text;
        } catch (java.text.ParseException | RuntimeException ex) {
            return "unreadable error body";
        }
    }

    private static Object firstNonNull(Object... values) {
        for (Object v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static AuthUser userFromGoTrue(Map<?, ?> u) {
        Object meta = u.get("user_metadata");
        Map<?, ?> m = meta instanceof Map<?, ?> mm ? mm : Map.of();
        return user(u.get("id"), u.get("email"), firstNonNull(m.get("full_name"), m.get("name")), m.get("avatar_url"));
    }

    private static AuthUser userFromClaims(Map<String, Object> c) {
        Object meta = c.get("user_metadata");
        Map<?, ?> m = meta instanceof Map<?, ?> mm ? mm : Map.of();
        return user(c.get("sub"), c.get("email"), firstNonNull(m.get("full_name"), m.get("name"), c.get("name")), m.get("avatar_url"));
    }

    private static AuthUser user(Object id, Object email, Object name, Object avatar) {
        if (!(id instanceof String sid) || sid.isBlank()) {
            throw new AuthenticationException(AuthFailureReason.MISSING_CLAIM, "Supabase returned a user without an id");
        }
        try {
            return new AuthUser(sid, email instanceof String e ? e : "", name instanceof String n ? n : null,
                    avatar instanceof String a ? a : null);
        } catch (InvalidInputException e) {
            throw new AuthenticationException(AuthFailureReason.MISSING_CLAIM, "Supabase user id is not usable: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Override
    public String toString() {
        return "SupabaseAuthProvider[" + settings + "]";
    }
}
