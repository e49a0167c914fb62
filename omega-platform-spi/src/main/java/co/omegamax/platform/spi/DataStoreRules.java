package co.omegamax.platform.spi;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Rules every {@link DataStore} implementation applies the same way, with the same messages, so that a caller sees
 * one behaviour whichever adapter is configured (the compatibility kit checks it).
 */
public final class DataStoreRules {
    private DataStoreRules() {
    }

    /**
     * Ids are unique per user, not per workspace: a record may not be re-recorded into another workspace.
     *
     * @throws ConflictException if {@code existingWorkspace} and {@code requestedWorkspace} differ
     */
    public static void requireSameWorkspace(String kind, String id, String existingWorkspace, String requestedWorkspace) {
        if (!existingWorkspace.equals(requestedWorkspace)) {
            throw new ConflictException(kind + " '" + id + "' already exists in another workspace of this user; ids are"
                    + " unique per user, so delete it there first or use a new id");
        }
    }

    /** @throws InvalidInputException naming {@code field} if an id appears twice in one batch */
    public static void requireDistinctIds(String field, List<String> ids) {
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (!seen.add(id)) {
                throw new InvalidInputException(field, "id '" + id + "' appears twice in the batch; send each row once");
            }
        }
    }

    /** @return the conflict for a workspace slug the user already uses */
    public static ConflictException slugTaken(String slug) {
        return new ConflictException("slug '" + slug + "' is already used by another workspace of this user; choose"
                + " another slug, or leave it out to derive a unique one from the name");
    }
}
