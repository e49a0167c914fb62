package co.omegamax.platform.coordination;

import co.omegamax.memory.spi.Tool;
import co.omegamax.memory.spi.ToolProvider;
import co.omegamax.platform.coordination.internal.CoordinationTools;
import co.omegamax.platform.coordination.internal.LazyCoordination;
import co.omegamax.platform.coordination.internal.SyncListener;
import co.omegamax.platform.spi.PlatformConfig;
import co.omegamax.platform.spi.Validate;
import java.util.List;
import java.util.function.Supplier;

/**
 * Adds the {@code omega_coord_*} tools to the MCP server ({@code omega serve}) when this jar is on the classpath
 * (registered in {@code META-INF/services/co.omegamax.memory.spi.ToolProvider}).
 *
 * <p>Created by ServiceLoader, it reads nothing at start-up: the first tool call loads {@link PlatformConfig},
 * opens the configured DataStore and resolves the workspace context; if the platform is not configured that call
 * (and each later one, until the config is fixed) returns a {@code not_configured} tool error saying what to set,
 * and the server keeps running. With {@code omega.sync.enabled=true} every coordination record written or deleted
 * is also queued in the sync engine's outbox ({@code co.omegamax.platform.sync}). Embedders and tests pass a ready
 * {@link CoordinationService} instead.
 */
public final class CoordinationToolProvider implements ToolProvider {
    private final CoordinationTools tools;

    /** For ServiceLoader: configuration is loaded on the first tool call ({@link PlatformConfig#load()}). */
    public CoordinationToolProvider() {
        this(PlatformConfig::load);
    }

    /** Tools over an existing service (the caller owns its store). */
    public CoordinationToolProvider(CoordinationService service) {
        Validate.notNull("service", service);
        this.tools = new CoordinationTools(() -> service);
    }

    private CoordinationToolProvider(Supplier<PlatformConfig> config) {
        this.tools = new CoordinationTools(new LazyCoordination(config, SyncListener::forConfig,
                CoordinationToolProvider.class.getClassLoader()));
    }

    /** @return tools that open their service from this configuration on first use */
    public static CoordinationToolProvider fromConfig(PlatformConfig config) {
        Validate.notNull("config", config);
        return new CoordinationToolProvider(() -> config);
    }

    @Override
    public List<Tool> tools() {
        return tools.tools();
    }

    @Override
    public String name() {
        return "omega-coordination";
    }

    @Override
    public int order() {
        return 100;
    }
}
