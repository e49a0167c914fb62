package co.omegamax.memory.sqlite.internal;

import co.omegamax.memory.EventType;
import co.omegamax.memory.Memory;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Score modifiers applied after rank fusion: type weight, priority, feedback, bounded recency decay
 * with per-type rates and floors, and context boosts. Each returns a factor and a reason.
 */
public final class Ranking {
    /** Reciprocal-rank-fusion constant (the usual 60): dampens the gap between rank 1 and rank 2. */
    public static final double RRF_K = 60;

    private record Decay(double perDay, double floor) {
    }

    private static final Map<EventType, Double> TYPE_WEIGHT = new EnumMap<>(EventType.class);
    private static final Map<EventType, Decay> DECAY = new EnumMap<>(EventType.class);

    static {
        for (EventType t : EventType.values()) {
            TYPE_WEIGHT.put(t, 1.0);
            DECAY.put(t, new Decay(0.01, 0.6));
        }
        TYPE_WEIGHT.put(EventType.USER_PREFERENCE, 1.15);
        TYPE_WEIGHT.put(EventType.DECISION, 1.10);
        TYPE_WEIGHT.put(EventType.LESSON_LEARNED, 1.10);
        TYPE_WEIGHT.put(EventType.ERROR_PATTERN, 1.10);
        TYPE_WEIGHT.put(EventType.USER_FACT, 1.05);
        TYPE_WEIGHT.put(EventType.CHECKPOINT, 0.90);
        TYPE_WEIGHT.put(EventType.SESSION_SUMMARY, 0.90);
        TYPE_WEIGHT.put(EventType.TASK_COMPLETION, 0.90);
        TYPE_WEIGHT.put(EventType.OBSERVATION, 0.80);
        for (EventType t : List.of(EventType.USER_PREFERENCE, EventType.USER_FACT, EventType.DECISION,
                EventType.LESSON_LEARNED, EventType.ERROR_PATTERN)) {
            DECAY.put(t, new Decay(0.002, 0.85));
        }
        for (EventType t : List.of(EventType.CHECKPOINT, EventType.SESSION_SUMMARY, EventType.TASK_COMPLETION,
                EventType.OBSERVATION)) {
            DECAY.put(t, new Decay(0.03, 0.4));
        }
        DECAY.put(EventType.REMINDER, new Decay(0, 1));
    }

    private Ranking() {
    }

    /** A multiplicative factor and why (the text is built only when asked for: ranking is a hot path). */
    public record Factor(double value, java.util.function.Supplier<String> why) {
        /** Why, or an empty string. */
        public String reason() {
            return why.get();
        }
    }

    /** Weight of the memory's type. */
    public static Factor type(Memory m) {
        double w = TYPE_WEIGHT.get(m.eventType());
        return new Factor(w, () -> String.format(Locale.ROOT, "type %s x%.2f", m.eventType().wireName(), w));
    }

    /** Priority 1..5 maps to x0.95..x1.15. */
    public static Factor priority(Memory m) {
        double w = 0.9 + 0.05 * m.priority();
        return new Factor(w, () -> String.format(Locale.ROOT, "priority %d x%.2f", m.priority(), w));
    }

    /** Feedback score maps to x0.5..x1.5. */
    public static Factor feedback(Memory m) {
        double w = Math.max(0.5, Math.min(1.5, 1 + 0.1 * m.feedbackScore()));
        return new Factor(w, () -> String.format(Locale.ROOT, "feedback %+d x%.2f", m.feedbackScore(), w));
    }

    /** exp(-rate x age in days), never below the type's floor. */
    public static Factor recency(Memory m, Instant now) {
        Decay d = DECAY.get(m.eventType());
        double days = Math.max(0, Duration.between(m.validFrom(), now).toHours() / 24.0);
        double w = Math.max(d.floor(), Math.exp(-d.perDay() * days));
        return new Factor(w, () -> String.format(Locale.ROOT, "recency %.0fd x%.2f", days, w));
    }

    /** Boost for memories mentioning the caller's current file or carrying its tags; 1 when no context. */
    public static Factor context(Memory m, String contextFile, List<String> contextTags) {
        double w = 1;
        StringBuilder why = new StringBuilder();
        if (contextFile != null && !contextFile.isBlank()) {
            String file = contextFile.strip();
            int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
            String base = file.substring(slash + 1);
            String content = m.content().toLowerCase(Locale.ROOT);
            if (content.contains(file.toLowerCase(Locale.ROOT)) || (!base.isEmpty()
                    && content.contains(base.toLowerCase(Locale.ROOT)))
                    || file.equals(m.metadata().get("file"))) {
                w *= 1.25;
                why.append("mentions ").append(base).append(' ');
            }
        }
        int shared = 0;
        for (String tag : contextTags) {
            if (m.tags().contains(tag)) {
                shared++;
            }
        }
        if (shared > 0) {
            w *= Math.min(1.3, 1 + 0.1 * shared);
            why.append(shared).append(" context tag(s) ");
        }
        double value = w;
        return new Factor(w, () -> value == 1 ? "" : String.format(Locale.ROOT, "context %sx%.2f", why, value));
    }
}
