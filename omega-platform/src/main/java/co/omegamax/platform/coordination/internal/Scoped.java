package co.omegamax.platform.coordination.internal;

import co.omegamax.platform.coordination.CoordinationListener;
import co.omegamax.platform.coordination.CoordinationSettings;
import co.omegamax.platform.spi.ClaimResult;
import co.omegamax.platform.spi.CoordinationEvent;
import co.omegamax.platform.spi.CoordinationEventFilters;
import co.omegamax.platform.spi.CoordinationEventInput;
import co.omegamax.platform.spi.CoordinationKind;
import co.omegamax.platform.spi.DataStore;
import co.omegamax.platform.spi.Handoff;
import co.omegamax.platform.spi.HandoffInput;
import co.omegamax.platform.spi.Message;
import co.omegamax.platform.spi.MessageInput;
import co.omegamax.platform.spi.NotFoundException;
import co.omegamax.platform.spi.Page;
import co.omegamax.platform.spi.Session;
import co.omegamax.platform.spi.SessionFilters;
import co.omegamax.platform.spi.SessionInput;
import co.omegamax.platform.spi.Task;
import co.omegamax.platform.spi.TaskInput;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data store seen from one user, workspace and project: reads return only rows of that scope (project
 * compared exactly, so a project-less context sees project-less rows), every write and delete is reported to
 * the {@link CoordinationListener}.
 */
public final class Scoped {
    private static final Logger LOG = LoggerFactory.getLogger(Scoped.class);
    /** Most rows any scan reads (40 pages of the largest size). */
    static final int MAX_SCAN = 40 * Page.MAX_LIMIT;

    private final DataStore store;
    private final String userId;
    private final String workspaceId;
    private final String projectId;
    private final Clock clock;
    private final CoordinationSettings settings;
    private final CoordinationListener listener;

