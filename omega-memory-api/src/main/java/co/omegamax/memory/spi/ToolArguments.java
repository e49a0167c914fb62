package co.omegamax.memory.spi;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A tool's arguments as decoded JSON (maps, lists, strings, numbers, booleans), with typed accessors
 * that throw {@link ToolArgumentException} naming the argument when it is missing or of the wrong type.
 */
public final class ToolArguments {
    private final Map<String, Object> values;

    private ToolArguments(Map<String, Object> values) {
        this.values = values;
    }

    /** Wraps decoded JSON arguments ({@code null} means none). */
    public static ToolArguments of(Map<String, ?> values) {
        return new ToolArguments(values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values)));
    }

    /** The raw map. */
    public Map<String, Object> asMap() {
        return values;
    }

    /** True when the argument is present and not {@code null}. */
    public boolean has(String name) {
        return values.get(name) != null;
    }

    /** Rejects arguments not in {@code allowed}, listing the allowed names. */
    public ToolArguments allowOnly(Set<String> allowed) {
        for (String key : values.keySet()) {
            if (!allowed.contains(key)) {
                throw new ToolArgumentException("unknown argument '" + key + "'; allowed: "
                        + String.join(", ", new TreeSet<>(allowed)));
            }
        }
        return this;
    }

    /** A required non-blank string. */
    public String string(String name) {
        return optString(name).orElseThrow(() -> new ToolArgumentException("argument '" + name
                + "' is required (a non-empty string)"));
    }

    /** An optional string; blank counts as absent. */
    public Optional<String> optString(String name) {
        Object v = values.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof String s)) {
            throw new ToolArgumentException("argument '" + name + "' must be a string, was " + jsonType(v));
        }
        return s.isBlank() ? Optional.empty() : Optional.of(s);
    }

    /** An optional integer in [min, max], or {@code def} when absent. */
    public int integer(String name, int def, int min, int max) {
        Object v = values.get(name);
        if (v == null) {
            return def;
        }
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new ToolArgumentException("argument '" + name + "' must be an integer, was " + jsonType(v)
                    + " " + v);
        }
        long l = n.longValue();
        if (l < min || l > max) {
            throw new ToolArgumentException("argument '" + name + "' must be between " + min + " and " + max
                    + ", was " + l);
        }
        return (int) l;
    }

    /** An optional integer in [min, max]. */
    public Optional<Integer> optInteger(String name, int min, int max) {
        return has(name) ? Optional.of(integer(name, 0, min, max)) : Optional.empty();
    }

    /** An optional boolean, or {@code def} when absent. */
    public boolean bool(String name, boolean def) {
        Object v = values.get(name);
        if (v == null) {
            return def;
        }
        if (!(v instanceof Boolean b)) {
            throw new ToolArgumentException("argument '" + name + "' must be true or false, was " + jsonType(v));
        }
        return b;
    }

    /** An optional list of strings (a single string counts as a list of one); empty when absent. */
    public List<String> strings(String name) {
        Object v = values.get(name);
        if (v == null) {
            return List.of();
        }
        if (v instanceof String s) {
            return List.of(s);
        }
        if (!(v instanceof List<?> list)) {
            throw new ToolArgumentException("argument '" + name + "' must be an array of strings, was " + jsonType(v));
        }
        List<String> out = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String s)) {
                throw new ToolArgumentException("argument '" + name + "' must contain only strings, found "
                        + jsonType(item));
            }
            out.add(s);
        }
        return List.copyOf(out);
    }

    /** An optional object of string values; empty when absent. */
    public Map<String, String> stringMap(String name) {
        Object v = values.get(name);
        if (v == null) {
            return Map.of();
        }
        if (!(v instanceof Map<?, ?> map)) {
            throw new ToolArgumentException("argument '" + name + "' must be an object, was " + jsonType(v));
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            Object value = e.getValue();
            if (value instanceof Map || value instanceof List || value == null) {
                throw new ToolArgumentException("argument '" + name + "." + e.getKey()
                        + "' must be a string, number or boolean");
            }
            out.put(String.valueOf(e.getKey()), String.valueOf(value));
        }
        return out;
    }

    /** An optional array of objects, each wrapped as arguments; empty when absent. */
    public List<ToolArguments> objects(String name) {
        Object v = values.get(name);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            throw new ToolArgumentException("argument '" + name + "' must be an array of objects, was " + jsonType(v));
        }
        List<ToolArguments> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                throw new ToolArgumentException("argument '" + name + "[" + i + "]' must be an object, was "
                        + jsonType(list.get(i)));
            }
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, val) -> copy.put(String.valueOf(k), val));
            out.add(new ToolArguments(Collections.unmodifiableMap(copy)));
        }
        return out;
    }

    /**
     * An optional point in time: an ISO-8601 instant ({@code 2026-05-01T10:00:00Z}) or a date
     * ({@code 2026-05-01}, read as the start of that day in UTC).
     */
    public Optional<Instant> instant(String name) {
        Optional<String> s = optString(name);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        String text = s.get().strip();
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (DateTimeParseException e2) {
                throw new ToolArgumentException("argument '" + name + "' must be an ISO-8601 instant like "
                        + "2026-05-01T10:00:00Z or a date like 2026-05-01, was '" + text + "'");
            }
        }
    }

    /** One of the allowed values (case-insensitive), or {@code def} when absent. */
    public String choice(String name, String def, List<String> allowed) {
        Optional<String> s = optString(name);
        if (s.isEmpty()) {
            return def;
        }
        String v = s.get().strip().toLowerCase(java.util.Locale.ROOT);
        if (!allowed.contains(v)) {
            throw new ToolArgumentException("argument '" + name + "' must be one of " + String.join(", ", allowed)
                    + ", was '" + s.get() + "'");
        }
        return v;
    }

    private static String jsonType(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String) {
            return "a string";
        }
        if (v instanceof Number) {
            return "a number";
        }
        if (v instanceof Boolean) {
            return "a boolean";
        }
        if (v instanceof List) {
            return "an array";
        }
        if (v instanceof Map) {
            return "an object";
        }
        return v.getClass().getSimpleName();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
