package co.omegamax.memory;

/**
 * A memory reached by {@link MemoryEngine#traverse}.
 *
 * @param memory the memory
 * @param hops distance from the start memory (0 for the start itself)
 */
public record GraphNode(Memory memory, int hops) {
}
