package co.omegamax.platform.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import co.omegamax.memory.spi.CommandContext;
import co.omegamax.memory.spi.CommandProvider;
import co.omegamax.memory.spi.CommandRegistry;
import co.omegamax.platform.adapter.sqlite.SqliteDataStore;
import co.omegamax.platform.context.WorkspaceContext;
import co.omegamax.platform.onboarding.fixture.KeylessSqliteProvider;
import co.omegamax.platform.spi.CreateProjectInput;
import co.omegamax.platform.spi.DataStore;
import co.omegamax.platform.spi.DataStoreProvider;
import co.omegamax.platform.spi.PlatformConfig;
import co.omegamax.platform.spi.Project;
import co.omegamax.platform.spi.Workspace;
import co.omegamax.platform.spi.WorkspaceKeyStore;
import co.omegamax.platform.spi.WorkspaceKeys;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code omega link} against a real SQLite store selected by configuration, writing real files. */
class LinkCommandTest {
    @TempDir
    Path dir;
    private Path db;
    private Path home;
    private DataStore store;
    private Workspace ws;
    private CliConnection cli;
    private Map<String, String> env;

    record Run(int code, String out, String err) {
    }

    @BeforeEach
    void open() {
        db = dir.resolve("platform.db");
        home = dir.resolve("home");
        store = SqliteDataStore.open(db);
        OnboardingService onboarding = OnboardingService.over(store);
        ws = onboarding.createFirstWorkspace("user-abc", "Acme Corp");
        cli = onboarding.connectCli("user-abc", ws.id());
        env = new HashMap<>(Map.of("OMEGA_DATASTORE", "sqlite", "OMEGA_SQLITE_PATH", db.toString()));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Run link(String... args) {
        return link(new LinkCommand(), args);
    }

    private Run link(LinkCommand command, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = command.run(List.of(args), new CommandContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, home));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path defaultFile() {
        return home.resolve(".omega/config.yaml");
    }

    @Test
    void linkIsFoundByServiceLoaderAsAnOmegaCommand() {
        CommandRegistry registry = CommandRegistry.discover(Set.of("store", "serve"), getClass().getClassLoader());
        assertThat(registry.command("link")).get().isInstanceOf(LinkCommand.class);
        assertThat(registry.commands()).extracting(CommandProvider::name).contains("link");
    }

    @Test
    void writesAConfigThatPlatformConfigAndWorkspaceContextReadBack() throws Exception {
        Run r = link("--key", cli.secret());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("acme-corp").contains("omk_live_\u2026" + WorkspaceKeys.lastFour(cli.secret()))
                .doesNotContain(cli.secret());
        assertThat(r.err()).doesNotContain(cli.secret());

        PlatformConfig config = PlatformConfig.builder().configFile(defaultFile()).build();
        assertThat(config.get("omega.user-id")).contains("user-abc");
        assertThat(config.get("omega.workspace")).contains("acme-corp");
        assertThat(config.get(WorkspaceKeys.CONFIG_KEY)).contains(cli.secret());
        assertThat(WorkspaceContext.resolve(config, store)).isEqualTo(new WorkspaceContext("user-abc", ws.id(), null));
        assertThat(Files.getPosixFilePermissions(defaultFile())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(defaultFile().getParent()))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        try (var files = Files.list(defaultFile().getParent())) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("config.yaml");
        }
    }

