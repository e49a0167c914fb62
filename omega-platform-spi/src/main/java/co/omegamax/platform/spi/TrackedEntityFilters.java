package co.omegamax.platform.spi;

/**
 * Which tracked entities {@link DataStore#getTrackedEntities} returns; null components do not filter.
 *
 * @param entityType only this type, or null
 * @param status     only this status, or null
 */
public record TrackedEntityFilters(String entityType, String status) {
    /** Filters that match every entity. */
    public static final TrackedEntityFilters NONE = new TrackedEntityFilters(null, null);

    /** Validates the components. */
    public TrackedEntityFilters {
        entityType = Validate.optionalToken("filters.entityType", entityType);
        status = Validate.optionalToken("filters.status", status);
    }
}
