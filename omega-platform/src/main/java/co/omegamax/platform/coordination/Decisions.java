package co.omegamax.platform.coordination;

import co.omegamax.platform.coordination.internal.Attrs;
import co.omegamax.platform.coordination.internal.ClaimEngine;
import co.omegamax.platform.coordination.internal.Scoped;
import co.omegamax.platform.spi.CoordinationEvent;
import co.omegamax.platform.spi.CoordinationEventInput;
import co.omegamax.platform.spi.CoordinationKind;
import co.omegamax.platform.spi.Session;
import co.omegamax.platform.spi.Validate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Decisions taken while working together, so every session follows them. Stored as
 * {@link CoordinationKind#DECISION} events (summary = the decision; attributes {@code rationale}, {@code tags},
 * {@code agent_name}).
 */
public final class Decisions {
    private final Scoped scoped;
    private final Sessions sessions;

    Decisions(Scoped scoped, Sessions sessions) {
        this.scoped = scoped;
        this.sessions = sessions;
    }

    /**
     * Records a decision.
     *
     * @param sessionId deciding session, or null (e.g. a person)
     * @param tags      lower-case tokens, at most 50
     */
    public DecisionInfo record(String sessionId, String decision, String rationale, List<String> tags) {
        Session s = sessionId == null ? null : sessions.requireOpen(sessionId);
        String text = Validate.content("decision", decision, Validate.MAX_TEXT_LENGTH).strip();
        List<String> cleanTags = Validate.tags("tags", tags == null ? List.of() : tags);
        CoordinationEvent e = scoped.record(new CoordinationEventInput("d-" + UUID.randomUUID(),
                CoordinationKind.DECISION, scoped.workspaceId(), scoped.projectId(), s == null ? null : s.id(), text,
                Attrs.create().put("rationale", Validate.optionalText("rationale", rationale,
                        Validate.MAX_TEXT_LENGTH)).put("tags", cleanTags)
                        .put(ClaimEngine.AGENT, s == null ? null : s.agentName()).build(), scoped.now()));
        return info(e);
    }

    /**
     * Lists decisions, latest first.
     *
     * @param tag   only decisions with this tag, or null
     * @param limit 1..500
     */
    public List<DecisionInfo> list(String tag, int limit) {
        List<DecisionInfo> out = new ArrayList<>();
        for (CoordinationEvent e : scoped.recentEvents(CoordinationKind.DECISION, null, limit,
                x -> tag == null || Attrs.strings(x.attributes(), "tags").contains(tag))) {
            out.add(info(e));
        }
        return out;
    }

    private static DecisionInfo info(CoordinationEvent e) {
        return new DecisionInfo(e.id(), e.sessionId(), Attrs.string(e.attributes(), ClaimEngine.AGENT), e.summary(),
                Attrs.string(e.attributes(), "rationale"), Attrs.strings(e.attributes(), "tags"), e.occurredAt());
    }
}
