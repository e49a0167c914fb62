package co.omegamax.platform.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.omegamax.platform.adapter.sqlite.SqliteDataStore;
import co.omegamax.platform.context.WorkspaceContext;
import co.omegamax.platform.spi.ConflictException;
import co.omegamax.platform.spi.CreateProjectInput;
import co.omegamax.platform.spi.DataStore;
import co.omegamax.platform.spi.InvalidInputException;
import co.omegamax.platform.spi.MemoryInput;
import co.omegamax.platform.spi.NotFoundException;
import co.omegamax.platform.spi.Plan;
import co.omegamax.platform.spi.PlatformConfig;
import co.omegamax.platform.spi.SessionInput;
import co.omegamax.platform.spi.TrackedEntityInput;
import co.omegamax.platform.spi.UserAccountInput;
import co.omegamax.platform.spi.Workspace;
import co.omegamax.platform.spi.WorkspaceKeyStore;
import co.omegamax.platform.spi.WorkspaceType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The onboarding flow against a real SQLite store on a temporary file. */
class OnboardingServiceTest {
    @TempDir
    Path dir;
    private DataStore store;
    private OnboardingService onboarding;

    @BeforeEach
    void open() {
        store = SqliteDataStore.open(dir.resolve("platform.db"));
        onboarding = OnboardingService.over(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void signUpCreatesAFreeAccountOnceAndKeepsItAfterwards() {
        assertThat(store.getUserAccount("alice")).isEmpty();
        var account = onboarding.signUp("alice");
        assertThat(account.plan()).isEqualTo(Plan.FREE);
        assertThat(store.getUserAccount("alice")).get().extracting(a -> a.plan()).isEqualTo(Plan.FREE);

        store.saveUserAccount("alice", new UserAccountInput(Plan.PRO, "lic-1", Map.of("theme", "dark")));
        var again = onboarding.signUp("alice");
        assertThat(again.plan()).isEqualTo(Plan.PRO);
        assertThat(again.licenseKey()).isEqualTo("lic-1");
        assertThat(again.createdAt()).isEqualTo(account.createdAt());
        assertThatThrownBy(() -> onboarding.signUp(" ")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void firstWorkspaceGetsAGeneratedUniqueEditableSlugAndDefaultsToBusiness() {
        assertThat(onboarding.suggestSlug("alice", "Acme Corp")).isEqualTo("acme-corp");
        Workspace ws = onboarding.createFirstWorkspace("alice", "Acme Corp");
        assertThat(ws.slug()).isEqualTo("acme-corp");
        assertThat(ws.type()).isEqualTo(WorkspaceType.BUSINESS);
        assertThat(store.getUserAccount("alice")).get().extracting(a -> a.plan()).isEqualTo(Plan.FREE);

        assertThat(onboarding.suggestSlug("alice", "Acme  Corp!")).isEqualTo("acme-corp-2");
        Workspace second = onboarding.createFirstWorkspace("alice", "Acme  Corp!");
        assertThat(second.slug()).isEqualTo("acme-corp-2");
        // slugs are per user: bob gets the plain one
        assertThat(onboarding.createFirstWorkspace("bob", "Acme Corp").slug()).isEqualTo("acme-corp");

        Workspace edited = onboarding.createFirstWorkspace("alice", "Café Straße", "my-cafe", WorkspaceType.PERSONAL);
        assertThat(edited.slug()).isEqualTo("my-cafe");
        assertThat(edited.type()).isEqualTo(WorkspaceType.PERSONAL);
        assertThatThrownBy(() -> onboarding.createFirstWorkspace("alice", "Other", "acme-corp", null))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> onboarding.createFirstWorkspace("alice", "Other", "Not A Slug", null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("slug");
        assertThatThrownBy(() -> onboarding.createFirstWorkspace("alice", "  ", null, null))
                .isInstanceOf(InvalidInputException.class);

        assertThat(onboarding.changeSlug("alice", second.id(), "acme-labs").slug()).isEqualTo("acme-labs");
        assertThat(store.getWorkspace("alice", "acme-labs")).isPresent();
        assertThatThrownBy(() -> onboarding.changeSlug("alice", second.id(), "acme-corp"))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> onboarding.changeSlug("bob", second.id(), "stolen"))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void workspaceNameSuggestionsComeFromTheEmailDomain() {
        assertThat(WorkspaceNames.fromEmail("dana@acme-corp.com")).isEqualTo("Acme Corp");
        assertThat(WorkspaceNames.fromEmail("sam@mail.globex.co.uk")).isEqualTo("Globex");
        assertThat(WorkspaceNames.fromEmail("lee@gmail.com")).isEqualTo(WorkspaceNames.PERSONAL);
        assertThatThrownBy(() -> WorkspaceNames.fromEmail("not-an-email")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void connectCliReturnsASnippetThatPlatformConfigReadsAndWhoseKeyVerifies() throws Exception {
        Workspace ws = onboarding.createFirstWorkspace("user-abc-123", "Acme Corp");
        CliConnection cli = onboarding.connectCli("user-abc-123", ws.id());

        assertThat(cli.secret()).startsWith("omk_live_");
        assertThat(cli.toString()).doesNotContain(cli.secret());
        assertThat(cli.snippet()).isEqualTo("""
                # Add to ~/.omega/config.yaml
                user_id: "user-abc-123"
                workspace: "acme-corp"
                workspace_key: "%s"
                sync:
                  enabled: true
                  url: "https://omegamax.co/api/sync"
                """.formatted(cli.secret()));

        Path file = dir.resolve("config.yaml");
        Files.writeString(file, cli.snippet());
        PlatformConfig config = PlatformConfig.builder().configFile(file).build();
        assertThat(config.get("omega.user-id")).contains("user-abc-123");
        assertThat(config.get("omega.workspace")).contains("acme-corp");
        assertThat(config.get("omega.workspace-key")).contains(cli.secret());
        assertThat(config.getBoolean("omega.sync.enabled", false)).isTrue();
        assertThat(config.get("omega.sync.url")).contains(OnboardingService.DEFAULT_SYNC_URL);

        assertThat(((WorkspaceKeyStore) store).verify(cli.secret())).get()
                .satisfies(p -> assertThat(p.workspaceId()).isEqualTo(ws.id()));
        assertThat(WorkspaceContext.resolve(config, store))
                .isEqualTo(new WorkspaceContext("user-abc-123", ws.id(), null));

        // a fresh key each time; both stay valid until revoked
        CliConnection again = onboarding.connectCli("user-abc-123", ws.id());
        assertThat(again.secret()).isNotEqualTo(cli.secret());
        assertThat(((WorkspaceKeyStore) store).list("user-abc-123", ws.id())).hasSize(2);

        assertThatThrownBy(() -> onboarding.connectCli("someone-else", ws.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void snippetValuesAreYamlEscapedAndTheSyncUrlIsConfigurable() throws Exception {
        OnboardingService byos = new OnboardingService(store, (WorkspaceKeyStore) store, Clock.systemUTC(),
                "https://db.example.org/functions/v1/sync");
        Workspace ws = byos.createFirstWorkspace("odd\"user\\x", "Quotes");
        CliConnection cli = byos.connectCli("odd\"user\\x", ws.id());
        Path file = dir.resolve("odd.yaml");
        Files.writeString(file, cli.snippet());
        PlatformConfig config = PlatformConfig.builder().configFile(file).build();
        assertThat(config.get("omega.user-id")).contains("odd\"user\\x");
        assertThat(config.get("omega.sync.url")).contains("https://db.example.org/functions/v1/sync");
        assertThatThrownBy(() -> new OnboardingService(store, null, Clock.systemUTC(), "ftp://x"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("syncUrl");
    }

    @Test
    void withoutAKeyStoreConnectCliFailsNamingTheLimitation() {
        OnboardingService noKeys = new OnboardingService(store, null, Clock.systemUTC(), OnboardingService.DEFAULT_SYNC_URL);
        Workspace ws = noKeys.createFirstWorkspace("alice", "Acme");
        assertThatThrownBy(() -> noKeys.connectCli("alice", ws.id()))
                .isInstanceOf(WorkspaceKeysUnsupportedException.class)
                .hasMessageContaining("WorkspaceKeyStore").hasMessageContaining("the sqlite and postgres stores do");
        // the checklist still works, from sessions only
        assertThat(noKeys.checklist("alice", ws.id()).item(ChecklistStep.CONNECT_CLI).done()).isFalse();
    }

    @Test
    void checklistProgressesItemByItemAsRealDataAppears() {
        assertThat(onboarding.checklist("alice").doneCount()).isZero();
        assertThat(onboarding.checklist("alice").workspaceId()).isNull();

        Workspace ws = onboarding.createFirstWorkspace("alice", "Acme Corp");
        Checklist c = onboarding.checklist("alice", ws.id());
        assertThat(c.items()).extracting(ChecklistItem::title).containsExactly("Create your workspace",
                "Connect your CLI", "Store your first memory", "Create a project", "Set up your first entity",
                "Explore the memory graph");
        assertThat(c.doneCount()).isEqualTo(1);
        assertThat(c.heading()).isEqualTo("Getting Started [1/6 complete]");
        assertThat(c.item(ChecklistStep.CREATE_PROJECT).link()).isEqualTo("/admin/acme-corp/projects");
        assertThat(onboarding.checklist("alice")).isEqualTo(c);

        // demo data never ticks an item
        onboarding.seedDemoData("alice", ws.id());
        assertThat(onboarding.checklist("alice", ws.id()).doneCount()).isEqualTo(1);

        onboarding.connectCli("alice", ws.id());
        assertThat(done(ws)).containsExactly(ChecklistStep.CREATE_WORKSPACE, ChecklistStep.CONNECT_CLI);

        store.upsertMemories("alice", List.of(MemoryInput.of("m-1", ws.id(), "decision", "We use Maven")));
        assertThat(done(ws)).contains(ChecklistStep.STORE_FIRST_MEMORY).hasSize(3);
        assertThat(onboarding.checklist("alice", ws.id()).heading()).isEqualTo("Getting Started [3/6 complete]");

        store.createProject("alice", ws.id(), CreateProjectInput.named("Website"));
        assertThat(done(ws)).contains(ChecklistStep.CREATE_PROJECT).hasSize(4);

        store.upsertTrackedEntities("alice", List.of(new TrackedEntityInput("e-1", ws.id(), "Dana", "person", null, null)));
        assertThat(done(ws)).contains(ChecklistStep.SET_UP_ENTITY).hasSize(5);

        onboarding.recordGraphViewed("alice", ws.id());
        onboarding.recordGraphViewed("alice", ws.id()); // idempotent, keeps the first time
        Checklist all = onboarding.checklist("alice", ws.id());
        assertThat(all.allSet()).isTrue();
        assertThat(all.heading()).isEqualTo("You're all set!");
        assertThat(all.visible()).isTrue();
        onboarding.dismissChecklist("alice", ws.id());
        assertThat(onboarding.checklist("alice", ws.id()).visible()).isFalse();
        // other workspace settings survive the flags
        assertThat(store.getWorkspaceById("alice", ws.id()).orElseThrow().settings()).containsKey("onboarding");

        // another user's checklist is untouched, and they cannot read alice's
        Workspace bobs = onboarding.createFirstWorkspace("bob", "Bob");
        assertThat(onboarding.checklist("bob", bobs.id()).doneCount()).isEqualTo(1);
        assertThatThrownBy(() -> onboarding.checklist("bob", ws.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> onboarding.recordGraphViewed("bob", ws.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aSyncedSessionAloneConnectsTheCli() {
        Workspace ws = onboarding.createFirstWorkspace("alice", "Acme Corp");
        store.recordSession("alice", SessionInput.active("s-1", ws.id(), "claude-code"));
        assertThat(done(ws)).containsExactly(ChecklistStep.CREATE_WORKSPACE, ChecklistStep.CONNECT_CLI);
    }

    @Test
    void aRevokedKeyDoesNotCountAsConnected() {
        Workspace ws = onboarding.createFirstWorkspace("alice", "Acme Corp");
        CliConnection cli = onboarding.connectCli("alice", ws.id());
        ((WorkspaceKeyStore) store).revoke("alice", cli.key().id());
        assertThat(done(ws)).containsExactly(ChecklistStep.CREATE_WORKSPACE);
    }

    private List<ChecklistStep> done(Workspace ws) {
        return onboarding.checklist("alice", ws.id()).items().stream().filter(ChecklistItem::done)
                .map(ChecklistItem::step).toList();
    }
}
