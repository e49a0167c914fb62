package co.omegamax.memory;

import java.util.List;

/**
 * The neighbourhood of a memory, breadth first.
 *
 * @param nodes memories reached, the start first, ordered by hops
 * @param edges links between the nodes
 */
public record MemoryGraph(List<GraphNode> nodes, List<MemoryEdge> edges) {

    /** Copies the lists. */
    public MemoryGraph {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }
}
