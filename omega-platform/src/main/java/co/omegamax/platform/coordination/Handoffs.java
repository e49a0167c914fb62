package co.omegamax.platform.coordination;

import co.omegamax.platform.coordination.internal.ClaimEngine;
import co.omegamax.platform.coordination.internal.Scoped;
import co.omegamax.platform.spi.ConflictException;
import co.omegamax.platform.spi.Handoff;
import co.omegamax.platform.spi.HandoffInput;
import co.omegamax.platform.spi.HandoffStatus;
import co.omegamax.platform.spi.NotFoundException;
import co.omegamax.platform.spi.Session;
import co.omegamax.platform.spi.Validate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Handoffs: a session hands work to another (named, or whoever accepts first). Accepting goes through an
 * exclusive claim (resource {@code handoff}), so two sessions accepting one handoff cannot both win.
 */
public final class Handoffs {
    static final String RESOURCE = "handoff";

    private final Scoped scoped;
    private final Sessions sessions;
    private final ClaimEngine claims;

    Handoffs(Scoped scoped, Sessions sessions, ClaimEngine claims) {
        this.scoped = scoped;
        this.sessions = sessions;
        this.claims = claims;
    }

    /**
     * Offers work to another session.
     *
     * @param toSessionId the only session that may accept it, or null for any session of the scope
     */
    public HandoffInfo create(String fromSessionId, String summary, String toSessionId) {
        Session from = sessions.requireOpen(fromSessionId);
        if (toSessionId != null) {
            scoped.requireSession(Validate.id("to_session_id", toSessionId));
        }
        Handoff h = scoped.record(new HandoffInput("h-" + UUID.randomUUID(), scoped.workspaceId(),
                scoped.projectId(), from.id(), toSessionId, summary, HandoffStatus.PENDING, scoped.now()));
        return info(h, names());
    }

    /**
     * Accepts a pending handoff; exactly one of several concurrent acceptors wins.
     *
     * @throws ConflictException if it is not pending, or offered to another session
     */
    public HandoffOutcome accept(String sessionId, String handoffId) {
        Session s = sessions.requireOpen(sessionId);
        Handoff h = requireHandoff(handoffId);
        if (h.status() != HandoffStatus.PENDING) {
            return refused(h, s);
        }
        if (h.toSessionId() != null && !h.toSessionId().equals(s.id())) {
            throw new ConflictException("handoff '" + h.id() + "' is offered to session '" + h.toSessionId()
                    + "', not to '" + s.id() + "'");
        }
        if (h.fromSessionId().equals(s.id())) {
            throw new ConflictException("session '" + s.id() + "' created handoff '" + h.id()
                    + "' and cannot accept it itself");
        }
        ClaimOutcome outcome = claims.claim(RESOURCE, List.of(h.id()), s, null).get(0);
        if (!outcome.granted()) {
            return new HandoffOutcome(false, info(h, names()), outcome.holder());
        }
        Handoff current = requireHandoff(h.id());
        if (current.status() != HandoffStatus.PENDING) {
            claims.release(RESOURCE, h.id(), s.id());
            return refused(current, s);
        }
        Handoff accepted = scoped.record(new HandoffInput(h.id(), h.workspaceId(), h.projectId(), h.fromSessionId(),
                s.id(), h.summary(), HandoffStatus.ACCEPTED, h.createdAt()));
        return new HandoffOutcome(true, info(accepted, names()), outcome.holder());
    }

    /**
     * Marks an accepted handoff completed; only the accepting session may.
     *
     * @throws ConflictException if it is not accepted by this session
     */
    public HandoffInfo complete(String sessionId, String handoffId) {
        Session s = sessions.requireOpen(sessionId);
        Handoff h = requireHandoff(handoffId);
        if (h.status() != HandoffStatus.ACCEPTED || !s.id().equals(h.toSessionId())) {
            throw new ConflictException("handoff '" + h.id() + "' is " + Validate.wireName(h.status())
                    + (h.toSessionId() == null ? "" : " by session '" + h.toSessionId() + "'")
                    + "; only the session that accepted it can complete it");
        }
        Handoff done = scoped.record(new HandoffInput(h.id(), h.workspaceId(), h.projectId(), h.fromSessionId(),
                h.toSessionId(), h.summary(), HandoffStatus.COMPLETED, h.createdAt()));
        claims.release(RESOURCE, h.id(), s.id());
        return info(done, names());
    }

    /**
     * Lists handoffs, newest first.
     *
     * @param status    only this status, or null
     * @param sessionId only handoffs from, to, or open to this session, or null
     */
    public List<HandoffInfo> list(HandoffStatus status, String sessionId) {
        Map<String, String> names = names();
        List<HandoffInfo> out = new ArrayList<>();
        for (Handoff h : scoped.handoffs()) {
            boolean mine = sessionId == null || sessionId.equals(h.fromSessionId()) || sessionId.equals(h.toSessionId())
                    || (h.toSessionId() == null && h.status() == HandoffStatus.PENDING);
            if ((status == null || h.status() == status) && mine) {
                out.add(info(h, names));
            }
        }
        return out;
    }

    private HandoffOutcome refused(Handoff h, Session s) {
        ClaimInfo holder = h.toSessionId() == null ? null : claims.holderOf(RESOURCE, h.id());
        if (h.status() == HandoffStatus.ACCEPTED && h.toSessionId() != null && holder == null) {
            holder = new ClaimInfo(RESOURCE, h.id(), null, h.toSessionId(), names().get(h.toSessionId()),
                    h.updatedAt(), h.updatedAt(), false, null);
        }
        if (h.status() == HandoffStatus.ACCEPTED) {
            return new HandoffOutcome(false, info(h, names()), holder);
        }
        throw new ConflictException("handoff '" + h.id() + "' is " + Validate.wireName(h.status())
                + " and can no longer be accepted by '" + s.id() + "'");
    }

    private Handoff requireHandoff(String handoffId) {
        String id = Validate.id("handoff_id", handoffId);
        for (Handoff h : scoped.handoffs()) {
            if (h.id().equals(id)) {
                return h;
            }
        }
        throw new NotFoundException("handoff", id);
    }

    private Map<String, String> names() {
        Map<String, String> names = new HashMap<>();
        scoped.sessions().forEach(s -> names.put(s.id(), s.agentName()));
        return names;
    }

    private static HandoffInfo info(Handoff h, Map<String, String> names) {
        return new HandoffInfo(h.id(), h.fromSessionId(), names.get(h.fromSessionId()), h.toSessionId(),
                h.toSessionId() == null ? null : names.get(h.toSessionId()), h.summary(),
                Validate.wireName(h.status()), h.projectId(), h.createdAt(), h.updatedAt());
    }
}
