package co.omegamax.platform.sync.internal;

import co.omegamax.memory.Memory;
import co.omegamax.memory.Scope;
import co.omegamax.memory.spi.HookEvent;
import co.omegamax.platform.spi.CoordinationEvent;
import co.omegamax.platform.spi.Handoff;
import co.omegamax.platform.spi.InvalidInputException;
import co.omegamax.platform.spi.Message;
import co.omegamax.platform.spi.Session;
import co.omegamax.platform.spi.SessionStatus;
import co.omegamax.platform.spi.Task;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.Optional;

/** Turns memory-engine events and coordination records into outbox {@link Change}s. */
public final class Changes {
    private final Json json;

    /** @param json payload writer */
    public Changes(Json json) {
        this.json = json;
    }

    /** @return the upsert of a memory as it is now */
    public Change memory(Memory m) {
        Scope s = m.scope();
        return new Change(RecordKind.MEMORY, Operation.UPSERT, m.id(), s.workspace(), s.project(),
                json.write(MemorySnapshot.of(m)));
    }

    /**
     * @param event        an engine event
     * @param sessionStart when a session started, if its start was seen (for stops)
     * @return the changes it causes; empty for queries, unreadable stores and sessions without id
     */
    public List<Change> of(HookEvent event, Function<String, Optional<Instant>> sessionStart) {
        if (event instanceof HookEvent.MemoryStored e) {
            return e.memory() == null ? List.of() : List.of(memory(e.memory()));
        }
        if (event instanceof HookEvent.MemoryUpdated e) {
            return List.of(memory(e.memory()));
        }
        if (event instanceof HookEvent.MemoryDeleted e) {
            return List.of(Change.delete(RecordKind.MEMORY, e.id()));
        }
        if (event instanceof HookEvent.MemorySuperseded e) {
            return List.of(new Change(RecordKind.MEMORY, Operation.SUPERSEDE, e.oldId(), null, null,
                    json.write(Map.of("supersededBy", e.newId(), "at", e.at().toString()))));
        }
        if (event instanceof HookEvent.SessionStarted e && e.sessionId() != null) {
            return List.of(session(e.sessionId(), e.scope(),
                    new SessionSnapshot(e.agentType(), SessionStatus.ACTIVE, e.at(), null, null)));
        }
        if (event instanceof HookEvent.SessionStopped e && e.sessionId() != null) {
            Instant started = sessionStart.apply(e.sessionId()).orElse(e.at());
            return List.of(session(e.sessionId(), e.scope(),
                    new SessionSnapshot(e.agentType(), SessionStatus.ENDED, started, e.at(), null)));
        }
        return List.of();
    }

    private Change session(String id, Scope scope, SessionSnapshot snapshot) {
        return new Change(RecordKind.SESSION, Operation.UPSERT, id, scope.workspace(), scope.project(),
                json.write(snapshot));
    }

    /**
     * @param record a {@link Session}, {@link Task}, {@link Message}, {@link Handoff} or {@link CoordinationEvent}
     * @return its upsert, tagged later with the context's workspace and project
     * @throws InvalidInputException for any other object
     */
    public Change coordination(Object record) {
        if (record instanceof Session s) {
            return upsert(RecordKind.SESSION, s.id(), SessionSnapshot.of(s));
        }
        if (record instanceof Task t) {
            return upsert(RecordKind.TASK, t.id(), t);
        }
        if (record instanceof Message m) {
            return upsert(RecordKind.MESSAGE, m.id(), m);
        }
        if (record instanceof Handoff h) {
            return upsert(RecordKind.HANDOFF, h.id(), h);
        }
        if (record instanceof CoordinationEvent e) {
            return upsert(RecordKind.of(e.kind()), e.id(), e);
        }
        throw new InvalidInputException("record", "must be a Session, Task, Message, Handoff or CoordinationEvent"
                + " of co.omegamax.platform.spi, was " + (record == null ? "null" : record.getClass().getName()));
    }

    private Change upsert(RecordKind kind, String id, Object record) {
        return new Change(kind, Operation.UPSERT, id, null, null, json.write(record));
    }
}
