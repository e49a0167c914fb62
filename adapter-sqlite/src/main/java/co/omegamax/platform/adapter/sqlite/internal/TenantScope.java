package co.omegamax.platform.adapter.sqlite.internal;

import co.omegamax.platform.jdbi.TenantWork;
import co.omegamax.platform.jdbi.UserScopedHandle;
import co.omegamax.platform.spi.DataStoreException;
import co.omegamax.platform.spi.Validate;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The one place where the SQLite store opens database work: it checks the acting user id and hands the work a
 * {@link UserScopedHandle}, which adds {@code user_id = ?} to every statement. Store code has no other path to
 * the database, so no method can forget the filter.
 */
public final class TenantScope implements TenantWork {
    private final Jdbi jdbi;
    private final String description;

    /** @param jdbi the database; @param description where it lives, for error messages */
    public TenantScope(Jdbi jdbi, String description) {
        this.jdbi = jdbi;
        this.description = description;
    }

    /** Runs read-only work for a user. @return its result */
    @Override
    public <R> R read(String userId, Function<UserScopedHandle, R> work) {
        String uid = Validate.userId(userId);
        try {
            return jdbi.withHandle(h -> work.apply(new UserScopedHandle(h, uid, SqliteDialect.INSTANCE)));
        } catch (JdbiException e) {
            throw failure(e);
        }
    }

    /** Runs work for a user in one (immediate) transaction; it commits only if the work returns normally. */
    @Override
    public <R> R write(String userId, Function<UserScopedHandle, R> work) {
        String uid = Validate.userId(userId);
        try {
            return jdbi.inTransaction(h -> work.apply(new UserScopedHandle(h, uid, SqliteDialect.INSTANCE)));
        } catch (JdbiException e) {
            throw failure(e);
        }
    }

    @Override
    public java.util.Optional<co.omegamax.platform.jdbi.ActiveWorkspaceKey> findActiveWorkspaceKey(String keyHash) {
        try {
            return jdbi.withHandle(h -> h.createQuery("SELECT id, user_id, workspace_id, key_hash FROM workspace_keys"
                            + " WHERE key_hash = :hash AND revoked_at IS NULL")
                    .bind("hash", keyHash)
                    .map((rs, ctx) -> new co.omegamax.platform.jdbi.ActiveWorkspaceKey(rs.getString(1), rs.getString(2),
                            rs.getString(3), rs.getString(4)))
                    .findFirst());
        } catch (JdbiException e) {
            throw failure(e);
        }
    }

    private DataStoreException failure(JdbiException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return new DataStoreException("SQLite store " + description + " failed: " + cause.getMessage()
                + " (check that the file is writable, not corrupt and not locked by another program)", e);
    }
}
