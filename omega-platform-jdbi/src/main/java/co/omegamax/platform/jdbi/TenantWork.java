package co.omegamax.platform.jdbi;

import java.util.function.Function;

/**
 * An adapter's tenant scope as {@link JdbiStore} sees it: the one place that opens database work for a user and
 * hands it a {@link UserScopedHandle}, so no statement can miss the user filter.
 */
public interface TenantWork {
    /** Runs read-only work for a user. @return its result */
    <R> R read(String userId, Function<UserScopedHandle, R> work);

    /** Runs work for a user in one transaction; it commits only if the work returns normally. @return its result */
    <R> R write(String userId, Function<UserScopedHandle, R> work);

    /**
     * The one read that is not scoped by a user: the active workspace key with this SHA-256 hash, if any (the
     * caller is unknown until its key is resolved). Adapters must allow exactly this lookup and nothing wider.
     *
     * @return the key's owner, workspace, id and stored hash, or empty
     */
    java.util.Optional<ActiveWorkspaceKey> findActiveWorkspaceKey(String keyHash);
}
