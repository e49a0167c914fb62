package co.omegamax.memory.sqlite.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Builds safe FTS5 MATCH expressions: every token quoted, so user text can never inject FTS syntax. */
public final class Fts {
    private Fts() {
    }

    /** Any of the query's words (OR), or {@code null} when the text has no searchable word. */
    public static String anyWord(String text) {
        return anyOf(new ArrayList<>(Text.words(text)));
    }

    /**
     * The {@code n} longest distinct words, all required (AND), or {@code null} without words. Long words
     * are usually rare, so this finds near-duplicates (which share almost every word) with a selective
     * index lookup instead of ranking every document that shares one common word.
     */
    public static String mostWords(String text, int n) {
        List<String> words = new ArrayList<>(Text.words(text));
        if (words.isEmpty()) {
            return null;
        }
        words.sort((a, b) -> Integer.compare(b.length(), a.length()));
        List<String> quoted = new ArrayList<>();
        for (String w : words.subList(0, Math.min(n, words.size()))) {
            quoted.add(quote(w));
        }
        return String.join(" AND ", quoted);
    }

    /** Any of the given words (OR), or {@code null} for none. */
    public static String anyOf(List<String> words) {
        if (words.isEmpty()) {
            return null;
        }
        List<String> quoted = new ArrayList<>();
        for (String w : words) {
            quoted.add(quote(w));
        }
        return String.join(" OR ", quoted);
    }

    /** One word, quoted. */
    public static String term(String word) {
        return quote(word);
    }

    /** The exact phrase, or {@code null} when the text has no searchable character. */
    public static String phrase(String text) {
        String cleaned = text.strip();
        return cleaned.isEmpty() ? null : quote(cleaned);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
