package co.omegamax.platform.adapter.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.omegamax.platform.spi.AuthFailureReason;
import co.omegamax.platform.spi.AuthRequest;
import co.omegamax.platform.spi.AuthSession;
import co.omegamax.platform.spi.AuthenticationException;
import co.omegamax.platform.spi.ConfigurationException;
import co.omegamax.platform.spi.Credentials;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against a real OIDC issuer in this JVM: no.nav.security mock-oauth2-server on 127.0.0.1. */
class OidcMockOAuth2ServerTest {
    private static final String ISSUER_ID = "omega";
    private static final URI REDIRECT = URI.create("http://127.0.0.1:1/callback");
    private static MockOAuth2Server server;
    private static OidcAuthProvider provider;
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        server = new MockOAuth2Server();
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        provider = OidcAuthProvider.discover(OidcSettings.builder(issuer(), "omega-client").audience("omega-api")
                .scopes(List.of("openid", "email", "profile")).build());
    }

    @AfterAll
    static void stop() {
        if (provider != null) {
            provider.close();
        }
        if (server != null) {
            server.shutdown();
        }
    }

    private static String issuer() {
        return server.issuerUrl(ISSUER_ID).toString();
    }

    @Test
    void discoveryChecksTheIssuer() {
        assertThat(provider.metadata().getIssuer().getValue()).isEqualTo(issuer());
        // the same document fetched under a different configured issuer name must be refused
        String other = issuer() + "/";
        assertThatThrownBy(() -> OidcAuthProvider.discover(OidcSettings.builder(other, "omega-client").build()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("must match");
    }

    @Test
    void acceptsAnAccessTokenIssuedByTheServer() {
        String token = server.issueToken(ISSUER_ID, "alice", "omega-api", Map.of("email", "alice@example.com", "name", "Alice"))
                .serialize();
        AuthSession s = provider.authenticate(AuthRequest.builder().bearer(token).build());
        assertThat(s.user().id()).isEqualTo("alice");
        assertThat(s.user().email()).isEqualTo("alice@example.com");
        assertThat(s.user().name()).isEqualTo("Alice");
    }

    @Test
    void refusesATokenForAnotherAudienceOrIssuer() {
        String wrongAud = server.issueToken(ISSUER_ID, "alice", "other-api", Map.of()).serialize();
        assertThatThrownBy(() -> provider.authenticate(AuthRequest.builder().bearer(wrongAud).build()))
                .isInstanceOfSatisfying(AuthenticationException.class,
                        e -> assertThat(e.reason()).isEqualTo(AuthFailureReason.WRONG_AUDIENCE));
        String otherIssuer = server.issueToken("someone-else", "alice", "omega-api", Map.of()).serialize();
        assertThatThrownBy(() -> provider.authenticate(AuthRequest.builder().bearer(otherIssuer).build()))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.reason())
                        .isIn(AuthFailureReason.WRONG_ISSUER, AuthFailureReason.UNKNOWN_KEY, AuthFailureReason.BAD_SIGNATURE));
    }

    @Test
    void fullAuthorizationCodeFlowWithPkceRefreshAndEndSession() throws Exception {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, "bob", "JWT", List.of("omega-client"),
                Map.of("email", "bob@example.com", "name", "Bob"), 3600));
        PendingLogin login = provider.beginLogin(REDIRECT);
        assertThat(login.authorizationUri().toString()).contains("code_challenge=").contains("code_challenge_method=S256")
                .contains("nonce=").contains("state=").doesNotContain(login.codeVerifier());
        assertThat(login.toString()).doesNotContain(login.codeVerifier()).doesNotContain(login.nonce());

        URI callback = followToRedirect(login.authorizationUri());
        assertThat(callback.toString()).startsWith(REDIRECT.toString()).contains("code=");

        OidcTokens tokens = provider.completeLogin(login, callback);
        assertThat(tokens.session().user().id()).isEqualTo("bob");
        assertThat(tokens.session().user().email()).isEqualTo("bob@example.com");
        assertThat(tokens.idToken()).isNotNull();
        assertThat(provider.validateIdToken(tokens.idToken(), login.nonce()).getSubject()).isEqualTo("bob");
        assertThatThrownBy(() -> provider.validateIdToken(tokens.idToken(), "another-nonce"))
                .isInstanceOfSatisfying(AuthenticationException.class,
                        e -> assertThat(e.reason()).isEqualTo(AuthFailureReason.NONCE_MISMATCH));
        assertThat(tokens.toString()).doesNotContain(tokens.idToken());

        assertThat(tokens.refresh()).isPresent();
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, "bob", "JWT", List.of("omega-client"),
                Map.of("email", "bob@example.com"), 3600));
        OidcTokens refreshed = provider.refresh(tokens.refreshToken());
        assertThat(refreshed.session().user().id()).isEqualTo("bob");

        URI logout = provider.endSessionUri(tokens.idToken(), URI.create("http://127.0.0.1:1/bye"));
        assertThat(logout.toString()).startsWith(server.endSessionEndpointUrl(ISSUER_ID).toString())
                .contains("id_token_hint=").contains("post_logout_redirect_uri=");
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(logout).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isBetween(200, 399);
    }

    @Test
    void aCodeCannotBeRedeemedWithTheWrongVerifierOrTwice() throws Exception {
        PendingLogin login = provider.beginLogin(REDIRECT);
        URI callback = followToRedirect(login.authorizationUri());
        String code = callback.getQuery().replaceAll(".*code=([^&]+).*", "$1");
        Throwable wrongVerifier = org.assertj.core.api.Assertions.catchThrowable(() -> provider.signIn(
                new Credentials.AuthorizationCode(code, REDIRECT.toString(), "x".repeat(43))));
        assertThat(wrongVerifier).isInstanceOfSatisfying(AuthenticationException.class,
                e -> assertThat(e.reason()).isEqualTo(AuthFailureReason.INVALID_CREDENTIALS));
    }

    @Test
    void aCallbackWithAnotherStateIsRefused() throws Exception {
        PendingLogin login = provider.beginLogin(REDIRECT);
        PendingLogin other = provider.beginLogin(REDIRECT);
        URI callback = followToRedirect(other.authorizationUri());
        assertThatThrownBy(() -> provider.completeLogin(login, callback)).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("state");
    }

    @Test
    void signInWithAnAuthorizationCodeEnforcesTheNonceOfTheStartedLogin() throws Exception {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, "carol", "JWT", List.of("omega-client"),
                Map.of("email", "carol@example.com"), 3600));
        PendingLogin login = provider.beginLogin(REDIRECT);
        URI callback = followToRedirect(login.authorizationUri());
        String code = callback.getQuery().replaceAll(".*code=([^&]+).*", "$1");
        AuthSession s = provider.signIn(new Credentials.AuthorizationCode(code, REDIRECT.toString(), login.codeVerifier()));
        assertThat(s.user().id()).isEqualTo("carol");
        assertThat(s.user().email()).isEqualTo("carol@example.com");
    }

    @Test
    void signOutRevokesAtTheIssuerWithoutFailing() {
        String token = server.issueToken(ISSUER_ID, "dave", "omega-api", Map.of()).serialize();
        provider.signOut(AuthRequest.builder().bearer(token).build());
        provider.signOut(AuthRequest.builder().build());
        assertThat(provider.metadata().getRevocationEndpointURI()).isNotNull();
    }

    @Test
    void passwordSignInIsRefusedWithAHint() {
        assertThatThrownBy(() -> provider.signIn(new Credentials.Password("a@example.com", "pw")))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("beginLogin");
    }

    private static URI followToRedirect(URI authorize) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(authorize).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("authorize endpoint redirects").isBetween(300, 399);
        return URI.create(r.headers().firstValue("Location").orElseThrow());
    }
}
