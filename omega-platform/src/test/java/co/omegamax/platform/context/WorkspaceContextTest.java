package co.omegamax.platform.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.omegamax.platform.adapter.sqlite.SqliteDataStore;
import co.omegamax.platform.spi.ConfigurationException;
import co.omegamax.platform.spi.CreateProjectInput;
import co.omegamax.platform.spi.CreateWorkspaceInput;
import co.omegamax.platform.spi.DataStore;
import co.omegamax.platform.spi.NewWorkspaceKey;
import co.omegamax.platform.spi.PlatformConfig;
import co.omegamax.platform.spi.Project;
import co.omegamax.platform.spi.Workspace;
import co.omegamax.platform.spi.WorkspaceKeyStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceContextTest {
    @TempDir
    Path dir;
    private DataStore store;
    private Workspace acme;
    private Project launch;

    @BeforeEach
    void open() {
        store = SqliteDataStore.open(dir.resolve("platform.db"));
        acme = store.createWorkspace("alice", CreateWorkspaceInput.named("Acme Corp"));
        launch = store.createProject("alice", acme.id(), CreateProjectInput.named("Launch"));
        store.createWorkspace("bob", CreateWorkspaceInput.named("Acme Corp"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static PlatformConfig config(Map<String, String> values) {
        return PlatformConfig.of(values);
    }

    @Test
    void resolvesUserAndWorkspaceSlugFromTheConfigFile() throws Exception {
        Path file = Files.writeString(dir.resolve("config.yaml"), "user_id: alice\ndefault_workspace: acme-corp\n"
                + "default_project: " + launch.id() + "\n");
        PlatformConfig config = PlatformConfig.builder().configFile(file).build();
        assertThat(WorkspaceContext.resolve(config, store))
                .isEqualTo(new WorkspaceContext("alice", acme.id(), launch.id()));
    }

    @Test
    void resolvesAWorkspaceIdFromTheEnvironmentSpelling() {
        PlatformConfig config = PlatformConfig.builder()
                .environment(Map.of("OMEGA_USER_ID", "alice", "OMEGA_WORKSPACE_ID", acme.id())).build();
        assertThat(WorkspaceContext.resolve(config, store)).isEqualTo(new WorkspaceContext("alice", acme.id(), null));
    }

    @Test
    void aWorkspaceKeyNamesUserAndWorkspace() {
        NewWorkspaceKey key = ((WorkspaceKeyStore) store).create("alice", acme.id(), "laptop");
        PlatformConfig config = PlatformConfig.builder()
                .environment(Map.of("OMEGA_WORKSPACE_KEY", key.secret(), "OMEGA_PROJECT", launch.id())).build();
        assertThat(WorkspaceContext.resolve(config, store))
                .isEqualTo(new WorkspaceContext("alice", acme.id(), launch.id()));
    }

    @Test
    void aRevokedOrForeignKeyIsRefusedWithoutShowingIt() {
        NewWorkspaceKey key = ((WorkspaceKeyStore) store).create("alice", acme.id(), "laptop");
        ((WorkspaceKeyStore) store).revoke("alice", key.key().id());
        PlatformConfig revoked = config(Map.of("omega.workspace-key", key.secret()));
        assertThatThrownBy(() -> WorkspaceContext.resolve(revoked, store))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("unknown or revoked")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(key.secret()));
        NewWorkspaceKey fresh = ((WorkspaceKeyStore) store).create("alice", acme.id(), "ci");
        PlatformConfig mismatch = config(Map.of("omega.workspace-key", fresh.secret(), "omega.user-id", "bob"));
        assertThatThrownBy(() -> WorkspaceContext.resolve(mismatch, store))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("another user");
        assertThatThrownBy(() -> WorkspaceContext.resolve(config(Map.of("omega.workspace-key", "omk_live_short")), store))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("malformed");
    }

    @Test
    void missingOrForeignSettingsSayWhatToSet() {
        assertThatThrownBy(() -> WorkspaceContext.resolve(config(Map.of()), store))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("OMEGA_WORKSPACE_KEY")
                .hasMessageContaining("omega.user-id");
        assertThatThrownBy(() -> WorkspaceContext.resolve(config(Map.of("omega.user-id", "alice")), store))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("no workspace is configured");
        assertThatThrownBy(() -> WorkspaceContext.resolve(config(Map.of("omega.user-id", "carol",
                "omega.workspace", "acme-corp")), store))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("not a workspace slug of user 'carol'");
        assertThatThrownBy(() -> WorkspaceContext.resolve(config(Map.of("omega.user-id", "bob",
                "omega.workspace-id", acme.id())), store))
                .as("another user's workspace id").isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("is not a workspace of user 'bob'");
        Workspace other = store.createWorkspace("alice", CreateWorkspaceInput.named("Other"));
        assertThatThrownBy(() -> WorkspaceContext.resolve(config(Map.of("omega.user-id", "alice",
                "omega.workspace-id", other.id(), "omega.project", launch.id())), store))
                .as("a project of another workspace").isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("not a project of the configured workspace");
        assertThatThrownBy(() -> WorkspaceContext.resolve(config(Map.of("omega.user-id", "has space",
                "omega.workspace", "acme-corp")), store))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("omega.user-id is invalid");
    }
}
