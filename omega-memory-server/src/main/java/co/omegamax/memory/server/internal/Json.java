package co.omegamax.memory.server.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The one Jackson 3 mapper of the server: ISO-8601 dates, records as objects. */
public final class Json {
    /** Compact output. */
    public static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Json() {
    }

    /** Compact JSON text. */
    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /** Indented JSON text. */
    public static String pretty(Object value) {
        return PRETTY.writeValueAsString(value);
    }

    /** Parses a JSON object. */
    public static Map<String, Object> readObject(String json) {
        return MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    /** Converts a record, map or tree into a JSON object (a non-object value is wrapped as {"result": value}). */
    public static Map<String, Object> toObject(Object value) {
        Object tree = MAPPER.convertValue(value, Object.class);
        if (tree instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), v));
            return out;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("result", tree);
        return out;
    }
}
