package co.omegamax.memory.server.hook;

import co.omegamax.memory.EventType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises preferences, decisions, lessons and facts the user states in a prompt, with a few plain
 * patterns applied per sentence. Questions are ignored; patterns must start the sentence (after an
 * optional "please", "ok", "also", "from now on", ...) so that "it always fails" is not a preference.
 *
 * <table>
 *   <caption>patterns</caption>
 *   <tr><th>pattern</th><th>type</th><th>stored text</th></tr>
 *   <tr><td>I prefer ..., my preference is ..., I (don't) like ... when/to ...</td><td>user_preference</td><td>sentence</td></tr>
 *   <tr><td>always ..., never ..., don't ever ...</td><td>user_preference</td><td>sentence</td></tr>
 *   <tr><td>we decided ..., I've decided ..., let's use/go with X instead of Y, decision: ...</td><td>decision</td><td>sentence / text after "decision:"</td></tr>
 *   <tr><td>lesson: ..., lesson learned: ..., the lesson is ..., (I/we) learned that ...</td><td>lesson_learned</td><td>the lesson</td></tr>
 *   <tr><td>remember that ..., note that ... for the future</td><td>user_fact</td><td>what to remember</td></tr>
 * </table>
 */
public final class PromptCapture {
    /** At most this many memories from one prompt. */
    public static final int MAX_CAPTURES = 3;
    /** Captured text is cut to this many characters. */
    public static final int MAX_LENGTH = 500;

    /** One recognised statement. */
    public record Capture(EventType type, String content, String rule) {
    }

    private record Rule(String name, EventType type, Pattern pattern, boolean wholeSentence) {
    }

    private static final String LEAD = "^(?:(?:ok(?:ay)?|so|also|and|btw|fyi|note|please|from now on|going forward|"
            + "in (?:this|the) (?:project|repo|codebase))[,:]?\\s+)*";
    private static final int F = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private static final List<Rule> RULES = List.of(
            new Rule("lesson", EventType.LESSON_LEARNED,
                    Pattern.compile(LEAD + "(?:the\\s+)?lesson(?:\\s+learned)?(?:\\s+(?:here\\s+)?is|\\s*:)\\s*(?:that\\s+)?(.+)", F), false),
            new Rule("learned", EventType.LESSON_LEARNED,
                    Pattern.compile(LEAD + "(?:i|we)\\s+(?:just\\s+|have\\s+|'ve\\s+)?learn(?:ed|t)\\s+(?:the hard way\\s+)?that\\s+(.+)", F), false),
            new Rule("remember", EventType.USER_FACT,
                    Pattern.compile(LEAD + "(?:(?:you\\s+)?(?:should|must)\\s+)?remember\\s+(?:that\\s+)(.+)", F), false),
            new Rule("decision", EventType.DECISION,
                    Pattern.compile(LEAD + "decision\\s*:\\s*(.+)", F), false),
            new Rule("decided", EventType.DECISION,
                    Pattern.compile(LEAD + "(?:i|we)(?:'ve|\\s+have)?\\s+(?:(?:just|finally)\\s+)?(?:decided|agreed|chosen|settled on)\\b\\s*(.+)", F), true),
            new Rule("instead", EventType.DECISION,
                    Pattern.compile(LEAD + "(?:let's|let us|we(?:'ll|\\s+will|\\s+should)?)\\s+(?:use|go with|switch to|move to|stick with)\\s+(.+?)\\s+(?:instead of|rather than|over)\\s+(.+)", F), true),
            new Rule("prefer", EventType.USER_PREFERENCE,
                    Pattern.compile(LEAD + "(?:i|we)\\s+(?:really\\s+|strongly\\s+|generally\\s+|always\\s+)?(?:prefer|would rather)\\s+(.+)", F), true),
            new Rule("preference", EventType.USER_PREFERENCE,
                    Pattern.compile(LEAD + "my\\s+(?:general\\s+)?preference\\s+is\\s+(.+)", F), true),
            new Rule("like", EventType.USER_PREFERENCE,
                    Pattern.compile(LEAD + "i\\s+(?:really\\s+)?(?:like|don't like|do not like|hate|dislike)\\s+(?:it\\s+)?(?:when|to|using|having)\\s+(.+)", F), true),
            new Rule("always", EventType.USER_PREFERENCE,
                    Pattern.compile(LEAD + "(?:always|never|don't ever|do not ever)\\s+(\\w.+)", F), true));

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\n+");

    private PromptCapture() {
    }

    /** The statements worth remembering in {@code prompt}, in prompt order, at most {@link #MAX_CAPTURES}. */
    public static List<Capture> recognise(String prompt) {
        List<Capture> out = new ArrayList<>();
        if (prompt == null || prompt.isBlank()) {
            return out;
        }
        for (String raw : SENTENCE_END.split(prompt.strip())) {
            String sentence = raw.strip().replaceAll("^[-*>#\\s]+", "").replaceAll("\\s+", " ");
            if (sentence.length() < 8 || sentence.endsWith("?") || sentence.startsWith("```")) {
                continue;
            }
            for (Rule r : RULES) {
                Matcher m = r.pattern().matcher(sentence);
                if (m.find()) {
                    String body = m.group(1).strip();
                    if (words(sentence.substring(m.start(1))) < 2) {
                        break;
                    }
                    String text = r.wholeSentence() ? sentence : capitalise(body);
                    out.add(new Capture(r.type(), cut(text), r.name()));
                    break;
                }
            }
            if (out.size() >= MAX_CAPTURES) {
                break;
            }
        }
        return out;
    }

    private static int words(String s) {
        return s.isBlank() ? 0 : s.strip().split("\\s+").length;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private static String cut(String s) {
        return s.length() <= MAX_LENGTH ? s : s.substring(0, MAX_LENGTH - 3) + "...";
    }
}
