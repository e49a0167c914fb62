package co.omegamax.platform.sync;

import co.omegamax.memory.MemoryEngine;
import co.omegamax.memory.spi.HookEvent;
import co.omegamax.memory.spi.HookProvider;
import co.omegamax.platform.context.WorkspaceContext;
import co.omegamax.platform.spi.DataStore;
import co.omegamax.platform.spi.PlatformConfig;
import co.omegamax.platform.spi.Validate;
import co.omegamax.platform.sync.internal.LocalMemories;
import co.omegamax.platform.sync.internal.SyncSetup;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync engine as a memory-engine {@link HookProvider}: every stored, updated, superseded or deleted memory
 * and every session start and stop is queued in the {@link SyncEngine}'s outbox and pushed to the configured
 * target. It also takes coordination records ({@link #recorded}, {@link #deleted}) from the coordination service.
 *
 * <p>Found by ServiceLoader through the no-argument constructor, it reads {@link PlatformConfig} on the first
 * event: unless {@value #ENABLED} is {@code true} it does nothing at all. When enabled it opens the target named by
 * {@value #DATASTORE} (with that provider's own settings, e.g. {@code omega.sqlite.path}), resolves the
 * {@link WorkspaceContext} ({@code user-id}, {@code workspace}/{@code workspace-id}, {@code project} or
 * {@code workspace-key}) and the outbox ({@value #OUTBOX}, default {@code ~/.omega/sync-outbox.db}). If that
 * fails it logs one error naming the setting to fix and stays inactive; the memory engine keeps working.
 *
 * <p>First sync: when the memory engine {@linkplain #attach attaches} a provider that owns its sync engine
 * (configured from {@link PlatformConfig} or made by {@link #create}), a background thread
 * ({@code omega-sync-backfill}) configures sync and, if this outbox was never backfilled, queues every memory the
 * engine already holds ({@link SyncEngine#backfillOnce}); the outbox records that it ran, so restarts do not queue
 * them again. {@link #backfill()} tells when it finished. A provider fed an existing engine leaves the backfill to
 * that engine's owner ({@link SyncEngine#backfillOnce}).
 */
public final class SyncHookProvider implements HookProvider, AutoCloseable {
    /** {@code true} turns sync on. */
    public static final String ENABLED = SyncSetup.ENABLED;
    /** Provider name of the target DataStore, e.g. {@code postgres} or {@code supabase}. */
    public static final String DATASTORE = SyncSetup.DATASTORE;
    /** Path of the outbox file. */
    public static final String OUTBOX = SyncSetup.OUTBOX;
    private static final Logger LOG = LoggerFactory.getLogger(SyncHookProvider.class);

    private final Supplier<PlatformConfig> config;
    private final Object initLock = new Object();
    private volatile boolean initialised;
    private volatile SyncEngine engine;
    private DataStore ownedTarget;
    private Thread shutdownHook;
    private final boolean ownsEngine;
    private volatile CompletableFuture<Integer> backfill = CompletableFuture.completedFuture(0);

    /** For ServiceLoader: configures itself from {@link PlatformConfig#load()} on the first event. */
    public SyncHookProvider() {
        this(PlatformConfig::load);
    }

    /** Configures itself from this config on the first event (instead of loading the process config). */
    public SyncHookProvider(PlatformConfig config) {
        this(() -> config);
        Validate.notNull("config", config);
    }

    private SyncHookProvider(Supplier<PlatformConfig> config) {
        this.config = config;
        this.ownsEngine = true;
    }

    /** Feeds an existing engine (the caller keeps ownership: {@link #close()} leaves it open). */
    public SyncHookProvider(SyncEngine engine) {
        this(Validate.notNull("engine", engine), false);
    }

    /**
     * @return a provider owning a new engine that pushes to {@code target} (the caller keeps the target open)
     *     with default settings; {@link #close()} closes the engine
     */
    public static SyncHookProvider create(DataStore target, WorkspaceContext context, Path outbox, Clock clock) {
        SyncEngine e = SyncEngine.builder().target(target).context(context).outbox(outbox).clock(clock).build();
        return new SyncHookProvider(e, true);
    }

    private SyncHookProvider(SyncEngine engine, boolean owns) {
        this.config = null;
        this.engine = engine;
        this.initialised = true;
        this.ownsEngine = owns;
    }

    /**
     * Starts the first sync in the background: on a daemon thread, configures sync (see the class description)
     * and, unless this outbox was already backfilled, queues every memory {@code memories} holds. Returns at once.
     * Does nothing when this provider was given an engine it does not own.
     */
    @Override
    public void attach(MemoryEngine memories) {
        Validate.notNull("engine", memories);
        if (!ownsEngine) {
            return;
        }
        CompletableFuture<Integer> done = new CompletableFuture<>();
        backfill = done;
        Thread t = new Thread(() -> done.complete(backfillQuietly(memories)), "omega-sync-backfill");
        t.setDaemon(true);
        t.start();
    }

    /**
     * @return completes with how many existing memories the backfill started by {@link #attach} queued: 0 when
     *     sync is off, the outbox was already backfilled, no engine was attached, the sync engine is not this
     *     provider's, or it could not finish (logged; it runs again at the next start)
     */
    public CompletableFuture<Integer> backfill() {
        return backfill;
    }

    private int backfillQuietly(MemoryEngine memories) {
        try {
            Optional<SyncEngine> sync = engine();
            if (sync.isEmpty() || sync.get().backfilled()) {
                return 0;
            }
            return sync.get().backfillOnce(LocalMemories.all(memories));
        } catch (RuntimeException e) {
            LOG.warn("could not queue the existing local memories for the first sync; it is tried again at the next"
                    + " start: {}", e.getClass().getSimpleName() + ": " + e.getMessage());
            return 0;
        }
    }

    @Override
    public void onEvent(HookEvent event) {
        if (event instanceof HookEvent.QueryExecuted) {
            return;
        }
        engine().ifPresent(e -> e.record(event));
    }

    /** Queues a coordination record for sync (no-op while sync is off); see {@link SyncEngine#recorded}. */
    public void recorded(Object record) {
        engine().ifPresent(e -> e.recorded(record));
    }

    /** Queues the deletion of a coordination record (no-op while sync is off); see {@link SyncEngine#deleted}. */
    public void deleted(String kind, String id) {
        engine().ifPresent(e -> e.deleted(kind, id));
    }

    /** @return the running engine, or empty when sync is off or misconfigured (configures on first use) */
    public Optional<SyncEngine> engine() {
        if (!initialised) {
            synchronized (initLock) {
                if (!initialised) {
                    engine = configure();
                    initialised = true;
                }
            }
        }
        return Optional.ofNullable(engine);
    }

    /** @return the engine's status, or empty when sync is off */
    public Optional<SyncStatus> status() {
        return engine().map(SyncEngine::status);
    }

    @Override
    public String name() {
        return "omega-sync";
    }

    /** Closes the engine (and target) this provider opened; an engine passed in stays open. */
    @Override
    public void close() {
        synchronized (initLock) {
            initialised = true;
            SyncEngine e = engine;
            engine = null;
            try {
                if (e != null && ownsEngine) {
                    e.close();
                }
            } finally {
                if (ownedTarget != null) {
                    ownedTarget.close();
                    ownedTarget = null;
                }
                removeShutdownHook();
            }
        }
    }

    private SyncEngine configure() {
        try {
            PlatformConfig cfg = config.get();
            if (!SyncSetup.enabled(cfg)) {
                LOG.debug("sync is off ({} is not true)", ENABLED);
                return null;
            }
            SyncSetup.Opened opened = SyncSetup.open(cfg, loader(), Path.of(System.getProperty("user.home")), true)
                    .orElseThrow();
            ownedTarget = opened.target();
            shutdownHook = new Thread(this::flushAndClose, "omega-sync-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            WorkspaceContext ctx = opened.engine().context();
            LOG.info("sync on: pushing to {} as workspace {}{}", opened.targetName(), ctx.workspaceId(),
                    ctx.projectId() == null ? "" : " / project " + ctx.projectId());
            return opened.engine();
        } catch (RuntimeException e) {
            LOG.error("sync is enabled ({}) but cannot start; local memory keeps working without sync. Fix: {}",
                    ENABLED, e.getMessage());
            return null;
        }
    }

    private static ClassLoader loader() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return cl != null ? cl : SyncHookProvider.class.getClassLoader();
    }

    private void flushAndClose() {
        SyncEngine e = engine;
        if (e != null) {
            try {
                e.flush(Duration.ofSeconds(2));
            } catch (RuntimeException ex) {
                LOG.debug("final sync flush failed: {}", ex.toString());
            }
        }
        shutdownHook = null; // running as the hook: it cannot be removed any more
        close();
    }

    private void removeShutdownHook() {
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already shutting down
            }
            shutdownHook = null;
        }
    }
}
