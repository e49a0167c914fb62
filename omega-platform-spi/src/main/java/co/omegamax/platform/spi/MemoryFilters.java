package co.omegamax.platform.spi;

/**
 * Which memories {@link DataStore#getMemories} returns; null components do not filter.
 *
 * @param workspaceId workspace (required)
 * @param projectId   only this project's memories, or null
 * @param eventType   only this event type, or null
 * @param memoryType  only this memory type, or null
 * @param search      case-insensitive substring of the content, or null
 */
public record MemoryFilters(String workspaceId, String projectId, String eventType, String memoryType, String search) {
    /** Validates the components. */
    public MemoryFilters {
        workspaceId = Validate.id("filters.workspaceId", workspaceId);
        projectId = Validate.optionalId("filters.projectId", projectId);
        eventType = Validate.optionalToken("filters.eventType", eventType);
        memoryType = Validate.optionalToken("filters.memoryType", memoryType);
        search = Validate.optionalText("filters.search", search, Validate.MAX_NAME_LENGTH);
    }

    /** @return all memories of a workspace */
    public static MemoryFilters workspace(String workspaceId) {
        return new MemoryFilters(workspaceId, null, null, null, null);
    }

    /** @return these filters restricted to a project */
    public MemoryFilters withProject(String projectId) {
        return new MemoryFilters(workspaceId, projectId, eventType, memoryType, search);
    }

    /** @return these filters restricted to an event type */
    public MemoryFilters withEventType(String eventType) {
        return new MemoryFilters(workspaceId, projectId, eventType, memoryType, search);
    }

    /** @return these filters restricted to a memory type */
    public MemoryFilters withMemoryType(String memoryType) {
        return new MemoryFilters(workspaceId, projectId, eventType, memoryType, search);
    }

    /** @return these filters restricted to content containing {@code search} */
    public MemoryFilters withSearch(String search) {
        return new MemoryFilters(workspaceId, projectId, eventType, memoryType, search);
    }
}
