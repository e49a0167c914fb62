package co.omegamax.platform.adapter.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.omegamax.platform.spi.AuthChain;
import co.omegamax.platform.spi.AuthFailureReason;
import co.omegamax.platform.spi.AuthRequest;
import co.omegamax.platform.spi.AuthenticationException;
import co.omegamax.platform.spi.Caller;
import co.omegamax.platform.spi.CreateWorkspaceInput;
import co.omegamax.platform.spi.DataStore;
import co.omegamax.platform.spi.NewWorkspaceKey;
import co.omegamax.platform.spi.NotFoundException;
import co.omegamax.platform.spi.PlatformConfig;
import co.omegamax.platform.spi.WorkspaceKey;
import co.omegamax.platform.spi.WorkspaceKeyPrincipal;
import co.omegamax.platform.spi.WorkspaceKeyStore;
import co.omegamax.platform.spi.WorkspaceKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteWorkspaceKeyStoreTest {
    @TempDir
    Path dir;
    private Path db;
    private DataStore store;
    private WorkspaceKeyStore keys;
    private String wsA;
    private String wsA2;
    private String wsB;

    @BeforeEach
    void open() {
        db = dir.resolve("platform.db");
        store = SqliteDataStore.open(db);
        keys = SqliteWorkspaceKeyStore.open(db);
        wsA = store.createWorkspace("alice", CreateWorkspaceInput.named("Acme")).id();
        wsA2 = store.createWorkspace("alice", CreateWorkspaceInput.named("Side")).id();
        wsB = store.createWorkspace("bob", CreateWorkspaceInput.named("Acme")).id();
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    @Test
    void createShowsTheKeyOnceAndStoresOnlyItsHash() throws Exception {
        NewWorkspaceKey created = keys.create("alice", wsA, "laptop CLI");
        String secret = created.secret();
        assertThat(secret).startsWith("omk_live_").matches("omk_live_[0-9A-Za-z]{32,}");
        assertThat(created.toString()).doesNotContain(secret);
        assertThat(created.key().masked()).isEqualTo("omk_live_\u2026" + secret.substring(secret.length() - 4));
        assertThat(keys.list("alice", wsA)).singleElement().satisfies(k -> {
            assertThat(k.lastFour()).isEqualTo(secret.substring(secret.length() - 4));
            assertThat(k.prefix()).isEqualTo("omk_live_");
            assertThat(k.toString()).doesNotContain(secret);
        });
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM workspace_keys")) {
            rs.next();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                assertThat(String.valueOf(rs.getString(i))).doesNotContain(secret.substring(9));
            }
            assertThat(rs.getString("key_hash")).isEqualTo(WorkspaceKeys.hash(secret));
        }
        byte[] file = Files.readAllBytes(db);
        assertThat(new String(file, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(secret.substring(9));
        assertThat(keys.create("alice", wsA, "second").secret()).isNotEqualTo(secret);
    }

    @Test
    void verifyResolvesOwnerAndWorkspaceAndRevocationEndsIt() {
        NewWorkspaceKey k = keys.create("alice", wsA, "ci");
        assertThat(keys.verify(k.secret())).contains(new WorkspaceKeyPrincipal("alice", wsA, k.key().id()));
        keys.revoke("alice", k.key().id());
        assertThat(keys.verify(k.secret())).isEmpty();
        keys.revoke("alice", k.key().id()); // no-op
        assertThat(keys.list("alice", wsA)).singleElement().satisfies(x -> assertThat(x.revoked()).isTrue());
    }

    @Test
    void malformedUnknownAndAlteredKeysDoNotVerify() {
        NewWorkspaceKey k = keys.create("alice", wsA, "ci");
        String s = k.secret();
        String altered = s.substring(0, s.length() - 1) + (s.endsWith("a") ? "b" : "a");
        assertThat(keys.verify(altered)).isEmpty();
        assertThat(keys.verify(WorkspaceKeys.generate())).isEmpty();
        assertThat(keys.verify("omk_live_short")).isEmpty();
        assertThat(keys.verify("sk_live_" + s.substring(9))).isEmpty();
        assertThat(keys.verify(null)).isEmpty();
    }

    @Test
    void isolationBetweenUsers() {
        NewWorkspaceKey a = keys.create("alice", wsA, "a");
        NewWorkspaceKey a2 = keys.create("alice", wsA2, "a2");
        NewWorkspaceKey b = keys.create("bob", wsB, "b");
        // a key never resolves to anyone else's workspace
        assertThat(keys.verify(a.secret())).get().satisfies(p -> {
            assertThat(p.userId()).isEqualTo("alice");
            assertThat(p.workspaceId()).isEqualTo(wsA);
        });
        assertThat(keys.verify(a2.secret()).orElseThrow().workspaceId()).isEqualTo(wsA2);
        assertThat(keys.verify(b.secret()).orElseThrow().userId()).isEqualTo("bob");
        // bob can neither mint keys for, list, nor revoke in alice's workspace
        assertThatThrownBy(() -> keys.create("bob", wsA, "steal")).isInstanceOf(NotFoundException.class);
        assertThat(keys.list("bob", wsA)).isEmpty();
        assertThatThrownBy(() -> keys.revoke("bob", a.key().id())).isInstanceOf(NotFoundException.class);
        assertThat(keys.verify(a.secret())).isPresent();
        assertThat(keys.list("alice", wsA)).extracting(WorkspaceKey::id).containsExactly(a.key().id());
        assertThatThrownBy(() -> keys.create("alice", "no-such-ws", "x")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void deletingTheWorkspaceDeletesItsKeys() {
        NewWorkspaceKey a = keys.create("alice", wsA, "a");
        store.deleteWorkspace("alice", wsA);
        assertThat(keys.verify(a.secret())).isEmpty();
        assertThat(keys.list("alice", wsA)).isEmpty();
    }

    @Test
    void authChainResolvesTheCallerFromABearerKeyTheHeaderOrOmegaWorkspaceKey() {
        NewWorkspaceKey a = keys.create("alice", wsA, "cli");
        AuthChain chain = new AuthChain(keys, null);
        Caller viaBearer = chain.resolve(AuthRequest.builder().bearer(a.secret()).build());
        assertThat(viaBearer).isEqualTo(new Caller("alice", wsA, Caller.Method.WORKSPACE_KEY));
        assertThat(chain.resolve(AuthRequest.builder().header(WorkspaceKeys.HEADER, a.secret()).build())).isEqualTo(viaBearer);

        // what the CLI does in CI: OMEGA_WORKSPACE_KEY → omega.workspace-key → bearer
        PlatformConfig cli = PlatformConfig.builder().environment(Map.of("OMEGA_WORKSPACE_KEY", a.secret())).build();
        String fromEnv = WorkspaceKeys.fromConfig(cli).orElseThrow();
        assertThat(cli.toString()).doesNotContain(a.secret());
        assertThat(chain.resolve(AuthRequest.builder().bearer(fromEnv).build()).workspaceId()).isEqualTo(wsA);

        keys.revoke("alice", a.key().id());
        assertThatThrownBy(() -> chain.resolve(AuthRequest.builder().bearer(a.secret()).build()))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.reason()).isEqualTo(AuthFailureReason.REVOKED);
                    assertThat(e.getMessage()).doesNotContain(a.secret()).contains("OMEGA_WORKSPACE_KEY");
                });
        assertThatThrownBy(() -> chain.resolve(AuthRequest.builder().bearer("omk_live_bad").build()))
                .isInstanceOfSatisfying(AuthenticationException.class,
                        e -> assertThat(e.reason()).isEqualTo(AuthFailureReason.MALFORMED_TOKEN));
        assertThatThrownBy(() -> chain.resolve(AuthRequest.builder().build()))
                .isInstanceOfSatisfying(AuthenticationException.class,
                        e -> assertThat(e.reason()).isEqualTo(AuthFailureReason.MISSING_TOKEN));
    }

    @Test
    void theDataStoreIsItselfTheKeyStoreOfItsFile() {
        assertThat(store).isInstanceOf(WorkspaceKeyStore.class);
        WorkspaceKeyStore viaStore = (WorkspaceKeyStore) store;
        NewWorkspaceKey k = viaStore.create("alice", wsA, "from the store");
        assertThat(keys.verify(k.secret())).contains(new WorkspaceKeyPrincipal("alice", wsA, k.key().id()));
        assertThat(viaStore.list("bob", wsA)).isEmpty();
        keys.revoke("alice", k.key().id());
        assertThat(viaStore.verify(k.secret())).isEmpty();
    }
}