    /** A view of {@code store} for one user, workspace and (nullable) project. */
    public Scoped(DataStore store, String userId, String workspaceId, String projectId, Clock clock,
                  CoordinationSettings settings, CoordinationListener listener) {
        this.store = Objects.requireNonNull(store, "store");
        this.userId = Objects.requireNonNull(userId, "userId");
        this.workspaceId = Objects.requireNonNull(workspaceId, "workspaceId");
        this.projectId = projectId;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** @return the acting user */
    public String userId() {
        return userId;
    }

    /** @return the workspace */
    public String workspaceId() {
        return workspaceId;
    }

    /** @return the project, or null */
    public String projectId() {
        return projectId;
    }

    /** @return the settings */
    public CoordinationSettings settings() {
        return settings;
    }

    /** @return the current time at the store's precision (milliseconds) */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** @return claims and heartbeats older than this are stale */
    public Instant staleBefore() {
        return now().minus(settings.sessionTtl());
    }

    /** @return true if a row tagged with this project belongs to the scope */
    public boolean inScope(String rowProjectId) {
        return Objects.equals(projectId, rowProjectId);
    }

    // ---- reads -----------------------------------------------------------------------------------------------

    /** @return every session of the scope, latest start first */
    public List<Session> sessions() {
        SessionFilters filters = new SessionFilters(workspaceId, projectId, null);
        return scan(page -> store.getSessions(userId, filters, page), s -> inScope(s.projectId()));
    }

    /** @return the scope's session with this id, or empty */
    public Optional<Session> session(String sessionId) {
        return sessions().stream().filter(s -> s.id().equals(sessionId)).findFirst();
    }

    /** @return the scope's session with this id; @throws NotFoundException if there is none */
    public Session requireSession(String sessionId) {
        return session(sessionId).orElseThrow(() -> new NotFoundException("session", sessionId));
    }

    /** @return every task of the scope, newest first */
    public List<Task> tasks() {
        return scan(page -> store.getTasks(userId, workspaceId, page), t -> inScope(t.projectId()));
    }

    /** @return every handoff of the scope, newest first */
    public List<Handoff> handoffs() {
        return scan(page -> store.getHandoffs(userId, workspaceId, page), h -> inScope(h.projectId()));
    }

    /** @return the messages of one session, oldest first */
    public List<Message> messages(String sessionId) {
        return scan(page -> store.getMessages(userId, sessionId, page), m -> true);
    }

    /** @return events of one kind in the scope (of one session when {@code sessionId} is not null), latest first */
    public List<CoordinationEvent> events(CoordinationKind kind, String sessionId) {
        CoordinationEventFilters filters = new CoordinationEventFilters(workspaceId, kind, sessionId);
        return scan(page -> store.getCoordinationEvents(userId, filters, page), e -> inScope(e.projectId()));
    }

    /** @return the first {@code limit} events of one kind in the scope that {@code keep} accepts, latest first */
    public List<CoordinationEvent> recentEvents(CoordinationKind kind, String sessionId, int limit,
                                                java.util.function.Predicate<CoordinationEvent> keep) {
        return recentEvents(kind, sessionId, limit, Instant.MIN, keep);
    }

    /**
     * @return the first {@code limit} events of one kind in the scope that {@code keep} accepts, latest first,
     *     reading no further back than {@code notBefore} (the store returns events latest first, so the scan stops
     *     at the first older one)
     */
    public List<CoordinationEvent> recentEvents(CoordinationKind kind, String sessionId, int limit, Instant notBefore,
                                                java.util.function.Predicate<CoordinationEvent> keep) {
        CoordinationEventFilters filters = new CoordinationEventFilters(workspaceId, kind, sessionId);
        List<CoordinationEvent> out = new ArrayList<>();
        Page page = Page.first(Page.MAX_LIMIT);
        for (int read = 0; read < MAX_SCAN && out.size() < limit; read += Page.MAX_LIMIT) {
            List<CoordinationEvent> rows = store.getCoordinationEvents(userId, filters, page);
            for (CoordinationEvent e : rows) {
                if (e.occurredAt().isBefore(notBefore)) {
                    return out;
                }
                if (inScope(e.projectId()) && keep.test(e) && out.size() < limit) {
                    out.add(e);
                }
            }
            if (rows.size() < page.limit()) {
                break;
            }
            page = page.next();
        }
        return out;
    }

    private <T> List<T> scan(Function<Page, List<T>> fetch, java.util.function.Predicate<T> keep) {
        List<T> out = new ArrayList<>();
        Page page = Page.first(Page.MAX_LIMIT);
        for (int read = 0; read < MAX_SCAN; read += Page.MAX_LIMIT) {
            List<T> rows = fetch.apply(page);
            for (T row : rows) {
                if (keep.test(row)) {
                    out.add(row);
                }
            }
            if (rows.size() < page.limit()) {
                return out;
            }
            page = page.next();
        }
        LOG.warn("coordination scan stopped after {} rows in workspace {}; older rows are not considered",
                MAX_SCAN, workspaceId);
        return out;
    }

    // ---- writes ----------------------------------------------------------------------------------------------

    /** Records a session and reports it. */
    public Session record(SessionInput input) {
        return told(store.recordSession(userId, input));
    }

    /** Records a task and reports it. */
    public Task record(TaskInput input) {
        return told(store.recordTask(userId, input));
    }

    /** Records a message and reports it. */
    public Message record(MessageInput input) {
        return told(store.recordMessage(userId, input));
    }

    /** Records a handoff and reports it. */
    public Handoff record(HandoffInput input) {
        return told(store.recordHandoff(userId, input));
    }

    /** Records a coordination event and reports it. */
    public CoordinationEvent record(CoordinationEventInput input) {
        return told(store.recordCoordinationEvent(userId, input));
    }

    /** Atomically claims (see {@code DataStore#claimCoordinationEvent}); a granted claim is reported. */
    public ClaimResult claim(CoordinationEventInput claim, Instant staleBefore) {
        ClaimResult result = store.claimCoordinationEvent(userId, claim, staleBefore);
        if (result.granted()) {
            told(result.holder());
        }
        return result;
    }

    /** Deletes an event; @return false if it was already gone */
    public boolean delete(CoordinationKind kind, String id) {
        try {
            store.deleteCoordinationEvent(userId, kind, id);
        } catch (NotFoundException e) {
            return false;
        }
        tellDeleted(kind.name(), id);
        return true;
    }

    private <T> T told(T record) {
        try {
            listener.recorded(record);
        } catch (RuntimeException e) {
            LOG.error("coordination listener failed on a {}; the record is stored but was not passed on",
                    record.getClass().getSimpleName(), e);
        }
        return record;
    }

    private void tellDeleted(String kind, String id) {
        try {
            listener.deleted(kind, id);
        } catch (RuntimeException e) {
            LOG.error("coordination listener failed on deleting a {}; the record is deleted but the deletion was "
                    + "not passed on", kind, e);
        }
    }
}
