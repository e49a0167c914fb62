package co.omegamax.platform.spi;

/**
 * Which sessions {@link DataStore#getSessions} returns; null components do not filter.
 *
 * @param workspaceId workspace (required)
 * @param projectId   only this project, or null
 * @param status      only this status, or null
 */
public record SessionFilters(String workspaceId, String projectId, SessionStatus status) {
    /** Validates the components. */
    public SessionFilters {
        workspaceId = Validate.id("filters.workspaceId", workspaceId);
        projectId = Validate.optionalId("filters.projectId", projectId);
    }

    /** @return all sessions of a workspace */
    public static SessionFilters workspace(String workspaceId) {
        return new SessionFilters(workspaceId, null, null);
    }
}
