package co.omegamax.memory.spi;

/** Computes a tool's result. */
@FunctionalInterface
public interface ToolHandler {

    /**
     * Handles one call.
     *
     * @return structured output: a {@code Map<String, ?>}, a record, or a JSON-like tree of maps, lists,
     *         strings, numbers, booleans and {@code null}; the server sends it as JSON text and as
     *         structured content
     * @throws ToolArgumentException or another {@link co.omegamax.memory.MemoryException} for a bad
     *         request: the client gets a tool error with the message
     * @throws Exception anything else: the client gets a tool error and the server logs the stack trace
     */
    Object handle(ToolCall call) throws Exception;
}
