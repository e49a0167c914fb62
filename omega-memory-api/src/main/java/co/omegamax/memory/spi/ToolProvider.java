package co.omegamax.memory.spi;

import java.util.List;

/**
 * Contributes tools to the MCP server. Register an implementation in
 * {@code META-INF/services/co.omegamax.memory.spi.ToolProvider}; it needs a public no-argument constructor.
 */
public interface ToolProvider {

    /** The tools, in the order they should be listed. Called once, at start-up. */
    List<Tool> tools();

    /** Position among providers: lower first (default 0); ties are broken by {@link #name()}. */
    default int order() {
        return 0;
    }

    /** Name used in messages (default: the class name). */
    default String name() {
        return getClass().getName();
    }
}
