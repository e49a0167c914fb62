package co.omegamax.memory.spi;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A tool the MCP server offers: a name, a description, a JSON Schema for its input and a handler that
 * returns structured output.
 *
 * @param name unique name, 1..64 characters of {@code [A-Za-z0-9_.-]}, e.g. {@code omega_query}
 * @param description what the tool does and when to call it (the agent reads this)
 * @param inputSchema JSON Schema (draft 2020-12) of the arguments, as JSON text; its root must be an
 *                    {@code "object"} schema
 * @param handler computes the result
 */
public record Tool(String name, String description, String inputSchema, ToolHandler handler) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    /** Validates the name and checks the schema looks like an object schema. */
    public Tool {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("tool name '" + name + "' must be 1..64 characters of [A-Za-z0-9_.-]");
        }
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("tool " + name + " needs a description");
        }
        Objects.requireNonNull(inputSchema, "inputSchema");
        String compact = inputSchema.replaceAll("\\s", "");
        if (!compact.startsWith("{") || !compact.contains("\"type\":\"object\"")) {
            throw new IllegalArgumentException("tool " + name + ": inputSchema must be a JSON object schema "
                    + "with \"type\": \"object\"");
        }
        Objects.requireNonNull(handler, "handler");
    }
}
