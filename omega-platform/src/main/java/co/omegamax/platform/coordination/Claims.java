package co.omegamax.platform.coordination;

import co.omegamax.platform.coordination.internal.ClaimEngine;
import co.omegamax.platform.coordination.internal.ClaimKeys;
import co.omegamax.platform.spi.InvalidInputException;
import co.omegamax.platform.spi.Session;
import co.omegamax.platform.spi.Validate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * File and branch claims. A claim is exclusive: of two sessions claiming one file (or branch) at the same time
 * exactly one is granted; the other gets the holder's session, agent and claim time. Claims of a session that is
 * silent for longer than the session TTL may be taken over. Paths are normalised ({@code ./a//b} is {@code a/b})
 * and scoped to the workspace and project.
 */
public final class Claims {
    /** Resource type of file claims. */
    public static final String FILE = "file";
    /** Resource type of branch claims. */
    public static final String BRANCH = "branch";
    /** Most paths one call may claim or release. */
    public static final int MAX_PATHS = 100;

    private final Sessions sessions;
    private final ClaimEngine engine;

    Claims(Sessions sessions, ClaimEngine engine) {
        this.sessions = sessions;
        this.engine = engine;
    }

    /**
     * Claims files for the session.
     *
     * @param paths   1..100 paths relative to the repository root
     * @param purpose what the session is about to do, or null
     * @return one outcome per distinct normalised path
     */
    public List<ClaimOutcome> claimFiles(String sessionId, List<String> paths, String purpose) {
        Session s = sessions.requireOpen(sessionId);
        return engine.claim(FILE, normalise(paths, true), s, purpose(purpose));
    }

    /**
     * Releases the session's claims on these files, or on all its files when {@code paths} is empty.
     *
     * @return one outcome per path ({@code released=false, detail=not_held} for files it did not hold)
     */
    public List<ReleaseOutcome> releaseFiles(String sessionId, List<String> paths) {
        Session s = sessions.requireOpen(sessionId);
        List<ReleaseOutcome> out = new ArrayList<>();
        if (paths == null || paths.isEmpty()) {
            for (String released : engine.releaseAll(s.id(), FILE)) {
                out.add(new ReleaseOutcome(FILE, released.substring(FILE.length() + 1), true, "released"));
            }
            return out;
        }
        for (String path : normalise(paths, true)) {
            out.add(engine.release(FILE, path, s.id()));
        }
        return out;
    }

    /** Claims a branch for the session (e.g. before committing or pushing to it). */
    public ClaimOutcome claimBranch(String sessionId, String branch, String purpose) {
        Session s = sessions.requireOpen(sessionId);
        return engine.claim(BRANCH, List.of(ClaimKeys.branch("branch", branch)), s, purpose(purpose)).get(0);
    }

    /** Releases the session's claim on a branch. */
    public ReleaseOutcome releaseBranch(String sessionId, String branch) {
        Session s = sessions.requireOpen(sessionId);
        return engine.release(BRANCH, ClaimKeys.branch("branch", branch), s.id());
    }

    /**
     * Lists claims of the scope.
     *
     * @param resource     {@value #FILE}, {@value #BRANCH}, {@code task}, {@code handoff}, or null for all
     * @param includeStale also list claims whose holder is silent for longer than the TTL
     */
    public List<ClaimInfo> list(String resource, boolean includeStale) {
        List<ClaimInfo> out = new ArrayList<>();
        for (ClaimInfo c : engine.all(resource)) {
            if (includeStale || !c.stale()) {
                out.add(c);
            }
        }
        return out;
    }

    /** @return the distinct normalised paths; @throws InvalidInputException for none, too many or a bad path */
    static List<String> normalise(List<String> paths, boolean required) {
        if (paths == null || paths.isEmpty()) {
            if (required) {
                throw new InvalidInputException("paths", "give at least one file path");
            }
            return List.of();
        }
        if (paths.size() > MAX_PATHS) {
            throw new InvalidInputException("paths", "at most " + MAX_PATHS + " paths per call, was " + paths.size()
                    + "; split the call");
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (int i = 0; i < paths.size(); i++) {
            out.add(ClaimKeys.path("paths[" + i + "]", paths.get(i)));
        }
        return List.copyOf(out);
    }

    static String purpose(String purpose) {
        return Validate.optionalText("purpose", purpose, 500);
    }
}
