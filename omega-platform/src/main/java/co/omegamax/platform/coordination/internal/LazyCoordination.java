package co.omegamax.platform.coordination.internal;

import co.omegamax.platform.context.WorkspaceContext;
import co.omegamax.platform.coordination.CoordinationListener;
import co.omegamax.platform.coordination.CoordinationService;
import co.omegamax.platform.coordination.CoordinationSettings;
import co.omegamax.platform.coordination.CoordinationToolException;
import co.omegamax.platform.spi.PlatformConfig;
import co.omegamax.platform.spi.PlatformException;
import co.omegamax.platform.spi.PlatformServices;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the coordination service on first use from the platform configuration: the configured DataStore
 * ({@code omega.datastore}), the workspace context ({@link WorkspaceContext#resolve}) and the coordination
 * settings. A failure is reported as a {@code not_configured} tool error naming what to set, and retried on the
 * next call, so fixing the config needs no server restart. The opened store is closed when the JVM exits.
 */
public final class LazyCoordination implements Supplier<CoordinationService> {
    private static final Logger LOG = LoggerFactory.getLogger(LazyCoordination.class);

    private final Supplier<PlatformConfig> config;
    private final Function<PlatformConfig, CoordinationListener> listeners;
    private final ClassLoader loader;
    private CoordinationService service;

    /**
     * @param config    where the configuration comes from (read on each attempt until one succeeds)
     * @param listeners the listener to report writes to, given the configuration (e.g. the sync outbox)
     * @param loader    class loader to discover the DataStore provider with
     */
    public LazyCoordination(Supplier<PlatformConfig> config, Function<PlatformConfig, CoordinationListener> listeners,
                            ClassLoader loader) {
        this.config = Objects.requireNonNull(config, "config");
        this.listeners = Objects.requireNonNull(listeners, "listeners");
        this.loader = Objects.requireNonNull(loader, "loader");
    }

    @Override
    public synchronized CoordinationService get() {
        if (service != null) {
            return service;
        }
        PlatformServices opened = null;
        try {
            PlatformConfig cfg = config.get();
            CoordinationSettings settings = CoordinationSettings.from(cfg);
            opened = PlatformServices.builder().config(cfg).classLoader(loader).build();
            WorkspaceContext context = WorkspaceContext.resolve(cfg, opened.dataStore());
            CoordinationService built = CoordinationService.builder(opened.dataStore(), context).settings(settings)
                    .listener(listeners.apply(cfg)).build();
            PlatformServices toClose = opened;
            Runtime.getRuntime().addShutdownHook(new Thread(toClose::close, "omega-coordination-close"));
            LOG.info("coordination tools use workspace {} (project {})", context.workspaceId(), context.projectId());
            service = built;
            return built;
        } catch (PlatformException e) {
            if (opened != null) {
                opened.close();
            }
            throw new CoordinationToolException(CoordinationToolException.Code.NOT_CONFIGURED,
                    "the coordination tools need the OMEGA platform configured: " + e.getMessage()
                            + " (set it in ~/.omega/config.yaml or OMEGA_* environment variables, then call the tool "
                            + "again)", e);
        }
    }
}
