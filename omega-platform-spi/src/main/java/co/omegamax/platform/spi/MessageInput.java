package co.omegamax.platform.spi;

import java.time.Instant;

/**
 * A message to {@link DataStore#recordMessage record}; its workspace is the session's.
 *
 * @param id        message id
 * @param sessionId session (must be the user's)
 * @param sender    sender
 * @param recipient recipient, or null for broadcast
 * @param content   text, 1..100,000 chars
 * @param createdAt send time, or null for now
 */
public record MessageInput(String id, String sessionId, String sender, String recipient, String content,
                           Instant createdAt) {
    /** Validates and normalises the components. */
    public MessageInput {
        id = Validate.id("message.id", id);
        sessionId = Validate.id("message.sessionId", sessionId);
        sender = Validate.name("message.sender", sender);
        recipient = recipient == null ? null : Validate.name("message.recipient", recipient);
        content = Validate.content("message.content", content, Validate.MAX_CONTENT_LENGTH);
    }
}
