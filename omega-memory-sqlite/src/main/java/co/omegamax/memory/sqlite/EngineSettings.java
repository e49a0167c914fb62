package co.omegamax.memory.sqlite;

import co.omegamax.memory.EventType;
import co.omegamax.memory.InvalidQueryException;

/**
 * Tunable thresholds and limits of {@link SqliteMemoryEngine}. Start from {@link #defaults()} and
 * change what you need with the {@code with…} methods.
 *
 * @param semanticDedupThreshold cosine at or above which a memory of the same type is a duplicate (0.88)
 * @param evolveThreshold cosine at or above which a lesson or decision absorbs new content instead of
 *     becoming a new memory (0.83)
 * @param contradictionThreshold cosine at or above which two memories are close enough to contradict (0.70)
 * @param wordDedupThreshold word-overlap (Jaccard) at or above which a memory of the same type is a duplicate (0.85),
 *     adjusted per type by {@link #wordDedupThreshold(EventType)}
 * @param relatedThreshold cosine at or above which stored memories are linked as related (0.72)
 * @param relatedEdges maximum related-edges created per stored memory (3)
 * @param abstainThreshold best cosine below which a query without word matches abstains (0.62)
 * @param maxContentChars longest accepted content (16,000)
 * @param maxMemories node-count limit of one store (5,000,000)
 * @param busyTimeoutMillis how long to wait for another process's lock (10,000)
 */
public record EngineSettings(double semanticDedupThreshold, double evolveThreshold, double contradictionThreshold,
                             double wordDedupThreshold, double relatedThreshold, int relatedEdges,
                             double abstainThreshold, int maxContentChars, long maxMemories,
                             int busyTimeoutMillis) {

    /** Validates ranges. */
    public EngineSettings {
        unit("semanticDedupThreshold", semanticDedupThreshold);
        unit("evolveThreshold", evolveThreshold);
        unit("contradictionThreshold", contradictionThreshold);
        unit("wordDedupThreshold", wordDedupThreshold);
        unit("relatedThreshold", relatedThreshold);
        unit("abstainThreshold", abstainThreshold);
        if (relatedEdges < 0 || relatedEdges > 50) {
            throw new InvalidQueryException("relatedEdges must be between 0 and 50, was " + relatedEdges);
        }
        if (maxContentChars < 1) {
            throw new InvalidQueryException("maxContentChars must be positive, was " + maxContentChars);
        }
        if (maxMemories < 1) {
            throw new InvalidQueryException("maxMemories must be positive, was " + maxMemories);
        }
        if (busyTimeoutMillis < 0) {
            throw new InvalidQueryException("busyTimeoutMillis must not be negative, was " + busyTimeoutMillis);
        }
    }

    /**
     * The word-overlap dedup threshold for one event type. Short statements whose value is the point
     * (preferences, facts) need more overlap, since one changed word is a different fact; prose
     * (lessons, decisions, error patterns, notes) needs less, since a few extra words rarely are.
     */
    public double wordDedupThreshold(EventType type) {
        return switch (type) {
            case USER_PREFERENCE, USER_FACT -> Math.min(1.0, wordDedupThreshold + 0.05);
            case LESSON_LEARNED, DECISION, ERROR_PATTERN, TASK_COMPLETION, MEMORY ->
                    Math.max(0.0, wordDedupThreshold - 0.05);
            default -> wordDedupThreshold;
        };
    }

    /** The defaults documented on each component. */
    public static EngineSettings defaults() {
        return new EngineSettings(0.88, 0.83, 0.70, 0.85, 0.72, 3, 0.62, 16_000, 5_000_000, 10_000);
    }

    /** With another semantic dedup threshold. */
    public EngineSettings withSemanticDedupThreshold(double value) {
        return new EngineSettings(value, evolveThreshold, contradictionThreshold, wordDedupThreshold,
                relatedThreshold, relatedEdges, abstainThreshold, maxContentChars, maxMemories, busyTimeoutMillis);
    }

    /** With another abstain threshold. */
    public EngineSettings withAbstainThreshold(double value) {
        return new EngineSettings(semanticDedupThreshold, evolveThreshold, contradictionThreshold, wordDedupThreshold,
                relatedThreshold, relatedEdges, value, maxContentChars, maxMemories, busyTimeoutMillis);
    }

    /** With another content-size limit. */
    public EngineSettings withMaxContentChars(int value) {
        return new EngineSettings(semanticDedupThreshold, evolveThreshold, contradictionThreshold, wordDedupThreshold,
                relatedThreshold, relatedEdges, abstainThreshold, value, maxMemories, busyTimeoutMillis);
    }

    /** With another node-count limit. */
    public EngineSettings withMaxMemories(long value) {
        return new EngineSettings(semanticDedupThreshold, evolveThreshold, contradictionThreshold, wordDedupThreshold,
                relatedThreshold, relatedEdges, abstainThreshold, maxContentChars, value, busyTimeoutMillis);
    }

    private static void unit(String name, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new InvalidQueryException(name + " must be between 0 and 1, was " + v);
        }
    }
}
