package co.omegamax.memory;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The memory engine: stores an agent's memories and recalls them by meaning and by words.
 * Implementations are thread-safe; close the engine to release the database and the model.
 *
 * <p>Every method rejects bad input with a subclass of {@link MemoryException}: empty or oversized
 * content with {@link InvalidMemoryException}, unknown ids with {@link MemoryNotFoundException}, bad
 * filters with {@link InvalidQueryException}.
 */
public interface MemoryEngine extends AutoCloseable {

    /** Stores one memory, deduplicating, evolving or superseding as the content requires. */
    StoreResult store(NewMemory memory);

    /** Stores several memories in one transaction, embedding them in one batch; results in input order. */
    List<StoreResult> storeAll(List<NewMemory> memories);

    /** Recalls memories; see {@link MemoryQuery} for filters and {@link QueryMode} for modes. */
    QueryResult query(MemoryQuery query);

    /** Reads one memory by id (any status) and counts the access. */
    Memory get(String id);

    /** Reads one memory by id without counting an access; empty if unknown. */
    Optional<Memory> find(String id);

    /** Edits a memory; returns it as it is now. */
    Memory update(String id, MemoryUpdate update);

    /** Deletes a memory and its edges; returns true if it existed. */
    boolean delete(String id);

    /** Newest first within the filters of {@code query} (its text, if any, must occur in the content). */
    List<Memory> timeline(MemoryQuery query);

    /** Records feedback; enough negative feedback flags the memory and hides it from queries. */
    FeedbackResult feedback(String id, Feedback feedback);

    /** Active memories most similar to the given one, excluding itself. */
    List<MemoryHit> similar(String id, int limit);

    /** The graph around a memory, breadth first, up to {@code maxHops} (1..3) and {@code maxNodes} (1..200). */
    MemoryGraph traverse(String id, int maxHops, int maxNodes);

    /** What an agent should know at the start of a session in the scope. */
    Briefing welcome(Scope scope);

    /** Stores a checkpoint of a task in progress. */
    StoreResult checkpoint(Checkpoint checkpoint);

    /** The latest checkpoint whose task matches {@code task} (exact title first, then by meaning). */
    Optional<Memory> resumeTask(String task, Scope scope);

    /** Sets a reminder due at {@code dueAt}. */
    StoreResult remind(String text, Instant dueAt, Scope scope);

    /** Active reminders in the scope, soonest first; only due ones if {@code dueOnly}. */
    List<Memory> reminders(Scope scope, boolean dueOnly);

    /** Dismisses (archives) a reminder. */
    void dismissReminder(String id);

    /** Lessons and error patterns, best first; about {@code topic} if it is not blank. */
    List<Memory> lessons(String topic, Scope scope, int limit);

    /** Counts and sizes. */
    MemoryStats stats();

    /** Deletes memories whose TTL ran out; returns how many. */
    int purgeExpired();

    /** Writes every memory as JSON lines (one object per line); returns how many. */
    long exportTo(OutputStream out);

    /** Reads JSON lines written by {@link #exportTo}; bad lines are reported, not fatal. */
    ImportResult importFrom(InputStream in);

    /** True when running without an embedding model (words only). */
    boolean isDegraded();

    /** Closes the database and the model. */
    @Override
    void close();
}
