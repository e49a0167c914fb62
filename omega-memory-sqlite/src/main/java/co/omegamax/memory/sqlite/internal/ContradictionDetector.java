package co.omegamax.memory.sqlite.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a newer memory reverses an older, related one. Two signals:
 * <ul>
 *   <li>negation flip: one text negates or retracts what the other asserts ("no longer", "don't",
 *       "stopped", "instead of") while they share their subject words;</li>
 *   <li>changed value: the newer text says "from X to Y" / "moved to Y" / "switched to Y" / "replaced X
 *       with Y" and the older text mentions X (or the same subject with another value).</li>
 * </ul>
 * Callers only ask about pairs that are already semantically close or share words.
 */
public final class ContradictionDetector {
    private static final Pattern NEGATION = Pattern.compile(
            "\\b(no longer|not anymore|any ?more|don't|do not|doesn't|does not|never|stop(?:ped)? using|"
                    + "instead of|rather than|not|no|isn't|aren't|won't|wasn't|avoid|dropped|deprecated|abandoned)\\b");
    private static final Pattern CHANGE_FROM_TO = Pattern.compile(
            "\\b(?:moved|switched|changed|migrated|went|upgraded|downgraded|relocated|converted)\\s+(?:\\w+\\s+){0,3}?from\\s+"
                    + "(.+?)\\s+to\\s+([^.,;]+)");
    private static final Pattern REPLACED = Pattern.compile("\\breplaced\\s+(.+?)\\s+with\\s+([^.,;]+)");
    private static final Pattern NOW_VALUE = Pattern.compile(
            "\\b(?:now|instead)\\b.*?\\b(?:use|uses|using|prefer|prefers|is|are|live|lives|work|works|based in|in)\\s+([^.,;]+)");
    private static final Set<String> FILLER = Set.of("now", "use", "instead", "prefer", "using", "longer", "anymore",
            "no", "not", "don't", "never");

    /** The reason the newer text contradicts the older one, or empty. */
    public Optional<String> contradiction(String older, String newer) {
        String o = older.toLowerCase(Locale.ROOT);
        String n = newer.toLowerCase(Locale.ROOT);
        Optional<String> changed = changedValue(o, n);
        if (changed.isPresent()) {
            return changed;
        }
        boolean oNeg = NEGATION.matcher(o).find();
        boolean nNeg = NEGATION.matcher(n).find();
        if (oNeg != nNeg && sharesSubject(o, n)) {
            return Optional.of(nNeg ? "newer memory negates the older one" : "newer memory reverses an older negation");
        }
        if (oNeg && nNeg && retracts(n) && sharesSubject(o, n) && !retracts(o)) {
            return Optional.of("newer memory retracts the older one");
        }
        return Optional.empty();
    }

    private static boolean retracts(String text) {
        return text.contains("no longer") || text.contains("anymore") || text.contains("stopped")
                || text.contains("instead of");
    }

    private static Optional<String> changedValue(String o, String n) {
        for (Pattern p : new Pattern[] {CHANGE_FROM_TO, REPLACED}) {
            Matcher m = p.matcher(n);
            if (m.find()) {
                String from = m.group(1).strip();
                String to = m.group(2).strip();
                if (mentions(o, from) && !mentions(o, to)) {
                    return Optional.of("value changed from '" + from + "' to '" + to + "'");
                }
            }
        }
        Matcher now = NOW_VALUE.matcher(n);
        if (now.find()) {
            String value = now.group(1).strip();
            if (!mentions(o, value) && sharesSubject(o, n)) {
                return Optional.of("newer memory states a new value '" + value + "'");
            }
        }
        return Optional.empty();
    }

    private static boolean mentions(String text, String phrase) {
        for (String word : Text.words(phrase)) {
            if (!FILLER.contains(word) && Text.words(text).contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sharesSubject(String o, String n) {
        Set<String> ow = Text.words(o);
        Set<String> nw = Text.words(n);
        int shared = 0;
        for (String w : nw) {
            if (!FILLER.contains(w) && ow.contains(w)) {
                shared++;
            }
        }
        return shared >= 1 && shared * 3 >= Math.min(ow.size(), nw.size());
    }
}
