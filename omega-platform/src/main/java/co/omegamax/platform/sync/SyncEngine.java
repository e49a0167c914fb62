package co.omegamax.platform.sync;

import co.omegamax.memory.Memory;
import co.omegamax.memory.spi.HookEvent;
import co.omegamax.platform.context.WorkspaceContext;
import co.omegamax.platform.spi.DataStore;
import co.omegamax.platform.spi.InvalidInputException;
import co.omegamax.platform.spi.Validate;
import co.omegamax.platform.sync.internal.BatchPush;
import co.omegamax.platform.sync.internal.Backoff;
import co.omegamax.platform.sync.internal.Change;
import co.omegamax.platform.sync.internal.Changes;
import co.omegamax.platform.sync.internal.Json;
import co.omegamax.platform.sync.internal.Outbox;
import co.omegamax.platform.sync.internal.OutboxEntry;
import co.omegamax.platform.sync.internal.PushLoop;
import co.omegamax.platform.sync.internal.RecordKind;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes local memories, sessions and coordination records to a target {@link DataStore}, tagged with the
 * user, workspace and project of a {@link WorkspaceContext}.
 *
 * <p>Every change is first appended to a durable SQLite outbox (one short transaction, so it is safe inside a
 * hook). A background daemon thread drains the outbox in batches of {@link SyncSettings#batchSize()}; the
 * persisted cursor moves past a batch only after the target acknowledged it. Target writes are idempotent by
 * id, so a crash between a push and the cursor update re-sends without duplicating; nothing is lost across
 * restarts or offline periods. While the target is unreachable pushes are retried with exponential backoff
 * and jitter; a record the target rejects permanently is parked as a {@link DeadLetter} so the queue keeps
 * flowing.
 *
 * <pre>{@code
 * try (SyncEngine sync = SyncEngine.builder().target(store).context(ctx).outbox(Path.of("outbox.db")).build()) {
 *     HookedMemoryEngine engine = new HookedMemoryEngine(local,
 *             HookRegistry.builder().add(new SyncHookProvider(sync)).build());
 *     engine.store(NewMemory.of("Use Flyway for migrations", EventType.DECISION));
 *     sync.flush(Duration.ofSeconds(5));
 * }
 * }</pre>
 */
public final class SyncEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);
    private static final String BACKFILL_FLAG = "backfill_done_at";
    private static final int WARN_EVERY = 10;

    private final Outbox outbox;
    private final WorkspaceContext context;
    private final SyncSettings settings;
    private final Clock clock;
    private final Changes changes;
    private final BatchPush push;
    private final PushLoop loop;
    private final boolean background;
    private final ReentrantLock pushLock = new ReentrantLock();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong records = new AtomicLong();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile Instant lastErrorAt;
    private volatile String lastError;
    private volatile boolean closed;

    private SyncEngine(Builder b) {
        this.context = b.context;
        this.settings = b.settings;
        this.clock = b.clock;
        this.background = b.background;
        Json json = new Json();
        this.changes = new Changes(json);
        this.push = new BatchPush(b.target, b.context, json);
        this.outbox = Outbox.open(b.outbox);
        this.loop = new PushLoop(Path.of(outbox.file() + ".lock"), this::pushOnceQuietly,
                new Backoff(settings.initialBackoff(), settings.maxBackoff(), () -> ThreadLocalRandom.current().nextDouble()),
                settings.pollInterval(), "omega-sync-pusher");
        long pending = outbox.pending();
        if (pending > 0) {
            LOG.info("sync outbox {} has {} change(s) waiting from before; pushing them to workspace {}",
                    outbox.file(), pending, context.workspaceId());
            if (background) {
                loop.start();
            }
        }
    }

    /** @return a builder; target, context and outbox are required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return who and where the pushed records are tagged with */
    public WorkspaceContext context() {
        return context;
    }

    /**
     * Queues what a memory-engine event changed (stores, updates, supersedes, deletes, session starts and
     * stops; queries change nothing). Returns after one local append.
     */
    public void record(HookEvent event) {
        Validate.notNull("event", event);
        ensureOpen();
        if (event instanceof HookEvent.SessionStarted s && s.sessionId() != null) {
            outbox.rememberSessionStart(s.sessionId(), s.at());
        }
        List<Change> c = changes.of(event, outbox::sessionStart);
        if (c.isEmpty() && event instanceof HookEvent.MemoryStored s && s.memory() == null) {
            LOG.warn("memory {} was stored but could not be read back for sync; it will be pushed with its next"
                    + " change", s.result().id());
        }
        enqueue(c);
        if (event instanceof HookEvent.SessionStopped s && s.sessionId() != null) {
            outbox.forgetSessionStart(s.sessionId());
        }
    }

    /**
     * Queues a coordination record (a {@code Session}, {@code Task}, {@code Message}, {@code Handoff} or
     * {@code CoordinationEvent} of the platform SPI); it is pushed tagged with the context's workspace and project.
     *
     * @throws InvalidInputException for any other object
     */
    public void recorded(Object coordinationRecord) {
        ensureOpen();
        enqueue(List.of(changes.coordination(coordinationRecord)));
    }

    /**
     * Queues the deletion of a coordination record.
     *
     * @param kind {@code session}, {@code task}, {@code handoff} or a {@code CoordinationKind} name
     * @param id   the record's id
     * @throws InvalidInputException for an unknown kind or a blank id
     */
    public void deleted(String kind, String id) {
        RecordKind k = RecordKind.parse(kind);
        if (k == RecordKind.MEMORY || k == RecordKind.MESSAGE) {
            throw new InvalidInputException("kind", "'" + kind + "' is not a deletable coordination record kind;"
                    + " memories are deleted through the memory engine, messages with their session");
        }
        Validate.id("id", id);
        ensureOpen();
        enqueue(List.of(Change.delete(k, id)));
    }

    /**
     * Queues every given memory once per outbox: the first call after sync was enabled queues them (the
     * "X memories synced" first run); later calls do nothing.
     *
     * @return how many memories were queued (0 if a backfill already ran)
     */
    public int backfillOnce(Iterable<Memory> memories) {
        Validate.notNull("memories", memories);
        ensureOpen();
        List<Change> all = new ArrayList<>();
        for (Memory m : memories) {
            all.add(changes.memory(m));
        }
        if (!outbox.appendOnce(BACKFILL_FLAG, all, clock.instant())) {
            return 0;
        }
        LOG.info("queued {} existing local memories for the first sync to workspace {}", all.size(),
                context.workspaceId());
        afterAppend();
        return all.size();
    }

    /** @return true once {@link #backfillOnce} queued this outbox's existing memories (it then does nothing) */
    public boolean backfilled() {
        ensureOpen();
        return outbox.state(BACKFILL_FLAG).isPresent();
    }

    /**
     * Pushes waiting batches in the caller's thread until the outbox is empty or a push fails (the failure is
     * recorded in {@link #status()}, not thrown).
     *
     * @return how many batches the target acknowledged
     */
    public int pushPending() {
        ensureOpen();
        int n = 0;
        while (pushOnceQuietly() == PushLoop.Result.PUSHED) {
            n++;
        }
        return n;
    }

    /**
     * Starts the background pusher if needed and waits until the outbox is empty.
     *
     * @return true if it emptied within {@code timeout}
     */
    public boolean flush(Duration timeout) {
        Validate.notNull("timeout", timeout);
        ensureOpen();
        loop.start();
        loop.wake();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (outbox.pending() > 0) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        pushLock.lock(); // the batch that emptied the outbox finishes its bookkeeping (status) first
        pushLock.unlock();
        return true;
    }

    /** @return the backlog and health of this engine */
    public SyncStatus status() {
        ensureOpen();
        return new SyncStatus(outbox.pending(), outbox.deadLetterCount(), outbox.lastSuccess().orElse(null),
                lastErrorAt, lastError, failures.get(), batches.get(), records.get(), loop.isPushing());
    }

    /** @return up to {@code limit} (1..500) parked entries, oldest first */
    public List<DeadLetter> deadLetters(int limit) {
        if (limit < 1 || limit > Validate.MAX_BATCH) {
            throw new InvalidInputException("limit", "must be between 1 and " + Validate.MAX_BATCH + ", was " + limit);
        }
        ensureOpen();
        return outbox.deadLetters(limit);
    }

    /** Stops the pusher after the batch in flight and closes the outbox; queued changes stay for the next run. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        loop.stop(Duration.ofSeconds(5));
        pushLock.lock();
        try {
            outbox.close();
        } finally {
            pushLock.unlock();
        }
    }

    private void enqueue(List<Change> c) {
        if (c.isEmpty()) {
            return;
        }
        outbox.append(c, clock.instant());
        afterAppend();
    }

    private void afterAppend() {
        if (background) {
            loop.start();
            loop.wake();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the sync engine is closed; open a new one on the same outbox to"
                    + " continue (queued changes are kept)");
        }
    }

    /** One batch: read, push, acknowledge. Never throws; failures are recorded and logged. */
    private PushLoop.Result pushOnceQuietly() {
        pushLock.lock();
        try {
            if (closed) {
                return PushLoop.Result.EMPTY;
            }
            List<OutboxEntry> batch = outbox.next(settings.batchSize());
            if (batch.isEmpty()) {
                return PushLoop.Result.EMPTY;
            }
            long start = System.nanoTime();
            BatchPush.Outcome outcome = push.push(batch);
            Instant now = clock.instant();
            outbox.acknowledge(batch.get(batch.size() - 1).seq(), outcome.parked(), now);
            batches.incrementAndGet();
            records.addAndGet(batch.size());
            outcome.parked().forEach(p -> LOG.warn("sync target rejected {} {} ({}); parked it in the dead letters"
                    + " of {}: {}", p.entry().change().kind().wire(), p.entry().change().recordId(),
                    p.entry().change().operation().wire(), outbox.file(), p.reason()));
            int failed = failures.getAndSet(0);
            if (failed > 0) {
                LOG.info("sync target reachable again after {} failed attempt(s); backlog {}", failed,
                        outbox.pending());
            }
            LOG.debug("pushed {} outbox entries ({} records, {} parked, {} target calls) in {} ms", batch.size(),
                    outcome.applied(), outcome.parked().size(), outcome.calls(),
                    (System.nanoTime() - start) / 1_000_000);
            return PushLoop.Result.PUSHED;
        } catch (RuntimeException e) {
            int n = failures.incrementAndGet();
            lastErrorAt = clock.instant();
            lastError = describe(e);
            if (n == 1 || n % WARN_EVERY == 0) {
                LOG.warn("sync push to workspace {} failed (attempt {}), retrying with backoff; local changes stay"
                        + " queued: {}", context.workspaceId(), n, lastError);
            } else {
                LOG.debug("sync push failed (attempt {}): {}", n, lastError);
            }
            return PushLoop.Result.FAILED;
        } finally {
            pushLock.unlock();
        }
    }

    private static String describe(RuntimeException e) {
        String m = e.getClass().getSimpleName() + ": " + e.getMessage();
        return m.length() > 300 ? m.substring(0, 300) + "…" : m;
    }

    /** Options of {@link SyncEngine}. */
    public static final class Builder {
        private DataStore target;
        private WorkspaceContext context;
        private Path outbox;
        private Clock clock = Clock.systemUTC();
        private SyncSettings settings = SyncSettings.defaults();
        private boolean background = true;

        private Builder() {
        }

        /** The store records are pushed to (required; the caller keeps ownership). @return this */
        public Builder target(DataStore target) {
            this.target = Validate.notNull("target", target);
            return this;
        }

        /** User, workspace and project every pushed record is tagged with (required). @return this */
        public Builder context(WorkspaceContext context) {
            this.context = Validate.notNull("context", context);
            return this;
        }

        /** The outbox file (required; created with its directories if missing). @return this */
        public Builder outbox(Path outbox) {
            this.outbox = Validate.notNull("outbox", outbox);
            return this;
        }

        /** Clock of enqueue, acknowledgement and error times (default UTC system clock). @return this */
        public Builder clock(Clock clock) {
            this.clock = Validate.notNull("clock", clock);
            return this;
        }

        /** Batch size, backoff and polling (default {@link SyncSettings#defaults()}). @return this */
        public Builder settings(SyncSettings settings) {
            this.settings = Validate.notNull("settings", settings);
            return this;
        }

        /**
         * Whether a background thread pushes as soon as changes arrive (default true). When false, nothing is
         * pushed until {@link SyncEngine#pushPending()} or {@link SyncEngine#flush} is called.
         * @return this
         */
        public Builder background(boolean background) {
            this.background = background;
            return this;
        }

        /** @return the engine, with its outbox open; @throws InvalidInputException if a required part is missing */
        public SyncEngine build() {
            Validate.notNull("target", target);
            Validate.notNull("context", context);
            Validate.notNull("outbox", outbox);
            Validate.userId(context.userId());
            Validate.id("context.workspaceId", context.workspaceId());
            return new SyncEngine(this);
        }
    }
}
