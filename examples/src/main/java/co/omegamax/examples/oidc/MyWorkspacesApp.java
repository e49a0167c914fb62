package co.omegamax.examples.oidc;

import co.omegamax.platform.spi.AuthProvider;
import co.omegamax.platform.spi.AuthRequest;
import co.omegamax.platform.spi.AuthSession;
import co.omegamax.platform.spi.AuthUser;
import co.omegamax.platform.spi.ConfigurationException;
import co.omegamax.platform.spi.DataStore;
import co.omegamax.platform.spi.MemoryFilters;
import co.omegamax.platform.spi.MemoryRecord;
import co.omegamax.platform.spi.Page;
import co.omegamax.platform.spi.PlatformConfig;
import co.omegamax.platform.spi.PlatformServices;
import co.omegamax.platform.spi.Workspace;
import java.io.PrintStream;
import java.util.List;
import java.util.Objects;

/**
 * "My workspaces": authenticates the caller of a request with the configured {@link AuthProvider} and lists that
 * user's workspaces and their latest memories from the configured {@link DataStore}. Compiled against
 * {@code omega-platform-spi} only; the providers come from the classpath and config, e.g.
 * <pre>
 * omega.auth=oidc                      # adapter-oidc
 * omega.oidc.issuer=https://login.example.com/realms/acme
 * omega.oidc.client-id=omega
 * omega.oidc.audience=omega-api        # the aud access tokens must carry
 * omega.datastore=sqlite               # adapter-sqlite
 * omega.sqlite.path=/var/lib/omega/platform.db
 * </pre>
 * The user id is the token's verified subject, never a parameter: whoever presents the token sees only their own
 * rows, because every DataStore call is made as that user.
 *
 * <p>Run against your issuer: {@code ACCESS_TOKEN=… ./mvnw -q -Pmy-workspaces,with-sqlite,with-oidc -pl examples -am
 * package -DskipTests -Domega.auth=oidc -Domega.oidc.issuer=… …}; or the self-contained demo with a local issuer:
 * {@code ./mvnw -q -Poidc-demo -pl examples -am package -DskipTests} (see examples/README.md).
 */
public final class MyWorkspacesApp implements AutoCloseable {
    /** Memories listed per workspace. */
    public static final int MEMORIES_PER_WORKSPACE = 10;

    private final PlatformServices services;
    private final AuthProvider auth;

    private MyWorkspacesApp(PlatformServices services, AuthProvider auth) {
        this.services = services;
        this.auth = auth;
    }

    /**
     * A workspace and its latest memories.
     *
     * @param workspace the workspace
     * @param memories  its newest {@value #MEMORIES_PER_WORKSPACE} memories, newest first
     */
    public record WorkspaceMemories(Workspace workspace, List<MemoryRecord> memories) {
        /** Copies the list. */
        public WorkspaceMemories {
            Objects.requireNonNull(workspace, "workspace");
            memories = List.copyOf(memories);
        }
    }

    /**
     * What the signed-in user sees.
     *
     * @param user       the authenticated user (from the token)
     * @param workspaces their workspaces ordered by slug, each with its latest memories
     */
    public record Overview(AuthUser user, List<WorkspaceMemories> workspaces) {
        /** Copies the list. */
        public Overview {
            Objects.requireNonNull(user, "user");
            workspaces = List.copyOf(workspaces);
        }
    }

    /**
     * Opens the auth provider and data store the config selects.
     *
     * @throws ConfigurationException if {@code omega.auth} or {@code omega.datastore} is unset or names a provider
     *     that is not on the classpath
     */
    public static MyWorkspacesApp open(PlatformConfig config) {
        Objects.requireNonNull(config, "config");
        if (config.authName().isEmpty()) {
            throw new ConfigurationException(PlatformConfig.AUTH + " is not set; this app authenticates every request:"
                    + " set it to oidc (with omega.oidc.issuer, omega.oidc.client-id, omega.oidc.audience); "
                    + PlatformConfig.howToSet(PlatformConfig.AUTH));
        }
        PlatformServices services = PlatformServices.builder().config(config).build();
        return new MyWorkspacesApp(services, services.authProvider().orElseThrow());
    }

    /**
     * Authenticates the request and lists the user's workspaces and memories.
     *
     * @throws co.omegamax.platform.spi.AuthenticationException if the request carries no valid token (its
     *     {@code reason()} says why: missing, expired, wrong audience, unknown key, …)
     */
    public Overview overview(AuthRequest request) {
        Objects.requireNonNull(request, "request");
        AuthSession session = auth.authenticate(request);
        String userId = session.user().id();
        DataStore store = services.dataStore();
        List<WorkspaceMemories> workspaces = store.getWorkspaces(userId, Page.first(Page.MAX_LIMIT)).stream()
                .map(w -> new WorkspaceMemories(w, store.getMemories(userId, MemoryFilters.workspace(w.id()),
                        Page.first(MEMORIES_PER_WORKSPACE))))
                .toList();
        return new Overview(session.user(), workspaces);
    }

    /** Prints an overview: the user, then each workspace with its memories. */
    public static void print(Overview overview, PrintStream out) {
        AuthUser user = overview.user();
        String email = user.email().isBlank() ? "" : " <" + user.email() + ">";
        out.println("signed in as " + user.id() + email + ", " + overview.workspaces().size() + " workspace(s)");
        for (WorkspaceMemories w : overview.workspaces()) {
            out.println("  " + w.workspace().slug() + " (" + w.workspace().name() + "): " + w.memories().size()
                    + " memories");
            w.memories().forEach(m -> out.println("    [" + m.eventType() + "] " + m.content()));
        }
    }

    @Override
    public void close() {
        services.close();
    }

    /**
     * Lists the workspaces of the user whose access token is in the environment variable {@code ACCESS_TOKEN}
     * (an environment variable rather than an argument, so the token does not show up in process listings), with
     * the providers of this process's configuration ({@link PlatformConfig#load()}).
     *
     * @throws IllegalArgumentException if {@code ACCESS_TOKEN} is not set
     */
    public static void main(String[] args) {
        String token = System.getenv("ACCESS_TOKEN");
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("ACCESS_TOKEN is not set: set it to an access token from your OIDC "
                    + "issuer (audience omega.oidc.audience), or run the self-contained demo: ./mvnw -q -Poidc-demo "
                    + "-pl examples -am package -DskipTests");
        }
        try (MyWorkspacesApp app = open(PlatformConfig.load())) {
            print(app.overview(AuthRequest.builder().bearer(token.strip()).build()), System.out);
        }
    }
}
