package co.omegamax.platform.coordination.internal;

import co.omegamax.platform.coordination.ClaimInfo;
import co.omegamax.platform.coordination.ClaimOutcome;
import co.omegamax.platform.coordination.ReleaseOutcome;
import co.omegamax.platform.spi.ClaimResult;
import co.omegamax.platform.spi.CoordinationEvent;
import co.omegamax.platform.spi.CoordinationEventInput;
import co.omegamax.platform.spi.CoordinationKind;
import co.omegamax.platform.spi.Session;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Claims on files, branches, tasks and handoffs, all stored as {@link CoordinationKind#FILE_CLAIM} events whose id
 * is {@link ClaimKeys#id deterministic} and whose attributes carry {@code resource}, {@code key},
 * {@code agent_name}, {@code claimed_at} and {@code purpose}. Every grant goes through the store's atomic
 * {@code claimCoordinationEvent}: a claim is taken over only from the same session or from a holder whose last
 * refresh is older than the session TTL, so of two concurrent claimers exactly one wins.
 */
public final class ClaimEngine {
    /** Attribute: resource type. */
    public static final String RESOURCE = "resource";
    /** Attribute: resource key (path, branch, id). */
    public static final String KEY = "key";
    /** Attribute: agent name of the holder. */
    public static final String AGENT = "agent_name";
    /** Attribute: first claim time of the holder. */
    public static final String CLAIMED_AT = "claimed_at";
    /** Attribute: what the holder said it does. */
    public static final String PURPOSE = "purpose";
    /** Attribute: the stale session this claim was taken over from. */
    public static final String TAKEN_FROM = "taken_from";

    private final Scoped scoped;

    /** Claims within one scope. */
    public ClaimEngine(Scoped scoped) {
        this.scoped = Objects.requireNonNull(scoped, "scoped");
    }

    /** @return the claim id of a resource key in this scope */
    public String idOf(String resource, String key) {
        return ClaimKeys.id(resource, scoped.workspaceId(), scoped.projectId(), key);
    }

    /** Claims each key for the session; @return one outcome per key, in order */
    public List<ClaimOutcome> claim(String resource, List<String> keys, Session session, String purpose) {
        Map<String, CoordinationEvent> current = byId(scoped.events(CoordinationKind.FILE_CLAIM, null));
        List<ClaimOutcome> out = new ArrayList<>();
        for (String key : keys) {
            String id = idOf(resource, key);
            CoordinationEvent existing = current.get(id);
            boolean mine = existing != null && session.id().equals(existing.sessionId());
            CoordinationEvent own = mine ? existing : null;
            String takenFrom = existing == null || mine ? null : existing.sessionId();
            Instant now = scoped.now();
            Instant claimedAt = own == null ? now : Attrs.instant(own.attributes(), CLAIMED_AT, own.occurredAt());
            String why = purpose != null ? purpose : own == null ? null : Attrs.string(own.attributes(), PURPOSE);
            Map<String, Object> attrs = Attrs.create().put(RESOURCE, resource).put(KEY, key)
                    .put(AGENT, session.agentName()).put(CLAIMED_AT, claimedAt).put(PURPOSE, why)
                    .put(TAKEN_FROM, own == null ? takenFrom : Attrs.string(own.attributes(), TAKEN_FROM)).build();
            ClaimResult result = scoped.claim(new CoordinationEventInput(id, CoordinationKind.FILE_CLAIM,
                    scoped.workspaceId(), scoped.projectId(), session.id(), summary(resource, key), attrs, now),
                    scoped.staleBefore());
            out.add(new ClaimOutcome(result.granted(), resource, key, info(result.holder())));
        }
        return out;
    }

    /** @return the session's claims (of one resource type, or all when {@code resource} is null) */
    public List<ClaimInfo> own(String sessionId, String resource) {
        List<ClaimInfo> out = new ArrayList<>();
        for (CoordinationEvent e : scoped.events(CoordinationKind.FILE_CLAIM, sessionId)) {
            ClaimInfo c = info(e);
            if (resource == null || resource.equals(c.resource())) {
                out.add(c);
            }
        }
        return out;
    }

    /** @return every claim of the scope (of one resource type, or all when null), stale ones included */
    public List<ClaimInfo> all(String resource) {
        List<ClaimInfo> out = new ArrayList<>();
        for (CoordinationEvent e : scoped.events(CoordinationKind.FILE_CLAIM, null)) {
            ClaimInfo c = info(e);
            if (resource == null || resource.equals(c.resource())) {
                out.add(c);
            }
        }
        return out;
    }

    /** @return the current claim on a key, stale or not, or null */
    public ClaimInfo holderOf(String resource, String key) {
        String id = idOf(resource, key);
        for (ClaimInfo c : all(resource)) {
            if (c.claimId().equals(id)) {
                return c;
            }
        }
        return null;
    }

    /**
     * Releases the session's claim on a key. Note: the store deletes by id; a claim that went stale and was taken
     * over between the check and the delete would be deleted too, which needs the holder to be silent longer
     * than the TTL first.
     */
    public ReleaseOutcome release(String resource, String key, String sessionId) {
        String id = idOf(resource, key);
        boolean held = own(sessionId, resource).stream().anyMatch(c -> c.claimId().equals(id));
        if (!held) {
            return new ReleaseOutcome(resource, key, false, "not_held");
        }
        boolean deleted = scoped.delete(CoordinationKind.FILE_CLAIM, id);
        return new ReleaseOutcome(resource, key, deleted, deleted ? "released" : "not_held");
    }

    /** Releases every claim of the session (of one resource type, or all). @return {@code resource:key} released */
    public List<String> releaseAll(String sessionId, String resource) {
        List<String> released = new ArrayList<>();
        for (ClaimInfo c : own(sessionId, resource)) {
            if (scoped.delete(CoordinationKind.FILE_CLAIM, c.claimId())) {
                released.add(c.resource() + ":" + c.key());
            }
        }
        return released;
    }

    /**
     * Re-claims every claim of the session with the current time (a heartbeat).
     *
     * @return how many were refreshed, and the claims other sessions took over from this one while it was stale
     *     (as now held by them)
     */
    public Refresh refresh(Session session) {
        int refreshed = 0;
        List<ClaimInfo> lost = new ArrayList<>();
        List<CoordinationEvent> own = new ArrayList<>();
        for (CoordinationEvent e : scoped.events(CoordinationKind.FILE_CLAIM, null)) {
            if (session.id().equals(e.sessionId())) {
                own.add(e);
            } else if (session.id().equals(Attrs.string(e.attributes(), TAKEN_FROM))) {
                lost.add(info(e));
            }
        }
        for (CoordinationEvent e : own) {
            ClaimResult r = scoped.claim(new CoordinationEventInput(e.id(), CoordinationKind.FILE_CLAIM,
                    e.workspaceId(), e.projectId(), session.id(), e.summary(), e.attributes(), scoped.now()),
                    scoped.staleBefore());
            if (r.granted()) {
                refreshed++;
            } else {
                lost.add(info(r.holder()));
            }
        }
        return new Refresh(refreshed, lost);
    }

    /** @return the claim event as a {@link ClaimInfo} */
    public ClaimInfo info(CoordinationEvent e) {
        Map<String, Object> a = e.attributes();
        String resource = Attrs.string(a, RESOURCE);
        return new ClaimInfo(resource == null ? "file" : resource,
                Attrs.string(a, KEY) == null ? e.summary() : Attrs.string(a, KEY), e.id(), e.sessionId(),
                Attrs.string(a, AGENT), Attrs.instant(a, CLAIMED_AT, e.occurredAt()), e.occurredAt(),
                e.occurredAt().isBefore(scoped.staleBefore()), Attrs.string(a, PURPOSE));
    }

    private static String summary(String resource, String key) {
        return "file".equals(resource) ? key : resource + ":" + key;
    }

    private static Map<String, CoordinationEvent> byId(List<CoordinationEvent> events) {
        Map<String, CoordinationEvent> out = new LinkedHashMap<>();
        events.forEach(e -> out.put(e.id(), e));
        return out;
    }

    /**
     * Outcome of a refresh.
     *
     * @param refreshed claims still held and refreshed
     * @param lost      claims taken over by others
     */
    public record Refresh(int refreshed, List<ClaimInfo> lost) {
    }
}
