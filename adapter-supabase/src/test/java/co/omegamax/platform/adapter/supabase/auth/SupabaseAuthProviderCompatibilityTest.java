package co.omegamax.platform.adapter.supabase.auth;

import co.omegamax.platform.spi.AuthProvider;
import co.omegamax.platform.tck.AuthProviderCompatibilityKit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.PublicKey;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Runs the AuthProvider kit against the local Supabase Auth server (ES256 keys from its JWKS). */
class SupabaseAuthProviderCompatibilityTest extends AuthProviderCompatibilityKit {
    private LocalSupabaseAuth supabase;

    @BeforeEach
    void startServer() {
        try {
            supabase = new LocalSupabaseAuth();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterEach
    void stopServer() {
        supabase.close();
    }

    @Override
    protected AuthProvider createProvider() {
        return SupabaseAuthProvider.create(SupabaseAuthSettings.builder(supabase.url, LocalSupabaseAuth.ANON_KEY).build());
    }

    @Override
    protected String issuer() {
        return supabase.issuer();
    }

    @Override
    protected String audience() {
        return "authenticated";
    }

    @Override
    protected String sign(Map<String, Object> claims, Map<String, Object> extraHeaders) {
        return supabase.sign(claims, extraHeaders);
    }

    @Override
    protected String signWithUnknownKey(Map<String, Object> claims) {
        return LocalSupabaseAuth.sign(LocalSupabaseAuth.newKey(), claims, Map.of());
    }

    @Override
    protected PublicKey currentPublicKey() {
        try {
            return supabase.current().toECPublicKey();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected void rotateKey() {
        supabase.rotate();
    }
}
