package co.omegamax.platform.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.omegamax.platform.spi.AuthChain;
import co.omegamax.platform.spi.AuthFailureReason;
import co.omegamax.platform.spi.AuthRequest;
import co.omegamax.platform.spi.AuthenticationException;
import co.omegamax.platform.spi.Caller;
import co.omegamax.platform.spi.CreateWorkspaceInput;
import co.omegamax.platform.spi.DataStore;
import co.omegamax.platform.spi.InvalidInputException;
import co.omegamax.platform.spi.NewWorkspaceKey;
import co.omegamax.platform.spi.NotFoundException;
import co.omegamax.platform.spi.PlatformConfig;
import co.omegamax.platform.spi.WorkspaceKey;
import co.omegamax.platform.spi.WorkspaceKeyPrincipal;
import co.omegamax.platform.spi.WorkspaceKeyStore;
import co.omegamax.platform.spi.WorkspaceKeys;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Conformance kit for {@link WorkspaceKeyStore}s that are also the {@link DataStore} of their database (as the SQL
 * adapters are). Extend it and return a fresh, empty store:
 *
 * <pre>{@code
 * class SqliteWorkspaceKeyStoreTest extends WorkspaceKeyStoreCompatibilityKit {
 *     protected DataStore createDataStore() { return SqliteDataStore.open(tempDir.resolve("p.db")); }
 * }
 * }</pre>
 *
 * It covers: the secret shown once and never in a {@code toString}, verification to owner and workspace, revocation,
 * malformed and altered keys, isolation between users, keys deleted with their workspace, and the {@link AuthChain}
 * resolving a caller from a bearer key, the header or {@code OMEGA_WORKSPACE_KEY}.
 */
public abstract class WorkspaceKeyStoreCompatibilityKit {
    /** The store under test, fresh for each test. */
    protected DataStore store;
    /** The same store as a key store. */
    protected WorkspaceKeyStore keys;
    /** Workspaces: two of alice's, one of bob's (with the same name as alice's first). */
    protected String wsA;
    /** Alice's second workspace. */
    protected String wsA2;
    /** Bob's workspace. */
    protected String wsB;

    /** @return a new, empty store that implements {@link WorkspaceKeyStore}; closed by the kit after each test */
    protected abstract DataStore createDataStore();

    @BeforeEach
    final void openStore() {
        store = createDataStore();
        assertThat(store).as("the store must also be its database's WorkspaceKeyStore").isInstanceOf(WorkspaceKeyStore.class);
        keys = (WorkspaceKeyStore) store;
        wsA = store.createWorkspace("alice", CreateWorkspaceInput.named("Acme")).id();
        wsA2 = store.createWorkspace("alice", CreateWorkspaceInput.named("Side")).id();
        wsB = store.createWorkspace("bob", CreateWorkspaceInput.named("Acme")).id();
    }

    @AfterEach
    final void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    @DisplayName("create: the secret is returned once, listed only masked, and never printed")
    void createShowsTheKeyOnce() {
        NewWorkspaceKey created = keys.create("alice", wsA, "laptop CLI");
        String secret = created.secret();
        assertThat(secret).startsWith(WorkspaceKeys.PREFIX).matches("omk_live_[0-9A-Za-z]{32,}");
        assertThat(created.toString()).doesNotContain(secret);
        assertThat(created.key().masked()).isEqualTo("omk_live_\u2026" + secret.substring(secret.length() - 4));
        assertThat(keys.list("alice", wsA)).singleElement().satisfies(k -> {
            assertThat(k.id()).isEqualTo(created.key().id());
            assertThat(k.userId()).isEqualTo("alice");
            assertThat(k.workspaceId()).isEqualTo(wsA);
            assertThat(k.name()).isEqualTo("laptop CLI");
            assertThat(k.lastFour()).isEqualTo(secret.substring(secret.length() - 4));
            assertThat(k.prefix()).isEqualTo(WorkspaceKeys.PREFIX);
            assertThat(k.revoked()).isFalse();
            assertThat(k.toString()).doesNotContain(secret);
        });
        assertThat(keys.create("alice", wsA, "second").secret()).isNotEqualTo(secret);
        assertThat(keys.list("alice", wsA)).hasSize(2);
    }

    @Test
    @DisplayName("verify: resolves owner and workspace; revocation ends it and is idempotent")
    void verifyAndRevoke() {
        NewWorkspaceKey k = keys.create("alice", wsA, "ci");
        assertThat(keys.verify(k.secret())).contains(new WorkspaceKeyPrincipal("alice", wsA, k.key().id()));
        keys.revoke("alice", k.key().id());
        assertThat(keys.verify(k.secret())).isEmpty();
        keys.revoke("alice", k.key().id());
        assertThat(keys.list("alice", wsA)).singleElement().satisfies(x -> assertThat(x.revoked()).isTrue());
    }

