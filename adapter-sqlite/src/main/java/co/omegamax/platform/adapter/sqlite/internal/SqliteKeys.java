package co.omegamax.platform.adapter.sqlite.internal;

import co.omegamax.platform.jdbi.Table;
import co.omegamax.platform.spi.NewWorkspaceKey;
import co.omegamax.platform.spi.NotFoundException;
import co.omegamax.platform.spi.Validate;
import co.omegamax.platform.spi.WorkspaceKey;
import co.omegamax.platform.spi.WorkspaceKeyPrincipal;
import co.omegamax.platform.spi.WorkspaceKeyStore;
import co.omegamax.platform.spi.WorkspaceKeys;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * {@link WorkspaceKeyStore} on the adapter's SQLite file. Management goes through {@link TenantScope} like every
 * other query; {@link #verify} uses the single unscoped lookup by hash and compares the hash in constant time.
 */
public final class SqliteKeys implements WorkspaceKeyStore, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SqliteKeys.class.getName());
    private static final RowMapper<WorkspaceKey> KEY = (rs, ctx) -> new WorkspaceKey(rs.getString("id"),
            rs.getString("user_id"), rs.getString("workspace_id"), rs.getString("name"), rs.getString("prefix"),
            rs.getString("last_four"), SqliteDialect.instant(rs, "created_at"), SqliteDialect.instant(rs, "revoked_at"));

    private final TenantScope scope;
    private final Clock clock;

    /** @param file SQLite file (created and migrated as needed); @param clock time source */
    public SqliteKeys(Path file, Clock clock, int busyTimeoutMillis) {
        this.scope = new TenantScope(Database.open(file, busyTimeoutMillis), file.toAbsolutePath().toString());
        this.clock = clock;
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
            Instant now = clock.instant();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", id);
            row.put("workspace_id", ws);
            row.put("name", label);
            row.put("key_hash", WorkspaceKeys.hash(secret));
            row.put("prefix", WorkspaceKeys.PREFIX);
            row.put("last_four", WorkspaceKeys.lastFour(secret));
            row.put("created_at", now.toEpochMilli());
            h.insert(Table.WORKSPACE_KEYS, row);
            LOG.log(System.Logger.Level.INFO, "created workspace key {0} for workspace {1}", id, ws);
            return new NewWorkspaceKey(h.from(Table.WORKSPACE_KEYS).whereEq("id", id).one(KEY).orElseThrow(), secret);
        });
    }

    @Override
    public List<WorkspaceKey> list(String userId, String workspaceId) {
        String ws = Validate.id("workspaceId", workspaceId);
        return scope.read(userId, h -> h.from(Table.WORKSPACE_KEYS).whereEq("workspace_id", ws)
                .orderBy("created_at DESC, id").list(KEY));
    }

    @Override
    public void revoke(String userId, String keyId) {
        String id = Validate.id("keyId", keyId);
        scope.write(userId, h -> {
            WorkspaceKey key = h.from(Table.WORKSPACE_KEYS).whereEq("id", id).one(KEY)
                    .orElseThrow(() -> new NotFoundException("workspace key", id));
            if (!key.revoked()) {
                h.from(Table.WORKSPACE_KEYS).whereEq("id", id).update(Map.of("revoked_at", clock.instant().toEpochMilli()));
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
                .filter(row -> WorkspaceKeys.hashesEqual(hash, row[3]))
                .map(row -> new WorkspaceKeyPrincipal(row[1], row[2], row[0]));
    }

    @Override
    public void close() {
        // connections are opened per call; nothing to release
    }
}
