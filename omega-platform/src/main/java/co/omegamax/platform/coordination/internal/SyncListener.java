package co.omegamax.platform.coordination.internal;

import co.omegamax.platform.coordination.CoordinationListener;
import co.omegamax.platform.spi.PlatformConfig;
import co.omegamax.platform.sync.SyncHookProvider;
import java.util.Objects;

/**
 * Passes coordination records to the sync engine's durable outbox. With {@code omega.sync.enabled=true} the tool
 * provider opens its own {@link SyncHookProvider} on the shared outbox file (the outbox is safe for several
 * engines and processes on one file, which is also what several {@code omega serve} processes do).
 */
public final class SyncListener implements CoordinationListener {
    private final SyncHookProvider sync;

    /** Feeds this sync provider (the caller keeps ownership). */
    public SyncListener(SyncHookProvider sync) {
        this.sync = Objects.requireNonNull(sync, "sync");
    }

    /**
     * @return a listener feeding a sync provider configured from {@code config} when {@value SyncHookProvider#ENABLED}
     *     is true (it closes itself when the JVM exits), else {@link CoordinationListener#NONE}
     */
    public static CoordinationListener forConfig(PlatformConfig config) {
        if (!config.getBoolean(SyncHookProvider.ENABLED, false)) {
            return CoordinationListener.NONE;
        }
        SyncHookProvider provider = new SyncHookProvider(config);
        Runtime.getRuntime().addShutdownHook(new Thread(provider::close, "omega-coordination-sync-close"));
        return new SyncListener(provider);
    }

    @Override
    public void recorded(Object record) {
        sync.recorded(record);
    }

    @Override
    public void deleted(String kind, String id) {
        sync.deleted(kind, id);
    }
}
