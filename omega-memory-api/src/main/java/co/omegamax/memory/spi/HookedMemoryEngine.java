package co.omegamax.memory.spi;

import co.omegamax.memory.Briefing;
import co.omegamax.memory.Checkpoint;
import co.omegamax.memory.Feedback;
import co.omegamax.memory.FeedbackResult;
import co.omegamax.memory.ImportResult;
import co.omegamax.memory.Memory;
import co.omegamax.memory.MemoryEngine;
import co.omegamax.memory.MemoryGraph;
import co.omegamax.memory.MemoryHit;
import co.omegamax.memory.MemoryQuery;
import co.omegamax.memory.MemoryStats;
import co.omegamax.memory.MemoryUpdate;
import co.omegamax.memory.NewMemory;
import co.omegamax.memory.QueryResult;
import co.omegamax.memory.Scope;
import co.omegamax.memory.StoreResult;
import co.omegamax.memory.StoreStatus;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link MemoryEngine} that fires {@link HookEvent}s to a {@link HookRegistry} after the wrapped
 * engine returned. The delegate's result is computed (and, for writes, committed) first; only then are
 * hooks called, each within its time budget, and nothing a hook does can change or lose that result.
 *
 * <p>Events: {@code store}, {@code storeAll}, {@code checkpoint} and {@code remind} fire
 * {@link HookEvent.MemoryStored} per stored memory (plus {@link HookEvent.MemorySuperseded} when it
 * replaced one); {@code update} and {@code dismissReminder} fire {@link HookEvent.MemoryUpdated};
 * {@code delete} fires {@link HookEvent.MemoryDeleted} when something was deleted; {@code query} fires
 * {@link HookEvent.QueryExecuted}. {@link #sessionStarted} and {@link #sessionStopped} are called by the
 * driving adapter (MCP server, CLI hooks). Imports, feedback and purges fire nothing.
 *
 * <p>Construction binds the registry to this engine: every provider's {@link HookProvider#attach} is scheduled on
 * its hook thread before any event (the constructor does not wait for it).
 */
public final class HookedMemoryEngine implements MemoryEngine {
    private static final System.Logger LOG = System.getLogger(HookedMemoryEngine.class.getName());

    private final MemoryEngine delegate;
    private final HookRegistry hooks;
    private final Clock clock;

    /** Wraps {@code delegate}; closing this engine closes the delegate and the registry. */
    public HookedMemoryEngine(MemoryEngine delegate, HookRegistry hooks) {
        this(delegate, hooks, Clock.systemUTC());
    }

    /** Wraps {@code delegate} with a clock for event times, and attaches the hook providers to this engine. */
    public HookedMemoryEngine(MemoryEngine delegate, HookRegistry hooks, Clock clock) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.hooks = Objects.requireNonNull(hooks, "hooks");
        this.clock = Objects.requireNonNull(clock, "clock");
        hooks.attach(this);
    }

    /** The wrapped engine. */
    public MemoryEngine delegate() {
        return delegate;
    }

    /** The hooks. */
    public HookRegistry hooks() {
        return hooks;
    }

    /** Fires {@link HookEvent.SessionStarted}. */
    public void sessionStarted(String sessionId, String agentType, Scope scope) {
        fire(() -> new HookEvent.SessionStarted(sessionId, agentType, scope, clock.instant()));
    }

    /** Fires {@link HookEvent.SessionStopped}. */
    public void sessionStopped(String sessionId, String agentType, Scope scope) {
        fire(() -> new HookEvent.SessionStopped(sessionId, agentType, scope, clock.instant()));
    }

    private interface EventSupplier {
        HookEvent get();
    }

    /** Builds and delivers an event; nothing escapes. */
    private void fire(EventSupplier event) {
        if (hooks.isEmpty()) {
            return;
        }
        try {
            hooks.deliver(event.get());
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "could not deliver a hook event: " + e, e);
        }
    }

    private void stored(StoreResult r) {
        if (hooks.isEmpty() || r.status() == StoreStatus.BLOCKED) {
            return;
        }
        fire(() -> new HookEvent.MemoryStored(r, readBack(r.id()), clock.instant()));
        if (r.status() == StoreStatus.SUPERSEDED && r.relatedId() != null) {
            fire(() -> new HookEvent.MemorySuperseded(r.id(), r.relatedId(), clock.instant()));
        }
    }

    private Memory readBack(String id) {
        try {
            return delegate.find(id).orElse(null);
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "could not read back " + id + " for a hook event: " + e);
            return null;
        }
    }

    @Override
    public StoreResult store(NewMemory memory) {
        StoreResult r = delegate.store(memory);
        stored(r);
        return r;
    }

    @Override
    public List<StoreResult> storeAll(List<NewMemory> memories) {
        List<StoreResult> rs = delegate.storeAll(memories);
        rs.forEach(this::stored);
        return rs;
    }

    @Override
    public QueryResult query(MemoryQuery query) {
        long start = System.nanoTime();
        QueryResult r = delegate.query(query);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        fire(() -> new HookEvent.QueryExecuted(query, r, took, clock.instant()));
        return r;
    }

    @Override
    public Memory get(String id) {
        return delegate.get(id);
    }

    @Override
    public Optional<Memory> find(String id) {
        return delegate.find(id);
    }

    @Override
    public Memory update(String id, MemoryUpdate update) {
        Memory m = delegate.update(id, update);
        fire(() -> new HookEvent.MemoryUpdated(m, update, clock.instant()));
        return m;
    }

    @Override
    public boolean delete(String id) {
        boolean deleted = delegate.delete(id);
        if (deleted) {
            fire(() -> new HookEvent.MemoryDeleted(id, clock.instant()));
        }
        return deleted;
    }

    @Override
    public List<Memory> timeline(MemoryQuery query) {
        return delegate.timeline(query);
    }

    @Override
    public FeedbackResult feedback(String id, Feedback feedback) {
        return delegate.feedback(id, feedback);
    }

    @Override
    public List<MemoryHit> similar(String id, int limit) {
        return delegate.similar(id, limit);
    }

    @Override
    public MemoryGraph traverse(String id, int maxHops, int maxNodes) {
        return delegate.traverse(id, maxHops, maxNodes);
    }

    @Override
    public Briefing welcome(Scope scope) {
        return delegate.welcome(scope);
    }

    @Override
    public StoreResult checkpoint(Checkpoint checkpoint) {
        StoreResult r = delegate.checkpoint(checkpoint);
        stored(r);
        return r;
    }

    @Override
    public Optional<Memory> resumeTask(String task, Scope scope) {
        return delegate.resumeTask(task, scope);
    }

    @Override
    public StoreResult remind(String text, Instant dueAt, Scope scope) {
        StoreResult r = delegate.remind(text, dueAt, scope);
        stored(r);
        return r;
    }

    @Override
    public List<Memory> reminders(Scope scope, boolean dueOnly) {
        return delegate.reminders(scope, dueOnly);
    }

    @Override
    public void dismissReminder(String id) {
        delegate.dismissReminder(id);
        fire(() -> new HookEvent.MemoryUpdated(delegate.find(id).orElseThrow(),
                co.omegamax.memory.MemoryUpdate.status(co.omegamax.memory.MemoryStatus.ARCHIVED), clock.instant()));
    }

    @Override
    public List<Memory> lessons(String topic, Scope scope, int limit) {
        return delegate.lessons(topic, scope, limit);
    }

    @Override
    public MemoryStats stats() {
        return delegate.stats();
    }

    @Override
    public int purgeExpired() {
        return delegate.purgeExpired();
    }

    @Override
    public long exportTo(OutputStream out) {
        return delegate.exportTo(out);
    }

    @Override
    public ImportResult importFrom(InputStream in) {
        return delegate.importFrom(in);
    }

    @Override
    public boolean isDegraded() {
        return delegate.isDegraded();
    }

    @Override
    public void close() {
        try {
            hooks.close();
        } finally {
            delegate.close();
        }
    }
}
