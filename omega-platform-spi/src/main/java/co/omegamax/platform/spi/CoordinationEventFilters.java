package co.omegamax.platform.spi;

/**
 * Which events {@link DataStore#getCoordinationEvents} returns; null components do not filter.
 *
 * @param workspaceId workspace (required)
 * @param kind        kind (required: each kind lives in its own table)
 * @param sessionId   only this session's events, or null
 */
public record CoordinationEventFilters(String workspaceId, CoordinationKind kind, String sessionId) {
    /** Validates the components. */
    public CoordinationEventFilters {
        workspaceId = Validate.id("filters.workspaceId", workspaceId);
        Validate.notNull("filters.kind", kind);
        sessionId = Validate.optionalId("filters.sessionId", sessionId);
    }

    /** @return all events of one kind in a workspace */
    public static CoordinationEventFilters of(String workspaceId, CoordinationKind kind) {
        return new CoordinationEventFilters(workspaceId, kind, null);
    }
}
