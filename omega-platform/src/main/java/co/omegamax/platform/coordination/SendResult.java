package co.omegamax.platform.coordination;

import java.util.List;

/**
 * Result of sending a message.
 *
 * @param messageIds one stored message per recipient
 * @param recipients receiving session ids (a broadcast reaches every other live session)
 */
public record SendResult(List<String> messageIds, List<String> recipients) {
    /** Copies the lists. */
    public SendResult {
        messageIds = List.copyOf(messageIds);
        recipients = List.copyOf(recipients);
    }
}
