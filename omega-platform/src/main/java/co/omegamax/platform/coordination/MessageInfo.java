package co.omegamax.platform.coordination;

import java.time.Instant;

/**
 * A message between sessions.
 *
 * @param id            message id
 * @param fromSessionId sending session
 * @param fromAgent     sending agent, or null if its session is gone
 * @param toSessionId   receiving session (each broadcast copy names its receiver)
 * @param broadcast     sent to every live session of the scope
 * @param content       text
 * @param sentAt        send time
 */
public record MessageInfo(String id, String fromSessionId, String fromAgent, String toSessionId, boolean broadcast,
                          String content, Instant sentAt) {
}