    @Test
    @DisplayName("verify: malformed, unknown and altered keys resolve to nobody")
    void malformedUnknownAndAlteredKeysDoNotVerify() {
        String s = keys.create("alice", wsA, "ci").secret();
        String altered = s.substring(0, s.length() - 1) + (s.endsWith("a") ? "b" : "a");
        assertThat(keys.verify(altered)).isEmpty();
        assertThat(keys.verify(WorkspaceKeys.generate())).isEmpty();
        assertThat(keys.verify("omk_live_short")).isEmpty();
        assertThat(keys.verify("sk_live_" + s.substring(9))).isEmpty();
        assertThat(keys.verify(null)).isEmpty();
    }

    @Test
    @DisplayName("isolation: keys resolve only to their own workspace; nobody mints, lists or revokes another's")
    void isolationBetweenUsers() {
        NewWorkspaceKey a = keys.create("alice", wsA, "a");
        NewWorkspaceKey a2 = keys.create("alice", wsA2, "a2");
        NewWorkspaceKey b = keys.create("bob", wsB, "b");
        assertThat(keys.verify(a.secret())).contains(new WorkspaceKeyPrincipal("alice", wsA, a.key().id()));
        assertThat(keys.verify(a2.secret()).orElseThrow().workspaceId()).isEqualTo(wsA2);
        assertThat(keys.verify(b.secret())).contains(new WorkspaceKeyPrincipal("bob", wsB, b.key().id()));
        assertThatThrownBy(() -> keys.create("bob", wsA, "steal")).isInstanceOf(NotFoundException.class);
        assertThat(keys.list("bob", wsA)).isEmpty();
        assertThatThrownBy(() -> keys.revoke("bob", a.key().id())).isInstanceOf(NotFoundException.class);
        assertThat(keys.verify(a.secret())).isPresent();
        assertThat(keys.list("alice", wsA)).extracting(WorkspaceKey::id).containsExactly(a.key().id());
        assertThatThrownBy(() -> keys.create("alice", UUID.randomUUID().toString(), "x"))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("bad input: ids, names and users are validated")
    void badInputIsRejected() {
        assertThatThrownBy(() -> keys.create("alice", wsA, " ")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> keys.create("alice", null, "x")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> keys.create("has space", wsA, "x")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> keys.list("alice", "bad id")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> keys.revoke("alice", null)).isInstanceOf(InvalidInputException.class);
        assertThat(keys.list("alice", wsA)).isEmpty();
    }

    @Test
    @DisplayName("deleting a workspace deletes its keys")
    void deletingTheWorkspaceDeletesItsKeys() {
        NewWorkspaceKey a = keys.create("alice", wsA, "a");
        store.deleteWorkspace("alice", wsA);
        assertThat(keys.verify(a.secret())).isEmpty();
        assertThat(keys.list("alice", wsA)).isEmpty();
    }

    @Test
    @DisplayName("AuthChain: a bearer key, the header or OMEGA_WORKSPACE_KEY resolve the caller; revoked keys are refused")
    void authChainResolvesTheCaller() {
        NewWorkspaceKey a = keys.create("alice", wsA, "cli");
        AuthChain chain = new AuthChain(keys, null);
        Caller viaBearer = chain.resolve(AuthRequest.builder().bearer(a.secret()).build());
        assertThat(viaBearer).isEqualTo(new Caller("alice", wsA, Caller.Method.WORKSPACE_KEY));
        assertThat(chain.resolve(AuthRequest.builder().header(WorkspaceKeys.HEADER, a.secret()).build())).isEqualTo(viaBearer);
        PlatformConfig cli = PlatformConfig.builder().environment(Map.of(WorkspaceKeys.ENV_VAR, a.secret())).build();
        assertThat(cli.toString()).doesNotContain(a.secret());
        assertThat(chain.resolve(AuthRequest.builder().bearer(WorkspaceKeys.fromConfig(cli).orElseThrow()).build())
                .workspaceId()).isEqualTo(wsA);
        keys.revoke("alice", a.key().id());
        assertThatThrownBy(() -> chain.resolve(AuthRequest.builder().bearer(a.secret()).build()))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.reason()).isEqualTo(AuthFailureReason.REVOKED);
                    assertThat(e.getMessage()).doesNotContain(a.secret());
                });
        assertThatThrownBy(() -> chain.resolve(AuthRequest.builder().bearer("omk_live_bad").build()))
                .isInstanceOfSatisfying(AuthenticationException.class,
                        e -> assertThat(e.reason()).isEqualTo(AuthFailureReason.MALFORMED_TOKEN));
    }
}
