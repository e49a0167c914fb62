package co.omegamax.memory.sqlite.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Canonical text, hashes and word tokens used by dedup and retrieval. */
public final class Text {
    private static final Pattern MARKDOWN = Pattern.compile("[*_`~#>|\\[\\]()]+");
    private static final Pattern LIST_MARKER = Pattern.compile("(?m)^\\s*(?:[-+]|\\d+[.)])\\s+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern TRAILING_PUNCT = Pattern.compile("[\\s.!?;:,]+$");
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._+#-]*");
    private static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "the", "and", "or", "but", "if", "then", "else", "of", "to", "in", "on", "at", "by", "for",
            "with", "about", "as", "into", "from", "is", "are", "was", "were", "be", "been", "being", "it", "its",
            "this", "that", "these", "those", "i", "we", "you", "he", "she", "they", "me", "us", "my", "our",
            "your", "their", "do", "does", "did", "so", "what", "which", "who", "whom", "how", "when", "where",
            "why", "can", "could", "should", "would", "will", "shall", "may", "might", "must", "have", "has",
            "had", "there", "here", "all", "any", "some", "such", "than", "too", "very", "just", "also", "again",
            "up", "out", "over", "under", "more", "most", "other", "only", "own", "same", "s", "t", "am");

    private Text() {
    }

    /** Lower case, markdown and list markers removed, whitespace collapsed, trailing punctuation dropped. */
    public static String canonical(String content) {
        String s = Normalizer.normalize(content, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        s = LIST_MARKER.matcher(s).replaceAll("");
        s = MARKDOWN.matcher(s).replaceAll(" ");
        s = SPACES.matcher(s).replaceAll(" ").strip();
        return TRAILING_PUNCT.matcher(s).replaceAll("");
    }

    /** Hex SHA-256 of the text's UTF-8 bytes. */
    public static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Lower-case word tokens without stop words, in order of first occurrence. */
    public static Set<String> words(String text) {
        Set<String> out = new LinkedHashSet<>();
        var m = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String token = trimTokenPunctuation(m.group());
            if (token.length() >= 2 && !STOP_WORDS.contains(token)) {
                out.add(token);
            }
        }
        return out;
    }

    /** Jaccard similarity of two token sets (0 when both are empty). */
    public static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String s : a) {
            if (b.contains(s)) {
                common++;
            }
        }
        return (double) common / (a.size() + b.size() - common);
    }

    /** Sentences of a text (split after . ! ? or newlines), stripped, non-empty. */
    public static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (String part : text.split("(?<=[.!?])\\s+|\\n+")) {
            String s = part.strip();
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    private static String trimTokenPunctuation(String token) {
        int end = token.length();
        while (end > 0 && ".-_+".indexOf(token.charAt(end - 1)) >= 0 && !token.endsWith("++")) {
            end--;
        }
        return token.substring(0, end);
    }
}
