package co.omegamax.platform.sync.internal;

import co.omegamax.platform.context.WorkspaceContext;
import co.omegamax.platform.spi.ConfigurationException;
import co.omegamax.platform.spi.DataStore;
import co.omegamax.platform.spi.PlatformConfig;
import co.omegamax.platform.spi.Providers;
import co.omegamax.platform.sync.SyncEngine;
import co.omegamax.platform.sync.SyncSettings;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Opens a {@link SyncEngine} from configuration: the target named by {@value #DATASTORE} (with that provider's own
 * settings), the {@link WorkspaceContext}, the outbox ({@value #OUTBOX}, default {@code ~/.omega/sync-outbox.db})
 * and {@link SyncSettings#from}.
 */
public final class SyncSetup {
    /** {@code true} turns sync on. */
    public static final String ENABLED = "omega.sync.enabled";
    /** Provider name of the target DataStore. */
    public static final String DATASTORE = "omega.sync.datastore";
    /** Path of the outbox file. */
    public static final String OUTBOX = "omega.sync.outbox";

    private SyncSetup() {
    }

    /** An engine and the target it owns; closing closes both. */
    public record Opened(SyncEngine engine, DataStore target, String targetName) implements AutoCloseable {
        @Override
        public void close() {
            try {
                engine.close();
            } finally {
                target.close();
            }
        }
    }

    /** @return true when {@value #ENABLED} is true */
    public static boolean enabled(PlatformConfig config) {
        return config.getBoolean(ENABLED, false);
    }

    /**
     * @param userHome   home directory for the default outbox
     * @param background whether the engine pushes in a background thread
     * @return the engine, or empty when sync is off
     * @throws RuntimeException (mostly {@link ConfigurationException}) saying what to fix; nothing stays open then
     */
    public static Optional<Opened> open(PlatformConfig config, ClassLoader loader, Path userHome, boolean background) {
        if (!enabled(config)) {
            return Optional.empty();
        }
        String name = config.get(DATASTORE).orElseThrow(() -> new ConfigurationException(ENABLED + " is true but "
                + DATASTORE + " (the sync target) is not set; " + PlatformConfig.howToSet(DATASTORE)
                + ", e.g. postgres or supabase, or turn sync off"));
        SyncSettings settings = SyncSettings.from(config);
        Path outbox = config.getPath(OUTBOX).orElse(userHome.resolve(".omega").resolve("sync-outbox.db"));
        DataStore target = Providers.openDataStore(targetConfig(config, name), loader);
        try {
            WorkspaceContext ctx = WorkspaceContext.resolve(config, target);
            SyncEngine engine = SyncEngine.builder().target(target).context(ctx).outbox(outbox).settings(settings)
                    .background(background).build();
            return Optional.of(new Opened(engine, target, name));
        } catch (RuntimeException e) {
            target.close();
            throw e;
        }
    }

    private static PlatformConfig targetConfig(PlatformConfig cfg, String name) {
        PlatformConfig.Builder b = PlatformConfig.builder();
        for (String key : cfg.keys()) {
            cfg.get(key).ifPresent(v -> b.set(key, v));
        }
        return b.set(PlatformConfig.DATASTORE, name).build();
    }
}
