package co.omegamax.platform.adapter.supabase.auth.internal;

import co.omegamax.platform.jwt.JwksFetcher;
import co.omegamax.platform.spi.AuthFailureReason;
import co.omegamax.platform.spi.AuthenticationException;
import java.io.IOException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** Fetches the project's signing keys from {@code /auth/v1/.well-known/jwks.json} with OkHttp, sending the anon key. */
public final class HttpJwksFetcher implements JwksFetcher {
    private final String jwksUrl;
    private final String apiKey;
    private final OkHttpClient http;

    /**
     * @param jwksUrl key set URL
     * @param apiKey  the project's anon key, sent as {@code apikey}
     * @param http    HTTP client
     */
    public HttpJwksFetcher(String jwksUrl, String apiKey, OkHttpClient http) {
        this.jwksUrl = jwksUrl;
        this.apiKey = apiKey;
        this.http = http;
    }

    @Override
    public String fetch() {
        Request request = new Request.Builder().url(jwksUrl).header("apikey", apiKey).header("Accept", "application/json").get().build();
        try (Response r = http.newCall(request).execute()) {
            if (r.code() != 200) {
                throw new AuthenticationException(AuthFailureReason.PROVIDER_UNAVAILABLE, "the project's key set at " + jwksUrl
                        + " answered HTTP " + r.code() + "; check omega.supabase.url and the anon key");
            }
            return r.body().string();
        } catch (IOException e) {
            throw new AuthenticationException(AuthFailureReason.PROVIDER_UNAVAILABLE, "cannot fetch the project's key set at "
                    + jwksUrl + " (" + e.getClass().getSimpleName() + "); check network access to Supabase", e);
        }
    }
}
