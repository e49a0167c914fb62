package co.omegamax.memory;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What kind of memory an entry is. Each type has a wire name (used in JSON, the CLI and MCP tools),
 * a {@link TtlClass} and a default priority from 1 (lowest) to 5 (highest).
 */
public enum EventType {
    /** A choice that was made, and why. */
    DECISION("decision", TtlClass.PERMANENT, 4),
    /** Something learned the hard way. */
    LESSON_LEARNED("lesson_learned", TtlClass.PERMANENT, 4),
    /** A recurring error and its fix: a pitfall to avoid. */
    ERROR_PATTERN("error_pattern", TtlClass.PERMANENT, 4),
    /** How the user likes things done. */
    USER_PREFERENCE("user_preference", TtlClass.PERMANENT, 5),
    /** A fact about the user, their team or their environment. */
    USER_FACT("user_fact", TtlClass.PERMANENT, 4),
    /** A snapshot of a task in progress, for resuming it later. */
    CHECKPOINT("checkpoint", TtlClass.MEDIUM, 3),
    /** Something to bring up again at a due time. */
    REMINDER("reminder", TtlClass.LONG, 3),
    /** A finished task and its outcome. */
    TASK_COMPLETION("task_completion", TtlClass.MEDIUM, 2),
    /** A summary of a finished session. */
    SESSION_SUMMARY("session_summary", TtlClass.MEDIUM, 2),
    /** A general note that fits no other type. */
    MEMORY("memory", TtlClass.LONG, 2),
    /** A short-lived observation (file touched, command run). */
    OBSERVATION("observation", TtlClass.SHORT, 1);

    private final String wireName;
    private final TtlClass ttl;
    private final int defaultPriority;

    EventType(String wireName, TtlClass ttl, int defaultPriority) {
        this.wireName = wireName;
        this.ttl = ttl;
        this.defaultPriority = defaultPriority;
    }

    /** The name used in JSON, the CLI and MCP tools, e.g. {@code lesson_learned}. */
    public String wireName() {
        return wireName;
    }

    /** How long memories of this type live. */
    public TtlClass ttl() {
        return ttl;
    }

    /** Priority given to a memory of this type when the caller sets none (1..5). */
    public int defaultPriority() {
        return defaultPriority;
    }

    /**
     * Parses a wire name (case-insensitive; {@code -} and {@code _} are interchangeable).
     *
     * @throws InvalidQueryException if the name is unknown; the message lists the valid names
     */
    public static EventType fromWireName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidQueryException("event type must not be blank; valid types: " + validNames());
        }
        String normalized = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (EventType type : values()) {
            if (type.wireName.equals(normalized)) {
                return type;
            }
        }
        throw new InvalidQueryException("unknown event type '" + name + "'; valid types: " + validNames());
    }

    /** Comma-separated list of every wire name. */
    public static String validNames() {
        return Arrays.stream(values()).map(EventType::wireName).collect(Collectors.joining(", "));
    }
}
