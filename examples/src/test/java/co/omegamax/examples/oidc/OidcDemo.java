package co.omegamax.examples.oidc;

import co.omegamax.platform.spi.AuthRequest;
import co.omegamax.platform.spi.CreateWorkspaceInput;
import co.omegamax.platform.spi.DataStore;
import co.omegamax.platform.spi.MemoryInput;
import co.omegamax.platform.spi.PlatformConfig;
import co.omegamax.platform.spi.PlatformServices;
import co.omegamax.platform.spi.Workspace;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * {@link MyWorkspacesApp} end to end without any outside service: an OIDC issuer in this JVM
 * (no.nav.security mock-oauth2-server on 127.0.0.1, a real issuer with discovery, JWKS and signed tokens), a SQLite
 * platform database holding data of two users, and a token for each user obtained from the issuer.
 *
 * <p>Run: {@code ./mvnw -q -Poidc-demo -pl examples -am package -DskipTests} (database:
 * {@code examples/target/oidc-demo/platform.db}).
 */
public final class OidcDemo implements AutoCloseable {
    /** Issuer id (the last path segment of the issuer URL). */
    static final String ISSUER_ID = "omega";
    /** Audience the app requires in access tokens. */
    static final String AUDIENCE = "omega-api";

    private final MockOAuth2Server issuer;
    private final PlatformConfig config;

    private OidcDemo(MockOAuth2Server issuer, PlatformConfig config) {
        this.issuer = issuer;
        this.config = config;
    }

    /** Starts the issuer on loopback and seeds {@code database} with alice's and bob's workspaces and memories. */
    static OidcDemo start(Path database) {
        MockOAuth2Server issuer = new MockOAuth2Server();
        issuer.start(InetAddress.getLoopbackAddress(), 0);
        PlatformConfig config = PlatformConfig.of(Map.of(
                "omega.datastore", "sqlite",
                "omega.sqlite.path", database.toString(),
                "omega.auth", "oidc",
                "omega.oidc.issuer", issuer.issuerUrl(ISSUER_ID).toString(),
                "omega.oidc.client-id", "omega-examples",
                "omega.oidc.audience", AUDIENCE));
        OidcDemo demo = new OidcDemo(issuer, config);
        try {
            demo.seed();
        } catch (RuntimeException e) {
            demo.close();
            throw e;
        }
        return demo;
    }

    /** @return the config the app runs with: sqlite store, oidc auth against the local issuer */
    PlatformConfig config() {
        return config;
    }

    /** @return a signed access token for {@code user} from the local issuer, with the given audience */
    String accessToken(String user, String audience) {
        return issuer.issueToken(ISSUER_ID, user, audience, Map.of("email", user + "@example.com")).serialize();
    }

    /** @return a request carrying {@code user}'s access token for this app */
    AuthRequest requestAs(String user) {
        return AuthRequest.builder().bearer(accessToken(user, AUDIENCE)).build();
    }

    private void seed() {
        try (PlatformServices services = PlatformServices.builder().config(PlatformConfig.of(Map.of(
                "omega.datastore", "sqlite", "omega.sqlite.path", config.require("omega.sqlite.path")))).build()) {
            DataStore store = services.dataStore();
            Workspace acme = workspace(store, "alice", "acme", "Acme Corp");
            Workspace home = workspace(store, "alice", "home", "Home");
            Workspace globex = workspace(store, "bob", "globex", "Globex");
            store.upsertMemories("alice", List.of(
                    MemoryInput.of("a-1", acme.id(), "decision", "Acme invoices are stored in PostgreSQL"),
                    MemoryInput.of("a-2", home.id(), "user_preference", "Dark mode everywhere")));
            store.upsertMemories("bob", List.of(
                    MemoryInput.of("b-1", globex.id(), "decision", "Globex moves to the new data centre in May")));
        }
    }

    private static Workspace workspace(DataStore store, String user, String slug, String name) {
        return store.getWorkspace(user, slug)
                .orElseGet(() -> store.createWorkspace(user, new CreateWorkspaceInput(name, null, slug, null)));
    }

    @Override
    public void close() {
        issuer.shutdown();
    }

    /** @param args optional database file (default {@code target/oidc-demo/platform.db}) */
    public static void main(String[] args) {
        Path db = Path.of(args.length > 0 ? args[0] : "target/oidc-demo/platform.db").toAbsolutePath();
        PrintStream out = System.out;
        try {
            java.nio.file.Files.createDirectories(db.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + db.getParent(), e);
        }
        try (OidcDemo demo = start(db); MyWorkspacesApp app = MyWorkspacesApp.open(demo.config())) {
            out.println("issuer " + demo.config().require("omega.oidc.issuer") + ", database " + db);
            for (String user : List.of("alice", "bob")) {
                out.println();
                out.println("GET /my-workspaces with " + user + "'s access token:");
                MyWorkspacesApp.print(app.overview(demo.requestAs(user)), out);
            }
            out.println();
            out.println("with a token issued for another audience:");
            try {
                app.overview(AuthRequest.builder().bearer(demo.accessToken("alice", "another-api")).build());
            } catch (co.omegamax.platform.spi.AuthenticationException e) {
                out.println("  refused: " + e.reason() + " - " + e.getMessage());
            }
        }
    }
}
