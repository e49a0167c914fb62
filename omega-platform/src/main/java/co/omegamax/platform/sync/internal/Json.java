package co.omegamax.platform.sync.internal;

import co.omegamax.platform.spi.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** JSON of outbox payloads (records with Instants, maps and lists). */
public final class Json {
    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** @return the JSON of a value */
    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("cannot queue a " + value.getClass().getSimpleName()
                    + " for sync: " + e.getOriginalMessage(), e);
        }
    }

    /** @return the value read from JSON written by {@link #write}; @throws InvalidInputException if unreadable */
    public <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JacksonException e) {
            throw new InvalidInputException("payload", "a queued " + type.getSimpleName()
                    + " in the sync outbox is unreadable (" + e.getClass().getSimpleName() + "); it is parked");
        }
    }
}
