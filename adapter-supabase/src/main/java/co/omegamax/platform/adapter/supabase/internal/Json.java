package co.omegamax.platform.adapter.supabase.internal;

import co.omegamax.platform.spi.DataStoreException;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** JSON encoding of request bodies and decoding of PostgREST answers (rows are maps). */
public final class Json {
    private static final TypeReference<List<Map<String, Object>>> ROWS = new TypeReference<>() { };
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };
    private final JsonMapper mapper = JsonMapper.builder().build();

    /** @return the JSON text of a value (maps, lists, strings, numbers, booleans, null) */
    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JacksonException e) {
            // never echo the value: it is request data
            throw new DataStoreException("cannot encode a PostgREST request body as JSON (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** @return the rows of a JSON array answer */
    public List<Map<String, Object>> rows(String text, String what) {
        try {
            return text == null || text.isBlank() ? List.of() : mapper.readValue(text, ROWS);
        } catch (JacksonException e) {
            throw new DataStoreException("PostgREST answered " + what + " with something that is not a JSON array of rows;"
                    + " check omega.supabase.url points at the project (…/rest/v1)", e);
        }
    }

    /** @return a JSON object answer, or null for a JSON {@code null} or an empty body */
    public Map<String, Object> object(String text, String what) {
        try {
            if (text == null || text.isBlank() || text.strip().equals("null")) {
                return null;
            }
            return mapper.readValue(text, OBJECT);
        } catch (JacksonException e) {
            throw new DataStoreException("PostgREST answered " + what + " with something that is not a JSON object;"
                    + " check that the schema migrations (V4 RPC functions) are applied", e);
        }
    }

    /** @return any JSON value, or null for invalid JSON (used for error bodies) */
    public Object tryParse(String text) {
        try {
            return text == null || text.isBlank() ? null : mapper.readValue(text, Object.class);
        } catch (JacksonException e) {
            return null;
        }
    }
}
