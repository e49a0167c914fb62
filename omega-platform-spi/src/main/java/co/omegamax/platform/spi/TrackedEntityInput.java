package co.omegamax.platform.spi;

import java.util.Map;

/**
 * One tracked entity of an {@link DataStore#upsertTrackedEntities upsert batch}.
 *
 * @param id          entity id, unique per user
 * @param workspaceId workspace (must be the user's)
 * @param name        display name
 * @param entityType  type token, e.g. {@code person}
 * @param status      status token, or null
 * @param attributes  JSON-like attributes, or null
 */
public record TrackedEntityInput(String id, String workspaceId, String name, String entityType, String status,
                                 Map<String, Object> attributes) {
    /** Validates and normalises the components. */
    public TrackedEntityInput {
        id = Validate.id("entity.id", id);
        workspaceId = Validate.id("entity.workspaceId", workspaceId);
        name = Validate.name("entity.name", name);
        entityType = Validate.token("entity.entityType", entityType);
        status = Validate.optionalToken("entity.status", status);
        attributes = Validate.jsonObject("entity.attributes", attributes);
    }
}
