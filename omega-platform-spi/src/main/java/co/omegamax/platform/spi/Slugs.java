package co.omegamax.platform.spi;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * URL slugs for workspaces ({@code /admin/acme-corp}): generated from names with Unicode folded to ASCII
 * ({@code "Café Straße"} → {@code "cafe-strasse"}), unique per user, editable by the user.
 */
public final class Slugs {
    /** Longest slug accepted or generated. */
    public static final int MAX_LENGTH = 63;
    /** Slug used when a name has no foldable letters or digits (e.g. only CJK or emoji). */
    public static final String FALLBACK = "workspace";

    private static final Pattern VALID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Map<Character, String> FOLDS = Map.ofEntries(
            Map.entry('ß', "ss"), Map.entry('æ', "ae"), Map.entry('œ', "oe"), Map.entry('ø', "o"),
            Map.entry('đ', "d"), Map.entry('ð', "d"), Map.entry('ł', "l"), Map.entry('þ', "th"),
            Map.entry('ı', "i"), Map.entry('&', " and "));

    private Slugs() {
    }

    /**
     * @param name any display name
     * @return its slug: lower-case ASCII letters and digits separated by single hyphens, at most
     *     {@value #MAX_LENGTH} chars; {@value #FALLBACK} when nothing is left
     */
    public static String slugify(String name) {
        Validate.notNull("name", name);
        String lower = name.toLowerCase(Locale.ROOT);
        StringBuilder folded = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            String f = FOLDS.get(c);
            folded.append(f != null ? f : String.valueOf(c));
        }
        String decomposed = Normalizer.normalize(folded, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder();
        boolean pendingHyphen = false;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (pendingHyphen && out.length() > 0) {
                    out.append('-');
                }
                pendingHyphen = false;
                out.append(c);
            } else {
                pendingHyphen = true;
            }
        }
        String slug = trim(out.toString(), MAX_LENGTH);
        return slug.isEmpty() ? FALLBACK : slug;
    }

    /** @return {@code slug} if valid: 1..63 chars of a-z, 0-9 and single inner hyphens */
    public static String validate(String slug) {
        if (slug == null || slug.isEmpty()) {
            throw new InvalidInputException("slug", "is required");
        }
        if (slug.length() > MAX_LENGTH || !VALID.matcher(slug).matches()) {
            throw new InvalidInputException("slug", "must be 1.." + MAX_LENGTH
                    + " chars of a-z and 0-9 separated by single hyphens (e.g. 'acme-corp'), was '"
                    + Validate.abbreviate(slug) + "'; Slugs.slugify(name) makes one from a name");
        }
        return slug;
    }

    /**
     * @param base  a valid slug
     * @param taken tells whether the user already uses a slug
     * @return {@code base} if free, else {@code base-2}, {@code base-3}, … (trimmed to fit)
     */
    public static String unique(String base, Predicate<String> taken) {
        validate(base);
        if (!taken.test(base)) {
            return base;
        }
        for (int n = 2; n < 100_000; n++) {
            String suffix = "-" + n;
            String candidate = trim(base, MAX_LENGTH - suffix.length()) + suffix;
            if (!taken.test(candidate)) {
                return candidate;
            }
        }
        throw new ConflictException("no free slug derived from '" + base + "'; pass an explicit slug");
    }

    private static String trim(String slug, int max) {
        String s = slug.length() <= max ? slug : slug.substring(0, max);
        while (s.endsWith("-")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
