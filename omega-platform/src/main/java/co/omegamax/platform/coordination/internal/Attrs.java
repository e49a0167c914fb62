package co.omegamax.platform.coordination.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and writes the JSON attributes of coordination records (null values are left out, as stores require). */
public final class Attrs {
    private final Map<String, Object> values = new LinkedHashMap<>();

    private Attrs() {
    }

    /** @return an empty builder */
    public static Attrs create() {
        return new Attrs();
    }

    /** @return a builder starting from a copy of {@code existing} */
    public static Attrs copyOf(Map<String, Object> existing) {
        Attrs a = new Attrs();
        if (existing != null) {
            a.values.putAll(existing);
        }
        return a;
    }

    /** Puts a value; null removes the key; instants are written as ISO-8601 text. @return this */
    public Attrs put(String key, Object value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.put(key, value instanceof Instant i ? i.toString() : value);
        }
        return this;
    }

    /** @return the attributes */
    public Map<String, Object> build() {
        return new LinkedHashMap<>(values);
    }

    /** @return a string attribute, or null */
    public static String string(Map<String, Object> attrs, String key) {
        Object v = attrs == null ? null : attrs.get(key);
        return v == null ? null : String.valueOf(v);
    }

    /** @return an ISO-8601 attribute as an instant, or {@code fallback} when absent or unreadable */
    public static Instant instant(Map<String, Object> attrs, String key, Instant fallback) {
        String s = string(attrs, key);
        if (s == null) {
            return fallback;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    /** @return an integer attribute, or null */
    public static Integer integer(Map<String, Object> attrs, String key) {
        Object v = attrs == null ? null : attrs.get(key);
        return v instanceof Number n ? Integer.valueOf(n.intValue()) : null;
    }

    /** @return a list-of-strings attribute (empty when absent) */
    public static List<String> strings(Map<String, Object> attrs, String key) {
        Object v = attrs == null ? null : attrs.get(key);
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> list) {
            for (Object item : list) {
                if (item != null) {
                    out.add(String.valueOf(item));
                }
            }
        }
        return out;
    }

    /** @return a list-of-objects attribute (empty when absent) */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> maps(Map<String, Object> attrs, String key) {
        Object v = attrs == null ? null : attrs.get(key);
        List<Map<String, Object>> out = new ArrayList<>();
        if (v instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> m) {
                    out.add((Map<String, Object>) m);
                }
            }
        }
        return out;
    }

    /** @return an object attribute, or an empty map */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Map<String, Object> attrs, String key) {
        Object v = attrs == null ? null : attrs.get(key);
        return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
