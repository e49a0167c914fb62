package co.omegamax.platform.adapter.oidc;

import co.omegamax.platform.spi.AuthProvider;
import co.omegamax.platform.tck.AuthProviderCompatibilityKit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.PublicKey;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Runs the AuthProvider kit against a loopback issuer whose keys this test controls. */
class OidcAuthProviderCompatibilityTest extends AuthProviderCompatibilityKit {
    private TestIssuer issuer;

    @BeforeEach
    void startIssuer() {
        try {
            issuer = new TestIssuer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterEach
    void stopIssuer() {
        issuer.close();
    }

    @Override
    protected AuthProvider createProvider() {
        return OidcAuthProvider.discover(OidcSettings.builder(issuer.issuer, "omega-client").audience("omega-api").build());
    }

    @Override
    protected String issuer() {
        return issuer.issuer;
    }

    @Override
    protected String audience() {
        return "omega-api";
    }

    @Override
    protected String sign(Map<String, Object> claims, Map<String, Object> extraHeaders) {
        return issuer.sign(claims, extraHeaders);
    }

    @Override
    protected String signWithUnknownKey(Map<String, Object> claims) {
        return TestIssuer.sign(TestIssuer.newKey(), claims, Map.of());
    }

    @Override
    protected PublicKey currentPublicKey() {
        try {
            return issuer.current().toPublicKey();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected void rotateKey() {
        issuer.rotate();
    }
}
