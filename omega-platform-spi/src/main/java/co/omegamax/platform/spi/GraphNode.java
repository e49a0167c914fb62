package co.omegamax.platform.spi;

import java.util.Objects;

/**
 * A node of a {@link GraphData}.
 *
 * @param id    memory or entity id
 * @param label short label (entity name, or the start of the memory text)
 * @param kind  event type of a memory, entity type of an entity
 */
public record GraphNode(String id, String label, String kind) {
    /** Checks the components. */
    public GraphNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
    }
}
