package co.omegamax.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A memory to store. Build one with {@link #of(String, EventType)} or {@link #builder(String)}.
 * Validation of size limits happens in the engine, which knows its configured limits.
 *
 * @param content the text; must not be blank
 * @param eventType kind of memory
 * @param tags tags (normalised to lower case, duplicates removed)
 * @param metadata free-form string metadata
 * @param sessionId session storing it, or {@code null}
 * @param agentType kind of agent storing it, or {@code null}
 * @param entityId entity it is about, or {@code null}
 * @param scope workspace and project
 * @param priority 1..5, or {@code null} for the event type's default
 * @param validFrom when the content became true / happened, or {@code null} for "now"
 */
public record NewMemory(
        String content,
        EventType eventType,
        List<String> tags,
        Map<String, String> metadata,
        String sessionId,
        String agentType,
        String entityId,
        Scope scope,
        Integer priority,
        Instant validFrom) {

    /** Validates what can be checked without engine limits. */
    public NewMemory {
        if (content == null || content.isBlank()) {
            throw new InvalidMemoryException("memory content must not be empty");
        }
        Objects.requireNonNull(eventType, "eventType");
        tags = normaliseTags(tags);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        scope = scope == null ? Scope.GLOBAL : scope;
        if (priority != null && (priority < 1 || priority > 5)) {
            throw new InvalidMemoryException("priority must be between 1 and 5, was " + priority);
        }
    }

    /** A memory with only content and type. */
    public static NewMemory of(String content, EventType eventType) {
        return builder(content).eventType(eventType).build();
    }

    /** A builder for a memory with the given content (type defaults to {@link EventType#MEMORY}). */
    public static Builder builder(String content) {
        return new Builder(content);
    }

    /** Effective priority: the given one or the event type's default. */
    public int effectivePriority() {
        return priority != null ? priority : eventType.defaultPriority();
    }

    static List<String> normaliseTags(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String tag : tags) {
            if (tag == null || tag.isBlank()) {
                continue;
            }
            String t = tag.strip().toLowerCase(Locale.ROOT);
            if (t.length() > 100) {
                throw new InvalidMemoryException("tag longer than 100 characters: " + t.substring(0, 20) + "...");
            }
            if (!out.contains(t)) {
                out.add(t);
            }
        }
        return List.copyOf(out);
    }

    /** Builder for {@link NewMemory}. */
    public static final class Builder {
        private final String content;
        private EventType eventType = EventType.MEMORY;
        private final List<String> tags = new ArrayList<>();
        private final Map<String, String> metadata = new LinkedHashMap<>();
        private String sessionId;
        private String agentType;
        private String entityId;
        private Scope scope = Scope.GLOBAL;
        private Integer priority;
        private Instant validFrom;

        private Builder(String content) {
            this.content = content;
        }

        /** Sets the kind of memory. */
        public Builder eventType(EventType eventType) {
            this.eventType = Objects.requireNonNull(eventType, "eventType");
            return this;
        }

        /** Adds tags. */
        public Builder tags(String... tags) {
            this.tags.addAll(List.of(tags));
            return this;
        }

        /** Adds tags. */
        public Builder tags(List<String> tags) {
            this.tags.addAll(tags);
            return this;
        }

        /** Adds one metadata entry. */
        public Builder metadata(String key, String value) {
            this.metadata.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Adds metadata entries. */
        public Builder metadata(Map<String, String> metadata) {
            this.metadata.putAll(metadata);
            return this;
        }

        /** Sets the session. */
        public Builder sessionId(String sessionId) {
            this.sessionId = sessionId;
            return this;
        }

        /** Sets the agent type. */
        public Builder agentType(String agentType) {
            this.agentType = agentType;
            return this;
        }

        /** Sets the entity the memory is about. */
        public Builder entityId(String entityId) {
            this.entityId = entityId;
            return this;
        }

        /** Sets the scope. */
        public Builder scope(Scope scope) {
            this.scope = Objects.requireNonNull(scope, "scope");
            return this;
        }

        /** Sets the priority (1..5). */
        public Builder priority(int priority) {
            this.priority = priority;
            return this;
        }

        /** Sets when the content became true or happened. */
        public Builder validFrom(Instant validFrom) {
            this.validFrom = validFrom;
            return this;
        }

        /** Builds and validates. */
        public NewMemory build() {
            return new NewMemory(content, eventType, tags, metadata, sessionId, agentType, entityId, scope,
                    priority, validFrom);
        }
    }
}
