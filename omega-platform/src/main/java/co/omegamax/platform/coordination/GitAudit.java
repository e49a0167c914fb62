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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The audit trail of git events (commits, pushes, merges, ...) made by sessions. Stored as
 * {@link CoordinationKind#GIT_EVENT} events (summary = message; attributes {@code type}, {@code commit},
 * {@code branch}, {@code files}, {@code agent_name}). Recording the same commit twice with the same type
 * replaces the first record (the id is derived from type and hash), so hooks may report it more than once.
 */
public final class GitAudit {
    /** Accepted event types. */
    public static final List<String> TYPES = List.of("commit", "push", "merge", "rebase", "checkout", "branch", "tag",
            "reset", "other");
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{7,64}");
    private static final int MAX_FILES = 500;

    private final Scoped scoped;
    private final Sessions sessions;

    GitAudit(Scoped scoped, Sessions sessions) {
        this.scoped = scoped;
        this.sessions = sessions;
    }

    /**
     * Records a git event.
     *
     * @param sessionId session that did it, or null
     * @param type      one of {@link #TYPES}
     * @param commit    hex commit hash (7..64 digits), or null
     * @param branch    branch, or null
     * @param files     changed paths (at most 500), or null
     */
    public GitEventInfo record(String sessionId, String type, String summary, String commit, String branch,
                               List<String> files) {
        Session s = sessionId == null ? null : sessions.requireOpen(sessionId);
        String t = type == null ? null : type.strip().toLowerCase(Locale.ROOT);
        if (t == null || !TYPES.contains(t)) {
            throw new InvalidInputException("type", "must be one of " + String.join(", ", TYPES) + ", was " + type);
        }
        String sha = commit == null ? null : commit.strip().toLowerCase(Locale.ROOT);
        if (sha != null && !SHA.matcher(sha).matches()) {
            throw new InvalidInputException("commit", "must be a hex commit hash of 7..64 digits, was '" + commit + "'");
        }
        String b = branch == null ? null : ClaimKeys.branch("branch", branch);
        List<String> paths = new ArrayList<>();
        if (files != null) {
            if (files.size() > MAX_FILES) {
                throw new InvalidInputException("files", "at most " + MAX_FILES + " paths, was " + files.size());
            }
            for (int i = 0; i < files.size(); i++) {
                paths.add(ClaimKeys.path("files[" + i + "]", files.get(i)));
            }
        }
        String text = Validate.content("summary", summary, Validate.MAX_TEXT_LENGTH).strip();
        String id = sha == null ? "g-" + UUID.randomUUID() : ClaimKeys.id("git-" + t, scoped.workspaceId(),
                scoped.projectId(), sha + '\0' + (b == null ? "" : b));
        CoordinationEvent e = scoped.record(new CoordinationEventInput(id, CoordinationKind.GIT_EVENT,
                scoped.workspaceId(), scoped.projectId(), s == null ? null : s.id(), text,
                Attrs.create().put("type", t).put("commit", sha).put("branch", b).put("files", paths)
                        .put(ClaimEngine.AGENT, s == null ? null : s.agentName()).build(), scoped.now()));
        return info(e);
    }

    /**
     * Lists git events, latest first.
     *
     * @param branch only this branch, or null
     * @param type   only this type, or null
     * @param limit  1..500
     */
    public List<GitEventInfo> list(String branch, String type, int limit) {
        String b = branch == null ? null : ClaimKeys.branch("branch", branch);
        List<GitEventInfo> out = new ArrayList<>();
        for (CoordinationEvent e : scoped.recentEvents(CoordinationKind.GIT_EVENT, null, limit,
                x -> (b == null || b.equals(Attrs.string(x.attributes(), "branch")))
                        && (type == null || type.equals(Attrs.string(x.attributes(), "type"))))) {
            out.add(info(e));
        }
        return out;
    }

    private static GitEventInfo info(CoordinationEvent e) {
        return new GitEventInfo(e.id(), Attrs.string(e.attributes(), "type"), e.sessionId(),
                Attrs.string(e.attributes(), ClaimEngine.AGENT), e.summary(), Attrs.string(e.attributes(), "commit"),
                Attrs.string(e.attributes(), "branch"), Attrs.strings(e.attributes(), "files"), e.occurredAt());
    }
}