    @Test
    void mergesIntoAnExistingFileKeepingTheOtherKeys() throws Exception {
        Path file = dir.resolve("custom/config.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                default_project: website
                datastore: sqlite
                sqlite:
                  path: %s
                sync:
                  outbox: /tmp/outbox.db
                workspace_key: omk_live_OLDOLDOLDOLDOLDOLDOLDOLDOLDOLDOLDOLDOLDOLD
                """.formatted(db));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        env.clear(); // the store now comes from the file itself
        Project project = store.createProject("user-abc", ws.id(), CreateProjectInput.named("Website"));

        Run r = link("--key=" + cli.secret(), "--config", file.toString(), "--project", project.id(),
                "--sync-url", "https://sync.example.org/api", "--workspace", "acme-corp");
        assertThat(r.code()).as(r.err()).isZero();

        PlatformConfig config = PlatformConfig.builder().configFile(file).build();
        assertThat(config.get("omega.default-project")).contains("website");
        assertThat(config.get("omega.datastore")).contains("sqlite");
        assertThat(config.get("omega.sqlite.path")).contains(db.toString());
        assertThat(config.get("omega.sync.outbox")).contains("/tmp/outbox.db");
        assertThat(config.get("omega.sync.enabled")).contains("true");
        assertThat(config.get("omega.sync.url")).contains("https://sync.example.org/api");
        assertThat(config.get("omega.workspace-key")).contains(cli.secret());
        assertThat(config.get("omega.project")).contains(project.id());
        assertThat(WorkspaceContext.resolve(config, store)).isEqualTo(new WorkspaceContext("user-abc", ws.id(),
                project.id()));
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void mergesUnderALoneOmegaMapping() throws Exception {
        Path file = dir.resolve("wrapped.yaml");
        Files.writeString(file, "omega:\n  datastore: sqlite\n  sqlite:\n    path: " + db + "\n");
        env.clear();
        assertThat(link("--key", cli.secret(), "--config", file.toString()).code()).isZero();
        PlatformConfig config = PlatformConfig.builder().configFile(file).build();
        assertThat(config.get("omega.datastore")).contains("sqlite");
        assertThat(config.get("omega.workspace")).contains("acme-corp");
    }

    @Test
    void rejectsMalformedUnknownAndRevokedKeysWithoutWritingOrEchoingThem() {
        Run malformed = link("--key", "omk_live_short");
        assertThat(malformed.code()).isEqualTo(1);
        assertThat(malformed.err()).contains("not a workspace key").doesNotContain("omk_live_short");

        String unknown = WorkspaceKeys.generate();
        Run r = link("--key", unknown);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("unknown or revoked").contains(WorkspaceKeys.lastFour(unknown))
                .doesNotContain(unknown);

        ((WorkspaceKeyStore) store).revoke("user-abc", cli.key().id());
        Run revoked = link("--key", cli.secret());
        assertThat(revoked.code()).isEqualTo(1);
        assertThat(revoked.err()).contains("unknown or revoked").doesNotContain(cli.secret());
        assertThat(defaultFile()).doesNotExist();
    }

    @Test
    void checksTheExpectedWorkspaceAndProject() {
        Run wrong = link("--key", cli.secret(), "--workspace", "other-ws");
        assertThat(wrong.code()).isEqualTo(1);
        assertThat(wrong.err()).contains("belongs to workspace 'acme-corp', not 'other-ws'");
        Run badProject = link("--key", cli.secret(), "--project", "no-such-project");
        assertThat(badProject.code()).isEqualTo(1);
        assertThat(badProject.err()).contains("not a project of workspace 'acme-corp'");
        assertThat(defaultFile()).doesNotExist();
    }

    @Test
    void offlineNoVerifyWritesTheKeyAndTheEnvironmentKeyIsUsedWhenNoneIsGiven() {
        env.clear();
        env.put("OMEGA_WORKSPACE_KEY", cli.secret());
        Run noStore = link();
        assertThat(noStore.code()).isEqualTo(1);
        assertThat(noStore.err()).contains("no store is configured").contains("--no-verify");

        Run r = link("--no-verify", "--workspace", "acme-corp");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("NOT verified").doesNotContain(cli.secret());
        PlatformConfig config = PlatformConfig.builder().configFile(defaultFile()).build();
        assertThat(config.get("omega.workspace-key")).contains(cli.secret());
        assertThat(config.get("omega.workspace")).contains("acme-corp");
        assertThat(config.get("omega.user-id")).isEmpty();
    }

    @Test
    void usageErrorsExitWithTwoAndHelpExplainsTheManualAndCiAlternatives() {
        Run missing = link();
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("--key").contains("OMEGA_WORKSPACE_KEY");
        Run unknown = link("--frobnicate");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown argument '--frobnicate'");
        Run pasted = link(cli.secret());
        assertThat(pasted.code()).isEqualTo(2);
        assertThat(pasted.err()).doesNotContain(cli.secret());
        Run noValue = link("--key");
        assertThat(noValue.code()).isEqualTo(2);
        Run help = link("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("OMEGA_WORKSPACE_KEY").contains("0600").contains("--no-verify");
    }

    @Test
    void anInvalidExistingFileIsReportedNotOverwritten() throws Exception {
        Files.createDirectories(defaultFile().getParent());
        String broken = "user_id: u\nworkspace_key: \"" + cli.secret() + "\n"; // unclosed quote
        Files.writeString(defaultFile(), broken);
        Run r = link("--key", cli.secret(), "--no-verify");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("not valid YAML at line ").doesNotContain(cli.secret().substring(9));
        assertThat(Files.readString(defaultFile())).isEqualTo(broken);
    }

    @Test
    void aStoreWithoutWorkspaceKeysFailsNamingTheLimitation() throws Exception {
        Path services = dir.resolve("extra/META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(DataStoreProvider.class.getName()), KeylessSqliteProvider.class.getName());
        env.put("OMEGA_DATASTORE", KeylessSqliteProvider.NAME);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.resolve("extra").toUri().toURL()},
                getClass().getClassLoader())) {
            Run r = link(new LinkCommand(loader), "--key", cli.secret());
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err()).contains("does not keep workspace keys").contains(KeylessSqliteProvider.NAME)
                    .contains("--no-verify").doesNotContain(cli.secret());
        }
        assertThat(defaultFile()).doesNotExist();
    }
}
