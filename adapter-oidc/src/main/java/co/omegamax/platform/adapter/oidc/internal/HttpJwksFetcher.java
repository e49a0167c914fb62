package co.omegamax.platform.adapter.oidc.internal;

import co.omegamax.platform.jwt.JwksFetcher;
import co.omegamax.platform.spi.AuthFailureReason;
import co.omegamax.platform.spi.AuthenticationException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Fetches the issuer's JWKS from its {@code jwks_uri} with the JDK HTTP client. */
public final class HttpJwksFetcher implements JwksFetcher {
    private final URI jwksUri;
    private final HttpClient http;
    private final Duration timeout;

    /**
     * @param jwksUri where the key set lives
     * @param http    HTTP client
     * @param timeout request timeout
     */
    public HttpJwksFetcher(URI jwksUri, HttpClient http, Duration timeout) {
        this.jwksUri = jwksUri;
        this.http = http;
        this.timeout = timeout;
    }

    @Override
    public String fetch() {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(jwksUri).timeout(timeout)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new AuthenticationException(AuthFailureReason.PROVIDER_UNAVAILABLE, "the issuer's key set at "
                        + jwksUri + " answered HTTP " + r.statusCode() + "; check the issuer URL and that it is up");
            }
            return r.body();
        } catch (java.io.IOException e) {
            throw new AuthenticationException(AuthFailureReason.PROVIDER_UNAVAILABLE, "cannot fetch the issuer's key set at "
                    + jwksUri + " (" + e.getClass().getSimpleName() + "); check network access to the issuer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthenticationException(AuthFailureReason.PROVIDER_UNAVAILABLE, "interrupted while fetching " + jwksUri, e);
        }
    }
}
