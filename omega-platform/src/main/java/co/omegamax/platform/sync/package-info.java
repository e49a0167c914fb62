/**
 * The sync engine: pushes memories, sessions and coordination records created locally to a target
 * {@link co.omegamax.platform.spi.DataStore}, tagged with the {@link co.omegamax.platform.context.WorkspaceContext},
 * through a durable outbox (incremental, batched, retried with backoff, crash- and offline-safe, deletes included).
 * {@link co.omegamax.platform.sync.SyncHookProvider} plugs it into the memory engine as a HookProvider.
 */
package co.omegamax.platform.sync;
