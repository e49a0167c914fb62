package co.omegamax.platform.spi;

import java.util.List;

/**
 * A graph for the dashboard: at most {@value #MAX_NODES} nodes (most recent first) and the edges among them.
 *
 * @param nodes nodes
 * @param edges edges whose both ends are in {@code nodes}
 */
public record GraphData(List<GraphNode> nodes, List<GraphEdge> edges) {
    /** Most nodes a graph returns; the most recently changed ones are kept. */
    public static final int MAX_NODES = 500;

    /** Copies the lists. */
    public GraphData {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }
}
