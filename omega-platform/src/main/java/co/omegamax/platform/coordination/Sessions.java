package co.omegamax.platform.coordination;

import co.omegamax.platform.coordination.internal.Attrs;
import co.omegamax.platform.coordination.internal.ClaimEngine;
import co.omegamax.platform.coordination.internal.Scoped;
import co.omegamax.platform.spi.ConflictException;
import co.omegamax.platform.spi.InvalidInputException;
import co.omegamax.platform.spi.Session;
import co.omegamax.platform.spi.SessionInput;
import co.omegamax.platform.spi.SessionStatus;
import co.omegamax.platform.spi.Validate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Agent sessions: register, heartbeat, deregister, list. The last heartbeat lives in the session's metadata
 * ({@code last_heartbeat_at}); a session silent for longer than {@link CoordinationSettings#sessionTtl()} is
 * reported as stale and other sessions may take over its claims. Deregistering ends the session and releases
 * every claim it holds.
 */
public final class Sessions {
    /** Metadata key of the last heartbeat (ISO-8601). */
    public static final String LAST_HEARTBEAT = "last_heartbeat_at";
    static final String INBOX_READ_AT = "inbox_read_at";
    static final String INBOX_READ_IDS = "inbox_read_ids";
    private static final Set<String> RESERVED = Set.of(LAST_HEARTBEAT, INBOX_READ_AT, INBOX_READ_IDS);

    private final Scoped scoped;
    private final ClaimEngine claims;

    Sessions(Scoped scoped, ClaimEngine claims) {
        this.scoped = scoped;
        this.claims = claims;
    }

    /**
     * Registers (or re-activates) a session of this workspace and project.
     *
     * @param sessionId id to use, or null to generate one
     * @param agentName the agent, e.g. {@code claude-code}
     * @param metadata  free details (branch, working directory...), or null
     * @return the active session
     */
    public SessionInfo register(String sessionId, String agentName, Map<String, Object> metadata) {
        String id = sessionId == null ? "s-" + UUID.randomUUID() : Validate.id("session_id", sessionId);
        Map<String, Object> meta = new LinkedHashMap<>(Validate.jsonObject("metadata", metadata));
        for (String reserved : RESERVED) {
            if (meta.containsKey(reserved)) {
                throw new InvalidInputException("metadata." + reserved, "is reserved for the coordination service; "
                        + "use another key");
            }
        }
        Instant now = scoped.now();
        meta.put(LAST_HEARTBEAT, now.toString());
        Session existing = scoped.session(id).orElse(null);
        Instant started = existing == null || existing.status() == SessionStatus.ENDED ? now : null;
        Session s = scoped.record(new SessionInput(id, scoped.workspaceId(), scoped.projectId(), agentName,
                SessionStatus.ACTIVE, started, null, meta));
        return info(s);
    }

    /**
     * Records that the session is alive and refreshes every claim it holds.
     *
     * @param status {@link SessionStatus#ACTIVE} or {@link SessionStatus#IDLE}, or null to keep the current one
     * @throws co.omegamax.platform.spi.NotFoundException if the scope has no such session
     * @throws ConflictException if the session has ended (register again)
     */
    public HeartbeatResult heartbeat(String sessionId, SessionStatus status) {
        if (status == SessionStatus.ENDED) {
            throw new InvalidInputException("status", "a heartbeat cannot end a session; deregister it instead");
        }
        Session s = requireOpen(sessionId);
        Instant now = scoped.now();
        Map<String, Object> meta = Attrs.copyOf(s.metadata()).put(LAST_HEARTBEAT, now).build();
        Session updated = scoped.record(new SessionInput(s.id(), s.workspaceId(), s.projectId(), s.agentName(),
                status == null ? s.status() : status, s.startedAt(), null, meta));
        ClaimEngine.Refresh refresh = claims.refresh(updated);
        return new HeartbeatResult(info(updated), refresh.refreshed(), refresh.lost());
    }

    /**
     * Ends the session and releases all its claims. Ending an ended session again is harmless.
     *
     * @throws co.omegamax.platform.spi.NotFoundException if the scope has no such session
     */
    public DeregisterResult deregister(String sessionId) {
        Session s = scoped.requireSession(sessionId);
        List<String> released = claims.releaseAll(s.id(), null);
        Session ended = s;
        if (s.status() != SessionStatus.ENDED) {
            ended = scoped.record(new SessionInput(s.id(), s.workspaceId(), s.projectId(), s.agentName(),
                    SessionStatus.ENDED, s.startedAt(), scoped.now(), s.metadata()));
        }
        return new DeregisterResult(info(ended), released);
    }

    /**
     * Lists sessions of the scope, latest first.
     *
     * @param includeStale also list sessions silent for longer than the TTL
     * @param includeEnded also list ended sessions
     */
    public List<SessionInfo> list(boolean includeStale, boolean includeEnded) {
        List<SessionInfo> out = new ArrayList<>();
        for (Session s : scoped.sessions()) {
            SessionInfo i = info(s);
            boolean ended = s.status() == SessionStatus.ENDED;
            if ((ended && includeEnded) || (!ended && (includeStale || !i.stale()))) {
                out.add(i);
            }
        }
        return out;
    }

    /** @return the session; @throws co.omegamax.platform.spi.NotFoundException if the scope has none */
    public SessionInfo get(String sessionId) {
        return info(scoped.requireSession(sessionId));
    }

    /** @return the session if it has not ended; @throws ConflictException if it has */
    Session requireOpen(String sessionId) {
        Session s = scoped.requireSession(Validate.id("session_id", sessionId));
        if (s.status() == SessionStatus.ENDED) {
            throw new ConflictException("session '" + s.id() + "' ended at " + s.endedAt()
                    + "; register a new session (omega_coord_session_register) before coordinating");
        }
        return s;
    }

    /** @return live sessions (not ended, not stale) of the scope */
    List<Session> live() {
        List<Session> out = new ArrayList<>();
        for (Session s : scoped.sessions()) {
            if (info(s).live()) {
                out.add(s);
            }
        }
        return out;
    }

    SessionInfo info(Session s) {
        Instant last = lastHeartbeat(s);
        boolean ended = s.status() == SessionStatus.ENDED;
        Map<String, Object> meta = new LinkedHashMap<>(s.metadata());
        RESERVED.forEach(meta::remove);
        return new SessionInfo(s.id(), s.agentName(), Validate.wireName(s.status()), s.projectId(), s.startedAt(),
                s.endedAt(), last, !ended && last.isBefore(scoped.staleBefore()), meta);
    }

    static Instant lastHeartbeat(Session s) {
        return Attrs.instant(s.metadata(), LAST_HEARTBEAT, s.startedAt());
    }
}
