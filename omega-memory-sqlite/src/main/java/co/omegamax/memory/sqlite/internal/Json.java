package co.omegamax.memory.sqlite.internal;

import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Shared JSON mapper for metadata, tags and export lines. */
public final class Json {
    /** The mapper (thread-safe). */
    public static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {
    };

    private Json() {
    }

    /** Serialises a value. */
    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /** Reads a string map. */
    public static Map<String, String> readMap(String json) {
        return json == null || json.isBlank() || json.equals("{}") ? Map.of() : MAPPER.readValue(json, STRING_MAP);
    }

    /** Reads a string list. */
    public static List<String> readList(String json) {
        return json == null || json.isBlank() || json.equals("[]") ? List.of() : MAPPER.readValue(json, STRING_LIST);
    }
}
