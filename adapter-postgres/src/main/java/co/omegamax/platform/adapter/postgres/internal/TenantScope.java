package co.omegamax.platform.adapter.postgres.internal;

import co.omegamax.platform.jdbi.Json;
import co.omegamax.platform.jdbi.TenantWork;
import co.omegamax.platform.jdbi.UserScopedHandle;
import co.omegamax.platform.spi.DataStoreException;
import co.omegamax.platform.spi.Validate;
import java.util.Map;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The one place where the PostgreSQL store opens database work. Each unit of work runs in one explicit
 * transaction whose first statement is {@code select set_config('request.jwt.claims', ?, true)}: the tenant
 * context is transaction-local, so it ends with the commit or rollback and a pooled connection never carries it to
 * the next borrower. The work gets a {@link UserScopedHandle}, which also adds {@code user_id = ?} to every
 * statement: the application-level filter, with Row Level Security as the safety net under it.
 */
public final class TenantScope implements TenantWork {
    private final Jdbi jdbi;
    private final String description;
    private final Json json = new Json();

    /** @param jdbi the application role's database; @param description where it lives (no credentials) */
    public TenantScope(Jdbi jdbi, String description) {
        this.jdbi = jdbi;
        this.description = description;
    }

    /** Runs read-only work for a user in one transaction carrying the user's RLS context. */
    @Override
    public <R> R read(String userId, Function<UserScopedHandle, R> work) {
        return inTenantTransaction(userId,
                h -> work.apply(new UserScopedHandle(h, Validate.userId(userId), PgDialect.INSTANCE)));
    }

    /** Runs work for a user in one transaction; it commits only if the work returns normally. */
    @Override
    public <R> R write(String userId, Function<UserScopedHandle, R> work) {
        return inTenantTransaction(userId,
                h -> work.apply(new UserScopedHandle(h, Validate.userId(userId), PgDialect.INSTANCE)));
    }

    /**
     * Runs work on a raw handle inside a transaction carrying {@code userId}'s RLS context and nothing else: no
     * application-level filter. Used by the schema verification and by the safety-net tests, which prove that RLS
     * alone keeps other users' rows out; store code uses {@link #read} and {@link #write}.
     */
    public <R> R inTenantTransaction(String userId, HandleCallback<R, RuntimeException> work) {
        String uid = Validate.userId(userId);
        String claims = json.write(Map.of("sub", uid, "role", "authenticated"));
        try {
            return jdbi.inTransaction(h -> {
                setClaims(h, claims);
                return work.withHandle(h);
            });
        } catch (JdbiException e) {
            throw failure(e);
        }
    }

    /**
     * The one lookup without a user: inside its own transaction, sets the presented key's hash as
     * {@code omega.key_hash}, which the {@code key_lookup} policy matches, so exactly that key's row is visible.
     */
    @Override
    public java.util.Optional<co.omegamax.platform.jdbi.ActiveWorkspaceKey> findActiveWorkspaceKey(String keyHash) {
        try {
            return jdbi.inTransaction(h -> {
                h.createQuery("select set_config('omega.key_hash', :hash, true)").bind("hash", keyHash)
                        .mapTo(String.class).one();
                return h.createQuery("SELECT id, user_id, workspace_id::text AS workspace_id, key_hash FROM workspace_keys"
                                + " WHERE key_hash = :hash AND revoked_at IS NULL")
                        .bind("hash", keyHash)
                        .map((rs, ctx) -> new co.omegamax.platform.jdbi.ActiveWorkspaceKey(rs.getString(1),
                                rs.getString(2), rs.getString(3), rs.getString(4)))
                        .findFirst();
            });
        } catch (JdbiException e) {
            throw failure(e);
        }
    }

    private static void setClaims(Handle h, String claims) {
        h.createQuery("select set_config('request.jwt.claims', :claims, true)").bind("claims", claims)
                .mapTo(String.class).one();
    }

    private DataStoreException failure(JdbiException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return new DataStoreException("PostgreSQL store " + description + " failed: " + cause.getMessage()
                + " (check that the server is reachable and the schema is migrated; see PostgresSchemaTools)", e);
    }
}
