package co.omegamax.memory.spi;

import co.omegamax.memory.MemoryEngine;
import co.omegamax.memory.Scope;
import java.util.Objects;

/**
 * One invocation of a tool.
 *
 * @param tool the tool's name
 * @param arguments the arguments the client sent
 * @param engine the engine to act on (hooks already attached)
 * @param defaultScope workspace and project to use when the arguments name none
 */
public record ToolCall(String tool, ToolArguments arguments, MemoryEngine engine, Scope defaultScope) {

    /** Checks the parts. */
    public ToolCall {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(arguments, "arguments");
        Objects.requireNonNull(engine, "engine");
        defaultScope = defaultScope == null ? Scope.GLOBAL : defaultScope;
    }
}
