package co.omegamax.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A recall request: text plus filters. Build with {@link #text(String)} or {@link #builder()}.
 * Filters are exclusive: a memory that fails one is never returned, not even through graph expansion.
 *
 * @param text what to recall; may be empty only in {@link QueryMode#TIMELINE} mode
 * @param mode how to search
 * @param eventTypes only these types (empty: all)
 * @param tags only memories carrying at least one of these tags (empty: no tag filter)
 * @param scope workspace/project filter ({@link Scope#GLOBAL}: no filter)
 * @param sessionId only this session, or {@code null}
 * @param agentType only this agent type, or {@code null}
 * @param entityId only this entity, or {@code null}
 * @param from only memories whose time ({@code validFrom}) is at or after this, or {@code null}
 * @param to only memories whose time is at or before this, or {@code null}
 * @param contextFile file the caller is working on; memories mentioning it rank higher, or {@code null}
 * @param contextTags tags of the caller's context; memories carrying them rank higher
 * @param limit maximum number of hits, 1..200
 * @param offset hits to skip (timeline paging), 0..100000
 * @param includeSuperseded also return superseded and archived memories
 * @param includeExpired also return memories whose TTL ran out
 * @param includeFlagged also return memories flagged by feedback
 * @param expandGraph add memories one hop away in the related-memory graph
 * @param inferTemporal infer a time range from phrases like "last week" when from/to are unset
 */
public record MemoryQuery(
        String text,
        QueryMode mode,
        Set<EventType> eventTypes,
        List<String> tags,
        Scope scope,
        String sessionId,
        String agentType,
        String entityId,
        Instant from,
        Instant to,
        String contextFile,
        List<String> contextTags,
        int limit,
        int offset,
        boolean includeSuperseded,
        boolean includeExpired,
        boolean includeFlagged,
        boolean expandGraph,
        boolean inferTemporal) {

    /** Longest accepted query text. */
    public static final int MAX_TEXT_LENGTH = 4_000;

    /** Validates every filter. */
    public MemoryQuery {
        text = text == null ? "" : text.strip();
        Objects.requireNonNull(mode, "mode");
        if (text.isEmpty() && mode != QueryMode.TIMELINE) {
            throw new InvalidQueryException("query text must not be empty (use mode TIMELINE to list without text)");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new InvalidQueryException("query text is " + text.length() + " characters; the limit is "
                    + MAX_TEXT_LENGTH);
        }
        eventTypes = eventTypes == null || eventTypes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(eventTypes));
        tags = NewMemory.normaliseTags(tags);
        contextTags = NewMemory.normaliseTags(contextTags);
        scope = scope == null ? Scope.GLOBAL : scope;
        if (limit < 1 || limit > 200) {
            throw new InvalidQueryException("limit must be between 1 and 200, was " + limit);
        }
        if (offset < 0 || offset > 100_000) {
            throw new InvalidQueryException("offset must be between 0 and 100000, was " + offset);
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidQueryException("time range is inverted: from " + from + " is after to " + to);
        }
    }

    /** A hybrid query for the text with default filters. */
    public static MemoryQuery text(String text) {
        return builder().text(text).build();
    }

    /** An empty builder (mode HYBRID, limit 10, graph expansion and temporal inference on). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with this query's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.text = text;
        b.mode = mode;
        b.eventTypes.addAll(eventTypes);
        b.tags.addAll(tags);
        b.scope = scope;
        b.sessionId = sessionId;
        b.agentType = agentType;
        b.entityId = entityId;
        b.from = from;
        b.to = to;
        b.contextFile = contextFile;
        b.contextTags.addAll(contextTags);
        b.limit = limit;
        b.offset = offset;
        b.includeSuperseded = includeSuperseded;
        b.includeExpired = includeExpired;
        b.includeFlagged = includeFlagged;
        b.expandGraph = expandGraph;
        b.inferTemporal = inferTemporal;
        return b;
    }

    /** Builder for {@link MemoryQuery}. */
    public static final class Builder {
        private String text = "";
        private QueryMode mode = QueryMode.HYBRID;
        private final Set<EventType> eventTypes = EnumSet.noneOf(EventType.class);
        private final List<String> tags = new ArrayList<>();
        private Scope scope = Scope.GLOBAL;
        private String sessionId;
        private String agentType;
        private String entityId;
        private Instant from;
        private Instant to;
        private String contextFile;
        private final List<String> contextTags = new ArrayList<>();
        private int limit = 10;
        private int offset;
        private boolean includeSuperseded;
        private boolean includeExpired;
        private boolean includeFlagged;
        private boolean expandGraph = true;
        private boolean inferTemporal = true;

        private Builder() {
        }

        /** Sets the text to recall. */
        public Builder text(String text) {
            this.text = text;
            return this;
        }

        /** Sets the search mode. */
        public Builder mode(QueryMode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** Restricts to these event types. */
        public Builder eventTypes(EventType... types) {
            this.eventTypes.addAll(List.of(types));
            return this;
        }

        /** Restricts to these event types. */
        public Builder eventTypes(Set<EventType> types) {
            this.eventTypes.addAll(types);
            return this;
        }

        /** Restricts to memories carrying at least one of these tags. */
        public Builder tags(String... tags) {
            this.tags.addAll(List.of(tags));
            return this;
        }

        /** Restricts to a workspace/project. */
        public Builder scope(Scope scope) {
            this.scope = Objects.requireNonNull(scope, "scope");
            return this;
        }

        /** Restricts to one session. */
        public Builder sessionId(String sessionId) {
            this.sessionId = sessionId;
            return this;
        }

        /** Restricts to one agent type. */
        public Builder agentType(String agentType) {
            this.agentType = agentType;
            return this;
        }

        /** Restricts to one entity. */
        public Builder entityId(String entityId) {
            this.entityId = entityId;
            return this;
        }

        /** Restricts to memories whose time lies in [from, to]; either end may be {@code null}. */
        public Builder between(Instant from, Instant to) {
            this.from = from;
            this.to = to;
            return this;
        }

        /** Boosts memories mentioning this file. */
        public Builder contextFile(String contextFile) {
            this.contextFile = contextFile;
            return this;
        }

        /** Boosts memories carrying these tags. */
        public Builder contextTags(String... tags) {
            this.contextTags.addAll(List.of(tags));
            return this;
        }

        /** Sets the maximum number of hits (1..200). */
        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        /** Skips this many hits (timeline paging). */
        public Builder offset(int offset) {
            this.offset = offset;
            return this;
        }

        /** Also returns superseded and archived memories. */
        public Builder includeSuperseded(boolean include) {
            this.includeSuperseded = include;
            return this;
        }

        /** Also returns expired memories. */
        public Builder includeExpired(boolean include) {
            this.includeExpired = include;
            return this;
        }

        /** Also returns memories flagged by feedback. */
        public Builder includeFlagged(boolean include) {
            this.includeFlagged = include;
            return this;
        }

        /** Turns one-hop graph expansion on or off. */
        public Builder expandGraph(boolean expand) {
            this.expandGraph = expand;
            return this;
        }

        /** Turns inference of time ranges from the text on or off. */
        public Builder inferTemporal(boolean infer) {
            this.inferTemporal = infer;
            return this;
        }

        /** Builds and validates. */
        public MemoryQuery build() {
            return new MemoryQuery(text, mode, eventTypes, tags, scope, sessionId, agentType, entityId, from, to,
                    contextFile, contextTags, limit, offset, includeSuperseded, includeExpired, includeFlagged,
                    expandGraph, inferTemporal);
        }
    }
}
