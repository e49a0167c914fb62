package co.omegamax.platform.jdbi;

import co.omegamax.platform.spi.DataStoreException;
import co.omegamax.platform.spi.Validate;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** JSON text columns: settings, metadata, attributes, payloads and tag lists. */
public final class Json {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private final JsonMapper mapper = JsonMapper.builder().build();

    /** @return the JSON text of a map or list */
    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JacksonException e) {
            throw new DataStoreException("cannot encode JSON column: " + e.getOriginalMessage(), e);
        }
    }

    /** @return the normalised map stored as JSON text */
    public Map<String, Object> readMap(String column, String text) {
        try {
            return Validate.jsonObject(column, text == null ? null : mapper.readValue(text, MAP));
        } catch (JacksonException e) {
            throw new DataStoreException("corrupt JSON in column " + column + ": " + e.getOriginalMessage(), e);
        }
    }

    /** @return the string list stored as JSON text */
    public List<String> readStrings(String column, String text) {
        try {
            return text == null ? List.of() : List.copyOf(mapper.readValue(text, STRINGS));
        } catch (JacksonException e) {
            throw new DataStoreException("corrupt JSON in column " + column + ": " + e.getOriginalMessage(), e);
        }
    }
}
