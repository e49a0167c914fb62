package co.omegamax.memory.spi;

import co.omegamax.memory.Memory;
import co.omegamax.memory.MemoryQuery;
import co.omegamax.memory.MemoryUpdate;
import co.omegamax.memory.QueryResult;
import co.omegamax.memory.Scope;
import co.omegamax.memory.StoreResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A lifecycle event of the memory engine, delivered to every {@link HookProvider} after the operation
 * that caused it has completed (and, for writes, committed).
 */
public sealed interface HookEvent {

    /** When the event happened. */
    Instant at();

    /**
     * A memory was stored: created, deduplicated into an existing one, or evolved. Not fired for
     * {@link co.omegamax.memory.StoreStatus#BLOCKED} results.
     *
     * @param result what the engine did
     * @param memory the memory as stored, or {@code null} if it could not be read back
     * @param at when
     */
    record MemoryStored(StoreResult result, Memory memory, Instant at) implements HookEvent {
        /** Checks the parts. */
        public MemoryStored {
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * A new memory replaced an older one it contradicts; fired after the {@link MemoryStored} of the new one.
     *
     * @param newId the replacing memory
     * @param oldId the superseded memory
     * @param at when
     */
    record MemorySuperseded(String newId, String oldId, Instant at) implements HookEvent {
        /** Checks the parts. */
        public MemorySuperseded {
            Objects.requireNonNull(newId, "newId");
            Objects.requireNonNull(oldId, "oldId");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * A memory was edited (content, tags, status, ...).
     *
     * @param memory the memory as it is now
     * @param update the edit
     * @param at when
     */
    record MemoryUpdated(Memory memory, MemoryUpdate update, Instant at) implements HookEvent {
        /** Checks the parts. */
        public MemoryUpdated {
            Objects.requireNonNull(memory, "memory");
            Objects.requireNonNull(update, "update");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * A memory was deleted.
     *
     * @param id the deleted memory
     * @param at when
     */
    record MemoryDeleted(String id, Instant at) implements HookEvent {
        /** Checks the parts. */
        public MemoryDeleted {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * A query ran.
     *
     * @param query the query
     * @param result what it returned
     * @param took how long the engine took
     * @param at when it finished
     */
    record QueryExecuted(MemoryQuery query, QueryResult result, Duration took, Instant at) implements HookEvent {
        /** Checks the parts. */
        public QueryExecuted {
            Objects.requireNonNull(query, "query");
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(took, "took");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * An agent session started (the MCP server was initialised, or a Claude Code session-start hook ran).
     *
     * @param sessionId the session, or {@code null} if the client gave none
     * @param agentType kind of agent (e.g. {@code claude-code}), or {@code null}
     * @param scope workspace and project of the session
     * @param at when
     */
    record SessionStarted(String sessionId, String agentType, Scope scope, Instant at) implements HookEvent {
        /** Checks the parts. */
        public SessionStarted {
            scope = scope == null ? Scope.GLOBAL : scope;
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * An agent session stopped.
     *
     * @param sessionId the session, or {@code null}
     * @param agentType kind of agent, or {@code null}
     * @param scope workspace and project of the session
     * @param at when
     */
    record SessionStopped(String sessionId, String agentType, Scope scope, Instant at) implements HookEvent {
        /** Checks the parts. */
        public SessionStopped {
            scope = scope == null ? Scope.GLOBAL : scope;
            Objects.requireNonNull(at, "at");
        }
    }
}
