package co.omegamax.platform.sync.internal;

import co.omegamax.platform.context.WorkspaceContext;
import co.omegamax.platform.spi.DataStore;
import co.omegamax.platform.spi.NotFoundException;
import co.omegamax.platform.spi.Page;
import co.omegamax.platform.spi.Project;
import co.omegamax.platform.spi.Workspace;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Maps the workspace and project a record had locally to ids on the sync target. No local workspace means the
 * {@link WorkspaceContext}'s workspace and project. A local workspace is matched against the context's
 * workspace id, then the user's workspaces on the target by id and by slug; a local project by id, then by name
 * within that workspace. Successful lookups are cached; an unknown workspace or project is a
 * {@link NotFoundException} (the entry is then parked, since retrying cannot help).
 */
public final class ScopeResolver {
    private final DataStore target;
    private final WorkspaceContext context;
    private final Map<String, String> workspaces = new HashMap<>();
    private final Map<String, String> projects = new HashMap<>();

    /** @param target the sync target; @param context who and where */
    public ScopeResolver(DataStore target, WorkspaceContext context) {
        this.target = Objects.requireNonNull(target, "target");
        this.context = Objects.requireNonNull(context, "context");
    }

    /** Remote workspace and project ids. */
    public record Resolved(String workspaceId, String projectId) {
    }

    /** @return the target ids for a local workspace and project (either may be null) */
    public Resolved resolve(String localWorkspace, String localProject) {
        String ws = localWorkspace == null ? context.workspaceId() : workspace(localWorkspace);
        if (localProject == null) {
            return new Resolved(ws, ws.equals(context.workspaceId()) ? context.projectId() : null);
        }
        return new Resolved(ws, project(ws, localProject));
    }

    private String workspace(String local) {
        if (local.equals(context.workspaceId())) {
            return local;
        }
        String cached = workspaces.get(local);
        if (cached != null) {
            return cached;
        }
        Optional<Workspace> found = target.getWorkspaceById(context.userId(), local)
                .or(() -> target.getWorkspace(context.userId(), local));
        String id = found.map(Workspace::id).orElseThrow(() -> new NotFoundException("workspace", local));
        workspaces.put(local, id);
        return id;
    }

    private String project(String workspaceId, String local) {
        if (workspaceId.equals(context.workspaceId()) && local.equals(context.projectId())) {
            return local;
        }
        String key = workspaceId + "\u0000" + local;
        String cached = projects.get(key);
        if (cached != null) {
            return cached;
        }
        String id = target.getProject(context.userId(), local)
                .filter(p -> p.workspaceId().equals(workspaceId))
                .map(Project::id)
                .or(() -> byName(workspaceId, local))
                .orElseThrow(() -> new NotFoundException("project", local));
        projects.put(key, id);
        return id;
    }

    private Optional<String> byName(String workspaceId, String name) {
        Page page = Page.first(Page.MAX_LIMIT);
        while (true) {
            var batch = target.getProjects(context.userId(), workspaceId, page);
            for (Project p : batch) {
                if (p.name().equalsIgnoreCase(name)) {
                    return Optional.of(p.id());
                }
            }
            if (batch.size() < page.limit()) {
                return Optional.empty();
            }
            page = page.next();
        }
    }
}
