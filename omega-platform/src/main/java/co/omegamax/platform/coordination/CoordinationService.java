package co.omegamax.platform.coordination;

import co.omegamax.platform.context.WorkspaceContext;
import co.omegamax.platform.coordination.internal.ClaimEngine;
import co.omegamax.platform.coordination.internal.Scoped;
import co.omegamax.platform.spi.DataStore;
import co.omegamax.platform.spi.Validate;
import java.time.Clock;

/**
 * Multi-agent coordination for several coding agents working on one repository, stored through a
 * {@link DataStore} and scoped to one user, workspace and project ({@link WorkspaceContext}).
 *
 * <pre>{@code
 * CoordinationService coord = CoordinationService.builder(store, context).build();
 * SessionInfo me = coord.sessions().register(null, "claude-code", Map.of("branch", "main"));
 * ClaimOutcome o = coord.claims().claimFiles(me.id(), List.of("src/App.java"), "fix login").get(0);
 * if (!o.granted()) { System.out.println("held by " + o.holder().agentName()); }
 * }</pre>
 *
 * Thread-safe: it keeps no state of its own; every call reads and writes through the store, and exclusive
 * claims use the store's atomic {@code claimCoordinationEvent}, so several services (threads or processes)
 * over one database coordinate correctly.
 */
public final class CoordinationService {
    private final WorkspaceContext context;
    private final CoordinationSettings settings;
    private final Sessions sessions;
    private final Claims claims;
    private final Intents intents;
    private final Tasks tasks;
    private final Messages messages;
    private final Handoffs handoffs;
    private final Decisions decisions;
    private final GitAudit git;

    private CoordinationService(Builder b) {
        this.context = b.context;
        this.settings = b.settings;
        Scoped scoped = new Scoped(b.store, b.context.userId(), b.context.workspaceId(), b.context.projectId(),
                b.clock, b.settings, b.listener);
        ClaimEngine engine = new ClaimEngine(scoped);
        this.sessions = new Sessions(scoped, engine);
        this.claims = new Claims(sessions, engine);
        this.intents = new Intents(scoped, sessions, engine);
        this.tasks = new Tasks(scoped, sessions, engine);
        this.messages = new Messages(scoped, sessions);
        this.handoffs = new Handoffs(scoped, sessions, engine);
        this.decisions = new Decisions(scoped, sessions);
        this.git = new GitAudit(scoped, sessions);
    }

    /** @return a builder over a store the caller owns, for the given user, workspace and project */
    public static Builder builder(DataStore store, WorkspaceContext context) {
        return new Builder(store, context);
    }

    /** @return the user, workspace and project this service acts in */
    public WorkspaceContext context() {
        return context;
    }

    /** @return the TTLs in force */
    public CoordinationSettings settings() {
        return settings;
    }

    /** @return session registration, heartbeats and listing */
    public Sessions sessions() {
        return sessions;
    }

    /** @return file and branch claims */
    public Claims claims() {
        return claims;
    }

    /** @return intents and overlap checks */
    public Intents intents() {
        return intents;
    }

    /** @return shared tasks */
    public Tasks tasks() {
        return tasks;
    }

    /** @return messages between sessions */
    public Messages messages() {
        return messages;
    }

    /** @return handoffs between sessions */
    public Handoffs handoffs() {
        return handoffs;
    }

    /** @return recorded decisions */
    public Decisions decisions() {
        return decisions;
    }

    /** @return the git event audit trail */
    public GitAudit git() {
        return git;
    }

    /** Collects the parts; only the store and the context are required. */
    public static final class Builder {
        private final DataStore store;
        private final WorkspaceContext context;
        private Clock clock = Clock.systemUTC();
        private CoordinationSettings settings = CoordinationSettings.defaults();
        private CoordinationListener listener = CoordinationListener.NONE;

        private Builder(DataStore store, WorkspaceContext context) {
            this.store = Validate.notNull("store", store);
            this.context = Validate.notNull("context", context);
        }

        /** Uses this clock for heartbeats, claims and TTLs (default: system UTC). @return this */
        public Builder clock(Clock clock) {
            this.clock = Validate.notNull("clock", clock);
            return this;
        }

        /** Uses these settings (default: {@link CoordinationSettings#defaults()}). @return this */
        public Builder settings(CoordinationSettings settings) {
            this.settings = Validate.notNull("settings", settings);
            return this;
        }

        /** Reports every write and delete to this listener (default: none). @return this */
        public Builder listener(CoordinationListener listener) {
            this.listener = Validate.notNull("listener", listener);
            return this;
        }

        /** @return the service */
        public CoordinationService build() {
            return new CoordinationService(this);
        }
    }
}
