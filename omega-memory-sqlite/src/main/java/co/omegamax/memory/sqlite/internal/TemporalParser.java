package co.omegamax.memory.sqlite.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Infers a time range from phrases such as "yesterday", "last week", "3 days ago", "past 2 months". */
public final class TemporalParser {
    private static final Pattern AGO = Pattern.compile("\\b(\\d{1,4}|a|an|one|two|three|four|five|six|seven|ten)\\s+"
            + "(day|week|month|year)s?\\s+ago\\b");
    private static final Pattern PAST = Pattern.compile("\\b(?:last|past|previous)\\s+(\\d{1,4}\\s+)?(day|week|month|year)s?\\b");
    private static final Pattern BETWEEN = Pattern.compile("\\bbetween\\s+(\\d{1,4})\\s+and\\s+(\\d{1,4})\\s+(day|week|month|year)s?\\s+ago\\b");

    /** An inferred range. */
    public record Range(Instant from, Instant to) {
    }

    /** The range the text refers to, relative to {@code now}, or empty. */
    public Optional<Range> infer(String text, Instant now) {
        String t = text.toLowerCase(Locale.ROOT);
        Matcher between = BETWEEN.matcher(t);
        if (between.find()) {
            long a = Long.parseLong(between.group(1));
            long b = Long.parseLong(between.group(2));
            Duration unit = unit(between.group(3));
            return Optional.of(new Range(now.minus(unit.multipliedBy(Math.max(a, b))),
                    now.minus(unit.multipliedBy(Math.min(a, b)))));
        }
        if (t.matches(".*\\btoday\\b.*")) {
            return Optional.of(new Range(now.minus(Duration.ofDays(1)), now));
        }
        if (t.matches(".*\\byesterday\\b.*")) {
            return Optional.of(new Range(now.minus(Duration.ofDays(2)), now.minus(Duration.ofHours(12))));
        }
        Matcher ago = AGO.matcher(t);
        if (ago.find()) {
            long n = number(ago.group(1));
            Duration unit = unit(ago.group(2));
            Instant center = now.minus(unit.multipliedBy(n));
            Duration slack = unit.dividedBy(2).plus(unit.multipliedBy(n).dividedBy(5));
            return Optional.of(new Range(center.minus(slack), center.plus(slack)));
        }
        Matcher past = PAST.matcher(t);
        if (past.find()) {
            long n = past.group(1) == null ? 1 : Long.parseLong(past.group(1).strip());
            return Optional.of(new Range(now.minus(unit(past.group(2)).multipliedBy(n)), now));
        }
        return Optional.empty();
    }

    private static long number(String word) {
        return switch (word) {
            case "a", "an", "one" -> 1;
            case "two" -> 2;
            case "three" -> 3;
            case "four" -> 4;
            case "five" -> 5;
            case "six" -> 6;
            case "seven" -> 7;
            case "ten" -> 10;
            default -> Long.parseLong(word);
        };
    }

    private static Duration unit(String unit) {
        return switch (unit) {
            case "day" -> Duration.ofDays(1);
            case "week" -> Duration.ofDays(7);
            case "month" -> Duration.ofDays(30);
            default -> Duration.ofDays(365);
        };
    }
}
