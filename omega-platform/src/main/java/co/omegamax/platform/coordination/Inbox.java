package co.omegamax.platform.coordination;

import java.util.List;

/**
 * Messages for one session.
 *
 * @param sessionId       receiving session
 * @param messages        the messages returned, oldest first
 * @param unreadRemaining unread messages not returned because of the limit
 */
public record Inbox(String sessionId, List<MessageInfo> messages, int unreadRemaining) {
    /** Copies the list. */
    public Inbox {
        messages = List.copyOf(messages);
    }
}
