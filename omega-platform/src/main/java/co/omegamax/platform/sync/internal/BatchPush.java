package co.omegamax.platform.sync.internal;

import co.omegamax.platform.context.WorkspaceContext;
import co.omegamax.platform.spi.ConflictException;
import co.omegamax.platform.spi.CoordinationEvent;
import co.omegamax.platform.spi.CoordinationEventInput;
import co.omegamax.platform.spi.DataStore;
import co.omegamax.platform.spi.Handoff;
import co.omegamax.platform.spi.HandoffInput;
import co.omegamax.platform.spi.InvalidInputException;
import co.omegamax.platform.spi.MemoryInput;
import co.omegamax.platform.spi.MemoryRecord;
import co.omegamax.platform.spi.Message;
import co.omegamax.platform.spi.MessageInput;
import co.omegamax.platform.spi.NotFoundException;
import co.omegamax.platform.spi.SessionInput;
import co.omegamax.platform.spi.Task;
import co.omegamax.platform.spi.TaskInput;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Applies one batch of outbox entries to the target. Changes of one record inside the batch coalesce to the
 * last one (so a delete after an upsert wins). Sessions go first (other records reference them), then memories
 * in one {@link DataStore#upsertMemories} call, then the other coordination records, supersede marks, and
 * deletes (memories in one {@link DataStore#deleteMemories} call). Every write is idempotent by id, so pushing
 * a batch twice (after a crash before the cursor moved) changes nothing.
 *
 * <p>A record the target rejects permanently ({@link InvalidInputException}, {@link NotFoundException},
 * {@link ConflictException}) is returned as {@link Parked}; any other failure propagates, and the whole batch is
 * retried later.
 */
public final class BatchPush {
    private final DataStore target;
    private final WorkspaceContext context;
    private final ScopeResolver resolver;
    private final Json json;

    /** What a batch did. */
    public record Outcome(List<Parked> parked, int applied, int calls) {
    }

    private record Item<T>(OutboxEntry entry, T input) {
    }

    /** @param target where to push; @param context tags; @param json payload reader */
    public BatchPush(DataStore target, WorkspaceContext context, Json json) {
        this.target = target;
        this.context = context;
        this.resolver = new ScopeResolver(target, context);
        this.json = json;
    }

    /** @return true for failures that retrying the same record cannot fix */
    public static boolean isPermanent(RuntimeException e) {
        return e instanceof InvalidInputException || e instanceof NotFoundException || e instanceof ConflictException;
    }

    /** Pushes a batch; @throws RuntimeException on a failure worth retrying (nothing is parked then) */
    public Outcome push(List<OutboxEntry> entries) {
        Collection<OutboxEntry> latest = coalesce(entries);
        List<Parked> parked = new ArrayList<>();
        List<Item<SessionInput>> sessions = new ArrayList<>();
        List<Item<MemoryInput>> memories = new ArrayList<>();
        List<Item<TaskInput>> tasks = new ArrayList<>();
        List<Item<HandoffInput>> handoffs = new ArrayList<>();
        List<Item<MessageInput>> messages = new ArrayList<>();
        List<Item<CoordinationEventInput>> events = new ArrayList<>();
        List<Item<String>> supersedes = new ArrayList<>();
        List<OutboxEntry> memoryDeletes = new ArrayList<>();
        List<OutboxEntry> otherDeletes = new ArrayList<>();
        for (OutboxEntry e : latest) {
            Change c = e.change();
            try {
                switch (c.operation()) {
                    case DELETE -> (c.kind() == RecordKind.MEMORY ? memoryDeletes : otherDeletes).add(e);
                    case SUPERSEDE -> supersedes.add(new Item<>(e, String.valueOf(
                            json.read(c.payload(), Map.class).get("supersededBy"))));
                    case UPSERT -> {
                        ScopeResolver.Resolved where = resolver.resolve(c.localWorkspace(), c.localProject());
                        switch (c.kind()) {
                            case SESSION -> sessions.add(new Item<>(e, Inputs.session(c.recordId(),
                                    json.read(c.payload(), SessionSnapshot.class), where)));
                            case MEMORY -> memories.add(new Item<>(e,
                                    Inputs.memory(json.read(c.payload(), MemorySnapshot.class), where)));
                            case TASK -> tasks.add(new Item<>(e, Inputs.task(json.read(c.payload(), Task.class), where)));
                            case HANDOFF -> handoffs.add(new Item<>(e,
                                    Inputs.handoff(json.read(c.payload(), Handoff.class), where)));
                            case MESSAGE -> messages.add(new Item<>(e, Inputs.message(json.read(c.payload(), Message.class))));
                            default -> events.add(new Item<>(e,
                                    Inputs.event(json.read(c.payload(), CoordinationEvent.class), where)));
                        }
                    }
                    default -> throw new IllegalStateException("unknown operation " + c.operation());
                }
            } catch (RuntimeException ex) {
                if (!isPermanent(ex)) {
                    throw ex;
                }
                parked.add(park(e, ex));
            }
        }
        int[] calls = {0};
        String user = context.userId();
        each(sessions, parked, calls, i -> target.recordSession(user, i.input()));
        upsertMemories(memories, parked, calls);
        each(tasks, parked, calls, i -> target.recordTask(user, i.input()));
        each(handoffs, parked, calls, i -> target.recordHandoff(user, i.input()));
        each(messages, parked, calls, i -> target.recordMessage(user, i.input()));
        each(events, parked, calls, i -> target.recordCoordinationEvent(user, i.input()));
        each(supersedes, parked, calls, i -> markSuperseded(i.entry().change().recordId(), i.input()));
        deleteMemories(memoryDeletes, parked, calls);
        each(otherDeletes.stream().map(e -> new Item<>(e, e)).toList(), parked, calls, i -> deleteOther(i.entry()));
        return new Outcome(parked, latest.size() - parked.size(), calls[0]);
    }

    private static Collection<OutboxEntry> coalesce(List<OutboxEntry> entries) {
        LinkedHashMap<String, OutboxEntry> latest = new LinkedHashMap<>();
        for (OutboxEntry e : entries) {
            Change c = e.change();
            if (c.operation() == Operation.DELETE && c.kind() == RecordKind.MEMORY) {
                latest.remove(new Change(c.kind(), Operation.SUPERSEDE, c.recordId(), null, null, null).coalesceKey());
            }
            latest.remove(c.coalesceKey());
            latest.put(c.coalesceKey(), e);
        }
        return latest.values();
    }

    private <T> void each(List<Item<T>> items, List<Parked> parked, int[] calls, Consumer<Item<T>> write) {
        for (Item<T> i : items) {
            try {
                calls[0]++;
                write.accept(i);
            } catch (RuntimeException ex) {
                if (!isPermanent(ex)) {
                    throw ex;
                }
                parked.add(park(i.entry(), ex));
            }
        }
    }

    private void upsertMemories(List<Item<MemoryInput>> memories, List<Parked> parked, int[] calls) {
        if (memories.isEmpty()) {
            return;
        }
        try {
            calls[0]++;
            target.upsertMemories(context.userId(), memories.stream().map(Item::input).toList());
        } catch (RuntimeException ex) {
            if (!isPermanent(ex) || memories.size() == 1) {
                if (!isPermanent(ex)) {
                    throw ex;
                }
                parked.add(park(memories.get(0).entry(), ex));
                return;
            }
            // all-or-nothing batch: find the culprits one by one
            each(memories, parked, calls, i -> target.upsertMemories(context.userId(), List.of(i.input())));
        }
    }

    private void deleteMemories(List<OutboxEntry> deletes, List<Parked> parked, int[] calls) {
        if (deletes.isEmpty()) {
            return;
        }
        try {
            calls[0]++;
            target.deleteMemories(context.userId(), deletes.stream().map(e -> e.change().recordId()).toList());
        } catch (RuntimeException ex) {
            if (!isPermanent(ex)) {
                throw ex;
            }
            each(deletes.stream().map(e -> new Item<>(e, e)).toList(), parked, calls,
                    i -> target.deleteMemories(context.userId(), List.of(i.entry().change().recordId())));
        }
    }

    private void deleteOther(OutboxEntry e) {
        String id = e.change().recordId();
        String user = context.userId();
        try {
            switch (e.change().kind()) {
                case SESSION -> target.deleteSession(user, id);
                case TASK -> target.deleteTask(user, id);
                case HANDOFF -> target.deleteHandoff(user, id);
                case MESSAGE -> throw new InvalidInputException("kind", "messages are deleted with their session;"
                        + " delete the session instead");
                default -> target.deleteCoordinationEvent(user, e.change().kind().coordinationKind(), id);
            }
        } catch (NotFoundException gone) {
            // already absent on the target: the delete has its effect
        }
    }

    private void markSuperseded(String oldId, String newId) {
        Optional<MemoryRecord> old = target.getMemory(context.userId(), oldId);
        if (old.isEmpty()) {
            return; // never synced (or parked): nothing to mark
        }
        target.upsertMemories(context.userId(), List.of(Inputs.superseded(old.get(), newId)));
    }

    private static Parked park(OutboxEntry e, RuntimeException ex) {
        return new Parked(e, ex.getClass().getSimpleName() + ": " + ex.getMessage());
    }
}
