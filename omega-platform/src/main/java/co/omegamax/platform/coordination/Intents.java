package co.omegamax.platform.coordination;

import co.omegamax.platform.coordination.internal.Attrs;
import co.omegamax.platform.coordination.internal.ClaimEngine;
import co.omegamax.platform.coordination.internal.ClaimKeys;
import co.omegamax.platform.coordination.internal.Scoped;
import co.omegamax.platform.spi.CoordinationEvent;
import co.omegamax.platform.spi.CoordinationEventInput;
import co.omegamax.platform.spi.CoordinationKind;
import co.omegamax.platform.spi.InvalidInputException;
import co.omegamax.platform.spi.Session;
import co.omegamax.platform.spi.Validate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Intents: a session announces what it is about to change (a description and the files or directories it will
 * touch) so others can check for overlap before they start. Stored as {@link CoordinationKind#INTENT} events
 * with attributes {@code target_files}, {@code agent_name} and {@code expires_at}; an intent counts while it has
 * not expired and its session is live.
 */
public final class Intents {
    static final String TARGET_FILES = "target_files";
    static final String EXPIRES_AT = "expires_at";
    /** Longest life of an intent. */
    static final Duration MAX_TTL = Duration.ofDays(7);

    private final Scoped scoped;
    private final Sessions sessions;
    private final ClaimEngine claims;

    Intents(Scoped scoped, Sessions sessions, ClaimEngine claims) {
        this.scoped = scoped;
        this.sessions = sessions;
        this.claims = claims;
    }

    /**
     * Announces an intent and reports what overlaps it.
     *
     * @param files 1..100 files or directories
     * @param ttl   how long it counts, or null for {@link CoordinationSettings#intentTtl()}
     */
    public AnnounceResult announce(String sessionId, String description, List<String> files, Duration ttl) {
        Session s = sessions.requireOpen(sessionId);
        List<String> paths = Claims.normalise(files, true);
        Duration life = ttl == null ? scoped.settings().intentTtl() : ttl;
        if (life.isNegative() || life.isZero() || life.compareTo(MAX_TTL) > 0) {
            throw new InvalidInputException("ttl", "must be between 1 minute and 7 days");
        }
        Instant now = scoped.now();
        String text = Validate.content("description", description, Validate.MAX_TEXT_LENGTH).strip();
        Map<String, Object> attrs = Attrs.create().put(TARGET_FILES, paths).put(ClaimEngine.AGENT, s.agentName())
                .put(EXPIRES_AT, now.plus(life)).build();
        CoordinationEvent e = scoped.record(new CoordinationEventInput("i-" + UUID.randomUUID(),
                CoordinationKind.INTENT, scoped.workspaceId(), scoped.projectId(), s.id(), text, attrs, now));
        return new AnnounceResult(info(e, liveSessionIds()), check(s.id(), paths));
    }

    /**
     * Finds other live sessions' claims and active intents that touch these paths (a directory overlaps
     * everything under it).
     *
     * @param sessionId the asking session (its own claims and intents are not reported), or null
     */
    public List<Overlap> check(String sessionId, List<String> files) {
        List<String> paths = Claims.normalise(files, true);
        List<Overlap> out = new ArrayList<>();
        List<ClaimInfo> fileClaims = claims.all(Claims.FILE);
        Map<String, Boolean> live = liveSessionIds();
        List<IntentInfo> intents = activeIntents(live);
        for (String path : paths) {
            for (ClaimInfo c : fileClaims) {
                if (!c.stale() && !isSelf(sessionId, c.sessionId()) && ClaimKeys.overlaps(path, c.key())) {
                    out.add(new Overlap(path, "claim", c.key(), c.sessionId(), c.agentName(), c.claimedAt(),
                            c.purpose()));
                }
            }
            for (IntentInfo i : intents) {
                if (isSelf(sessionId, i.sessionId())) {
                    continue;
                }
                for (String target : i.files()) {
                    if (ClaimKeys.overlaps(path, target)) {
                        out.add(new Overlap(path, "intent", target, i.sessionId(), i.agentName(), i.announcedAt(),
                                i.description()));
                        break;
                    }
                }
            }
        }
        return out;
    }

    /** @return intents of the scope, latest first (only active ones unless {@code includeInactive}), at most {@code limit} */
    public List<IntentInfo> list(boolean includeInactive, int limit) {
        Map<String, Boolean> live = liveSessionIds();
        List<IntentInfo> out = new ArrayList<>();
        for (CoordinationEvent e : scoped.recentEvents(CoordinationKind.INTENT, null, includeInactive ? limit
                : Integer.MAX_VALUE, x -> true)) {
            IntentInfo i = info(e, live);
            if ((includeInactive || i.active()) && out.size() < limit) {
                out.add(i);
            }
        }
        return out;
    }

    private List<IntentInfo> activeIntents(Map<String, Boolean> live) {
        List<IntentInfo> out = new ArrayList<>();
        Instant now = scoped.now();
        // no intent lives longer than MAX_TTL, so older announcements need not be read
        for (CoordinationEvent e : scoped.recentEvents(CoordinationKind.INTENT, null, Integer.MAX_VALUE,
                now.minus(MAX_TTL), x -> Attrs.instant(x.attributes(), EXPIRES_AT, Instant.EPOCH).isAfter(now))) {
            IntentInfo i = info(e, live);
            if (i.active()) {
                out.add(i);
            }
        }
        return out;
    }

    private Map<String, Boolean> liveSessionIds() {
        Map<String, Boolean> live = new HashMap<>();
        sessions.live().forEach(s -> live.put(s.id(), Boolean.TRUE));
        return live;
    }

    private IntentInfo info(CoordinationEvent e, Map<String, Boolean> live) {
        Instant expires = Attrs.instant(e.attributes(), EXPIRES_AT, e.occurredAt());
        boolean active = expires.isAfter(scoped.now()) && e.sessionId() != null && live.containsKey(e.sessionId());
        return new IntentInfo(e.id(), e.sessionId(), Attrs.string(e.attributes(), ClaimEngine.AGENT), e.summary(),
                Attrs.strings(e.attributes(), TARGET_FILES), e.occurredAt(), expires, active);
    }

    private static boolean isSelf(String me, String other) {
        return me != null && me.equals(other);
    }
}
