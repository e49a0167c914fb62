package co.omegamax.examples.extensions;

import co.omegamax.memory.EventType;
import co.omegamax.memory.Memory;
import co.omegamax.memory.MemoryQuery;
import co.omegamax.memory.QueryMode;
import co.omegamax.memory.spi.Tool;
import co.omegamax.memory.spi.ToolCall;
import co.omegamax.memory.spi.ToolProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A custom MCP tool, {@value #TOOL}: the latest decisions, newest first, optionally only those with a tag. It is
 * registered in {@code META-INF/services/co.omegamax.memory.spi.ToolProvider}, so the MCP server lists it after the
 * core tools whenever this jar is on its classpath; it acts on the server's engine through {@link ToolCall#engine()}.
 */
public final class DecisionLogToolProvider implements ToolProvider {
    /** Name of the tool. */
    public static final String TOOL = "decision_log";
    private static final Set<String> ARGUMENTS = Set.of("limit", "tag");

    /** ServiceLoader constructor. */
    public DecisionLogToolProvider() {
    }

    @Override
    public List<Tool> tools() {
        return List.of(new Tool(TOOL, "The latest decisions stored in OMEGA, newest first (optionally only those "
                + "with a tag). Use it to review what was decided before deciding again.", """
                {"type": "object", "additionalProperties": false,
                 "properties": {
                   "limit": {"type": "integer", "minimum": 1, "maximum": 50, "default": 10},
                   "tag": {"type": "string", "minLength": 1, "description": "only decisions with this tag"}}}""",
                DecisionLogToolProvider::decisions));
    }

    private static Map<String, Object> decisions(ToolCall call) {
        call.arguments().allowOnly(ARGUMENTS);
        int limit = call.arguments().integer("limit", 10, 1, 50);
        MemoryQuery.Builder query = MemoryQuery.builder().mode(QueryMode.TIMELINE).eventTypes(EventType.DECISION)
                .scope(call.defaultScope()).limit(limit);
        call.arguments().optString("tag").ifPresent(query::tags);
        List<Map<String, Object>> rows = call.engine().timeline(query.build()).stream()
                .map(DecisionLogToolProvider::row).toList();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("count", rows.size());
        result.put("decisions", rows);
        return result;
    }

    private static Map<String, Object> row(Memory m) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", m.id());
        row.put("content", m.content());
        row.put("tags", m.tags());
        row.put("created_at", m.createdAt().toString());
        return row;
    }

    @Override
    public String name() {
        return "examples-decision-log";
    }
}
