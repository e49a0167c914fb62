package co.omegamax.platform.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A message exchanged within a coordination session.
 *
 * @param id          message id, unique per user
 * @param userId      owner
 * @param workspaceId workspace of the session
 * @param sessionId   session
 * @param sender      sending agent or person
 * @param recipient   receiving agent, or null for broadcast
 * @param content     text
 * @param createdAt   send time
 */
public record Message(String id, String userId, String workspaceId, String sessionId, String sender,
                      String recipient, String content, Instant createdAt) {
    /** Checks required components. */
    public Message {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
