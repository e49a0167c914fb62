package co.omegamax.memory;

import java.util.List;
import java.util.Map;

/**
 * An edit of an existing memory; {@code null} fields are left unchanged. Changing the content
 * re-embeds the memory and re-indexes its words.
 *
 * @param content new content, or {@code null}
 * @param eventType new type, or {@code null}
 * @param tags replacement tags, or {@code null}
 * @param metadata replacement metadata, or {@code null}
 * @param priority new priority 1..5, or {@code null}
 * @param status new status, or {@code null} (use it to archive or re-activate)
 */
public record MemoryUpdate(String content, EventType eventType, List<String> tags, Map<String, String> metadata,
                           Integer priority, MemoryStatus status) {

    /** Validates what is set. */
    public MemoryUpdate {
        if (content != null && content.isBlank()) {
            throw new InvalidMemoryException("new content must not be empty");
        }
        if (priority != null && (priority < 1 || priority > 5)) {
            throw new InvalidMemoryException("priority must be between 1 and 5, was " + priority);
        }
        tags = tags == null ? null : NewMemory.normaliseTags(tags);
        metadata = metadata == null ? null : Map.copyOf(metadata);
        if (content == null && eventType == null && tags == null && metadata == null && priority == null
                && status == null) {
            throw new InvalidMemoryException("update changes nothing: set at least one field");
        }
    }

    /** An update of the content only. */
    public static MemoryUpdate content(String content) {
        return new MemoryUpdate(content, null, null, null, null, null);
    }

    /** An update of the status only. */
    public static MemoryUpdate status(MemoryStatus status) {
        return new MemoryUpdate(null, null, null, null, null, status);
    }
}
