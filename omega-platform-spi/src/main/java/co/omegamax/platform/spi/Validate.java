package co.omegamax.platform.spi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Input checks shared by the model records and by adapters, so every backend rejects the same inputs with
 * the same {@link InvalidInputException}. All methods return the (normalised) value they accept.
 */
public final class Validate {
    /** Longest id (user, workspace, project or client-supplied record id) accepted. */
    public static final int MAX_ID_LENGTH = 128;
    /** Longest display name accepted. */
    public static final int MAX_NAME_LENGTH = 200;
    /** Longest free text (descriptions, summaries) accepted, except memory and message content. */
    public static final int MAX_TEXT_LENGTH = 10_000;
    /** Longest memory or message content accepted. */
    public static final int MAX_CONTENT_LENGTH = 100_000;
    /** Most rows a batch write accepts. */
    public static final int MAX_BATCH = 500;

    private static final Pattern TOKEN = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");

    private Validate() {
    }

    /** @return the acting user id: non-blank, at most 128 chars, no whitespace or control characters */
    public static String userId(String userId) {
        return id("userId", userId);
    }

    /** @return {@code value} if it is a valid id: non-blank, at most 128 chars, no whitespace/control chars */
    public static String id(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidInputException(field, "is required");
        }
        if (value.length() > MAX_ID_LENGTH) {
            throw new InvalidInputException(field, "must be at most " + MAX_ID_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new InvalidInputException(field, "must not contain whitespace or control characters");
            }
        }
        return value;
    }

    /** @return {@code null} if value is null, else the checked id */
    public static String optionalId(String field, String value) {
        return value == null ? null : id(field, value);
    }

    /** @return the stripped name: required, 1..200 chars, no control characters */
    public static String name(String field, String value) {
        return text(field, value, MAX_NAME_LENGTH, true);
    }

    /** @return the stripped text, or null when value is null or blank; at most {@code max} chars */
    public static String optionalText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return text(field, value, max, false);
    }

    /** @return value (not stripped), required and at most {@code max} chars */
    public static String content(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "is required and must not be blank");
        }
        if (value.length() > max) {
            throw new InvalidInputException(field, "must be at most " + max + " characters, was " + value.length());
        }
        return value;
    }

    private static String text(String field, String value, int max, boolean singleLine) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "is required and must not be blank");
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw new InvalidInputException(field, "must be at most " + max + " characters, was " + stripped.length());
        }
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            if (Character.isISOControl(c) && (singleLine || (c != '\n' && c != '\t' && c != '\r'))) {
                throw new InvalidInputException(field, "must not contain control characters");
            }
        }
        return stripped;
    }

    /**
     * @return a lower-case token such as an event type ({@code decision}, {@code lesson_learned}):
     *     1..64 chars of {@code a-z 0-9 _ . -}, starting with a letter or digit
     */
    public static String token(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        if (!TOKEN.matcher(value).matches()) {
            throw new InvalidInputException(field, "must be 1..64 chars of a-z, 0-9, '_', '.', '-' (lower case), was '"
                    + abbreviate(value) + "'");
        }
        return value;
    }

    /** @return null if value is null, else the checked token */
    public static String optionalToken(String field, String value) {
        return value == null ? null : token(field, value);
    }

    /** @return value if not null */
    public static <T> T notNull(String field, T value) {
        if (value == null) {
            throw new InvalidInputException(field, "is required");
        }
        return value;
    }

    /** @return an immutable copy of a batch of 1..{@value #MAX_BATCH} non-null items */
    public static <T> List<T> batch(String field, Collection<T> items) {
        if (items == null || items.isEmpty()) {
            throw new InvalidInputException(field, "must contain at least one item");
        }
        if (items.size() > MAX_BATCH) {
            throw new InvalidInputException(field, "must contain at most " + MAX_BATCH + " items, was " + items.size()
                    + "; split it into several calls");
        }
        List<T> copy = new ArrayList<>(items.size());
        for (T item : items) {
            if (item == null) {
                throw new InvalidInputException(field, "must not contain null items");
            }
            copy.add(item);
        }
        return Collections.unmodifiableList(copy);
    }

    /** @return an immutable, de-duplicated copy of at most 50 tags, each a {@link #token token} */
    public static List<String> tags(String field, Collection<String> tags) {
        if (tags == null) {
            return List.of();
        }
        if (tags.size() > 50) {
            throw new InvalidInputException(field, "must contain at most 50 tags, was " + tags.size());
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String tag : tags) {
            out.add(token(field, tag == null ? null : tag.toLowerCase(Locale.ROOT)));
        }
        return List.copyOf(out);
    }

    /**
     * Checks and deep-copies a JSON-like object: keys non-blank strings; values strings, booleans, numbers,
     * lists or maps of the same. Integral numbers become {@link Long}, other numbers {@link Double}, so a value
     * read back from any backend equals the value written.
     *
     * @return an immutable deep copy, empty if {@code value} is null
     */
    public static Map<String, Object> jsonObject(String field, Map<String, ?> value) {
        if (value == null) {
            return Map.of();
        }
        return jsonMap(field, value, 0);
    }

    private static Map<String, Object> jsonMap(String field, Map<?, ?> value, int depth) {
        if (depth > 16) {
            throw new InvalidInputException(field, "is nested deeper than 16 levels");
        }
        LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : value.entrySet()) {
            if (!(e.getKey() instanceof String key) || key.isBlank()) {
                throw new InvalidInputException(field, "keys must be non-blank strings");
            }
            copy.put(key, jsonValue(field + "." + key, e.getValue(), depth + 1));
        }
        return Collections.unmodifiableMap(copy);
    }

    private static Object jsonValue(String field, Object value, int depth) {
        if (value == null) {
            throw new InvalidInputException(field, "must not be null; leave the key out instead");
        }
        if (value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float || value instanceof Double) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new InvalidInputException(field, "must be a finite number");
            }
            return d;
        }
        if (value instanceof java.math.BigInteger || value instanceof java.math.BigDecimal) {
            return normaliseBig((Number) value, field);
        }
        if (value instanceof Map<?, ?> map) {
            return jsonMap(field, map, depth);
        }
        if (value instanceof Collection<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            int i = 0;
            for (Object item : list) {
                out.add(jsonValue(field + "[" + i++ + "]", item, depth + 1));
            }
            return Collections.unmodifiableList(out);
        }
        throw new InvalidInputException(field, "must be a string, boolean, number, list or map, was "
                + value.getClass().getName());
    }

    private static Object normaliseBig(Number n, String field) {
        if (n instanceof java.math.BigInteger bi) {
            if (bi.bitLength() < 64) {
                return bi.longValue();
            }
            throw new InvalidInputException(field, "integer does not fit in 64 bits");
        }
        java.math.BigDecimal bd = (java.math.BigDecimal) n;
        if (bd.stripTrailingZeros().scale() <= 0 && bd.abs().compareTo(java.math.BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
            return bd.longValue();
        }
        return jsonValue(field, bd.doubleValue(), 0);
    }

    /**
     * Parses the lower-case wire name of an enum constant ({@code in_progress} for {@code IN_PROGRESS}).
     *
     * @return the constant
     */
    public static <E extends Enum<E>> E enumValue(String field, Class<E> type, String wire) {
        if (wire == null) {
            throw new InvalidInputException(field, "is required");
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().toLowerCase(Locale.ROOT).equals(wire)) {
                return constant;
            }
        }
        List<String> allowed = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            allowed.add(constant.name().toLowerCase(Locale.ROOT));
        }
        throw new InvalidInputException(field, "must be one of " + allowed + ", was '" + abbreviate(wire) + "'");
    }

    /** @return the lower-case wire name of an enum constant */
    public static String wireName(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
