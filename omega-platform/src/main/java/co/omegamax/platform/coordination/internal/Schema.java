package co.omegamax.platform.coordination.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/** Builds a strict JSON Schema (draft 2020-12) object for tool input: no properties beyond the declared ones. */
public final class Schema {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final List<String> required = new ArrayList<>();

    private Schema() {
    }

    /** @return an empty object schema */
    public static Schema object() {
        return new Schema();
    }

    /** Adds a string property (non-empty). @return this */
    public Schema string(String name, String description, boolean isRequired) {
        return add(name, isRequired, Map.of("type", "string", "minLength", 1, "description", description));
    }

    /** Adds a string property restricted to these values. @return this */
    public Schema choice(String name, String description, List<String> values, boolean isRequired) {
        return add(name, isRequired, Map.of("type", "string", "enum", values, "description", description));
    }

    /** Adds an integer property in [min, max]. @return this */
    public Schema integer(String name, String description, int min, int max, boolean isRequired) {
        return add(name, isRequired, Map.of("type", "integer", "minimum", min, "maximum", max,
                "description", description));
    }

    /** Adds a boolean property. @return this */
    public Schema bool(String name, String description) {
        return add(name, false, Map.of("type", "boolean", "description", description));
    }

    /** Adds an array-of-strings property with 1..maxItems items. @return this */
    public Schema strings(String name, String description, int maxItems, boolean isRequired) {
        return add(name, isRequired, Map.of("type", "array", "items", Map.of("type", "string", "minLength", 1),
                "minItems", 1, "maxItems", maxItems, "description", description));
    }

    /** Adds a free object property. @return this */
    public Schema object(String name, String description) {
        return add(name, false, Map.of("type", "object", "description", description));
    }

    private Schema add(String name, boolean isRequired, Map<String, Object> spec) {
        properties.put(name, spec);
        if (isRequired) {
            required.add(name);
        }
        return this;
    }

    /** @return the declared property names */
    public Set<String> names() {
        return new LinkedHashSet<>(properties.keySet());
    }

    /** @return the schema as JSON text */
    public String json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("type", "object");
        root.put("additionalProperties", false);
        root.put("properties", properties);
        if (!required.isEmpty()) {
            root.put("required", required);
        }
        return JSON.writeValueAsString(root);
    }
}
