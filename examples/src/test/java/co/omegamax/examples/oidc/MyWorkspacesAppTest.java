package co.omegamax.examples.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.omegamax.examples.oidc.MyWorkspacesApp.Overview;
import co.omegamax.examples.oidc.MyWorkspacesApp.WorkspaceMemories;
import co.omegamax.platform.spi.AuthFailureReason;
import co.omegamax.platform.spi.AuthRequest;
import co.omegamax.platform.spi.AuthenticationException;
import co.omegamax.platform.spi.ConfigurationException;
import co.omegamax.platform.spi.MemoryRecord;
import co.omegamax.platform.spi.PlatformConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app with adapter-oidc against a real issuer on loopback and adapter-sqlite on a file. */
class MyWorkspacesAppTest {
    @TempDir
    Path dir;
    private OidcDemo demo;
    private MyWorkspacesApp app;

    @BeforeEach
    void start() {
        demo = OidcDemo.start(dir.resolve("platform.db"));
        app = MyWorkspacesApp.open(demo.config());
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void aliceSeesHerWorkspacesAndMemoriesAndNothingOfBobs() {
        Overview alice = app.overview(demo.requestAs("alice"));
        assertThat(alice.user().id()).isEqualTo("alice");
        assertThat(alice.user().email()).isEqualTo("alice@example.com");
        assertThat(alice.workspaces()).extracting(w -> w.workspace().slug()).containsExactly("acme", "home");
        assertThat(alice.workspaces()).allSatisfy(w -> assertThat(w.workspace().userId()).isEqualTo("alice"));
        assertThat(alice.workspaces().get(0).memories()).extracting(MemoryRecord::content)
                .containsExactly("Acme invoices are stored in PostgreSQL");
        assertThat(alice.workspaces().get(1).memories()).extracting(MemoryRecord::id).containsExactly("a-2");

        String printed = print(alice);
        assertThat(printed).contains("signed in as alice <alice@example.com>, 2 workspace(s)")
                .contains("acme (Acme Corp): 1 memories").contains("[decision] Acme invoices are stored in PostgreSQL")
                .doesNotContain("globex").doesNotContain("Globex");
    }

    @Test
    void bobSeesOnlyHisWorkspace() {
        Overview bob = app.overview(demo.requestAs("bob"));
        assertThat(bob.user().id()).isEqualTo("bob");
        assertThat(bob.workspaces()).extracting(w -> w.workspace().slug()).containsExactly("globex");
        assertThat(bob.workspaces()).flatExtracting(WorkspaceMemories::memories).extracting(MemoryRecord::id)
                .containsExactly("b-1");
    }

    @Test
    void aUserWithoutDataSeesAnEmptyList() {
        assertThat(app.overview(demo.requestAs("carol")).workspaces()).isEmpty();
    }

    @Test
    void requestsWithoutAValidTokenAreRefusedWithTheReason() {
        assertThatThrownBy(() -> app.overview(AuthRequest.builder().build()))
                .isInstanceOfSatisfying(AuthenticationException.class,
                        e -> assertThat(e.reason()).isEqualTo(AuthFailureReason.MISSING_TOKEN));
        String otherAudience = demo.accessToken("alice", "another-api");
        assertThatThrownBy(() -> app.overview(AuthRequest.builder().bearer(otherAudience).build()))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.reason()).isEqualTo(AuthFailureReason.WRONG_AUDIENCE);
                    assertThat(e.getMessage()).doesNotContain(otherAudience);
                });
        String token = demo.accessToken("alice", OidcDemo.AUDIENCE);
        String tampered = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
        assertThatThrownBy(() -> app.overview(AuthRequest.builder().bearer(tampered).build()))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void withoutAnAuthProviderTheAppDoesNotStart() {
        PlatformConfig noAuth = PlatformConfig.of(Map.of("omega.datastore", "sqlite",
                "omega.sqlite.path", dir.resolve("other.db").toString()));
        assertThatThrownBy(() -> MyWorkspacesApp.open(noAuth)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("omega.auth").hasMessageContaining("oidc");
    }

    @Test
    void theDemoPrintsBothUsersAndTheRefusal() {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            OidcDemo.main(new String[] {dir.resolve("demo").resolve("platform.db").toString()});
        } finally {
            System.setOut(original);
        }
        String printed = buffer.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("signed in as alice <alice@example.com>, 2 workspace(s)")
                .contains("signed in as bob <bob@example.com>, 1 workspace(s)")
                .contains("refused: WRONG_AUDIENCE");
    }

    private static String print(Overview overview) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        MyWorkspacesApp.print(overview, new PrintStream(buffer, true, StandardCharsets.UTF_8));
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
