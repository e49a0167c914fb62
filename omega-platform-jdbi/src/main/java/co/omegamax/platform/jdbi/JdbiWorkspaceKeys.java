package co.omegamax.platform.jdbi;

import co.omegamax.platform.spi.NewWorkspaceKey;
import co.omegamax.platform.spi.NotFoundException;
import co.omegamax.platform.spi.Validate;
import co.omegamax.platform.spi.WorkspaceKey;
import co.omegamax.platform.spi.WorkspaceKeyPrincipal;
import co.omegamax.platform.spi.WorkspaceKeyStore;
import co.omegamax.platform.spi.WorkspaceKeys;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * {@link WorkspaceKeyStore} over an adapter's tenant scope, shared by the SQL adapters: keys live in the
 * {@code workspace_keys} table as SHA-256 hashes only; management is scoped to the acting user like every other
 * statement, and {@link #verify} uses the scope's single unscoped lookup by hash, then compares the hash in constant
 * time. Never logs a key.
 */
public final class JdbiWorkspaceKeys implements WorkspaceKeyStore {
    private static final System.Logger LOG = System.getLogger(JdbiWorkspaceKeys.class.getName());

    private final TenantWork scope;
    private final Clock clock;
    private final RowMapper<WorkspaceKey> keyRow;

    /** @param scope the adapter's tenant scope; @param dialect its value conversions; @param clock time source */
    public JdbiWorkspaceKeys(TenantWork scope, SqlDialect dialect, Clock clock) {
        this.scope = scope;
        this.clock = clock;
        this.keyRow = (rs, ctx) -> new WorkspaceKey(rs.getString("id"), rs.getString("user_id"),
                rs.getString("workspace_id"), rs.getString("name"), rs.getString("prefix"), rs.getString("last_four"),
                dialect.readInstant(rs, "created_at"), dialect.readInstant(rs, "revoked_at"));
    }

    @Override
    public NewWorkspaceKey create(String userId, String workspaceId, String name) {
        String ws = Validate.id("workspaceId", workspaceId);
        String label = Validate.name("name", name);
        String secret = WorkspaceKeys.generate();
        return scope.write(userId, h -> {
            if (!h.from(Table.WORKSPACES).whereEq("id", ws).exists()) {
                throw new NotFoundException("workspace", ws);
            }
            String id = "wk_" + UUID.randomUUID();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", id);
            row.put("workspace_id", ws);
            row.put("name", label);
            row.put("key_hash", WorkspaceKeys.hash(secret));
            row.put("prefix", WorkspaceKeys.PREFIX);
            row.put("last_four", WorkspaceKeys.lastFour(secret));
            row.put("created_at", clock.millis());
            h.insert(Table.WORKSPACE_KEYS, row);
            LOG.log(System.Logger.Level.INFO, "created workspace key {0} for workspace {1}", id, ws);
            return new NewWorkspaceKey(h.from(Table.WORKSPACE_KEYS).whereEq("id", id).one(keyRow).orElseThrow(), secret);
        });
    }

    @Override
    public List<WorkspaceKey> list(String userId, String workspaceId) {
        String ws = Validate.id("workspaceId", workspaceId);
        return scope.read(userId, h -> h.from(Table.WORKSPACE_KEYS).whereEq("workspace_id", ws)
                .orderBy("created_at DESC, id").list(keyRow));
    }

    @Override
    public void revoke(String userId, String keyId) {
        String id = Validate.id("keyId", keyId);
        scope.write(userId, h -> {
            WorkspaceKey key = h.from(Table.WORKSPACE_KEYS).whereEq("id", id).one(keyRow)
                    .orElseThrow(() -> new NotFoundException("workspace key", id));
            if (!key.revoked()) {
                h.from(Table.WORKSPACE_KEYS).whereEq("id", id).update(Map.of("revoked_at", clock.millis()));
                LOG.log(System.Logger.Level.INFO, "revoked workspace key {0}", id);
            }
            return null;
        });
    }

    @Override
    public Optional<WorkspaceKeyPrincipal> verify(String presentedKey) {
        if (!WorkspaceKeys.isWellFormed(presentedKey)) {
            return Optional.empty();
        }
        String hash = WorkspaceKeys.hash(presentedKey);
        return scope.findActiveWorkspaceKey(hash)
                .filter(key -> WorkspaceKeys.hashesEqual(hash, key.keyHash()))
                .map(key -> new WorkspaceKeyPrincipal(key.userId(), key.workspaceId(), key.keyId()));
    }
}
