package co.omegamax.platform.coordination;

import java.time.Instant;

/**
 * Another live session's claim or intent that touches a path the caller asked about.
 *
 * @param path      the caller's (normalised) path
 * @param kind      {@code claim} or {@code intent}
 * @param otherPath the claimed file or the intent's file/directory that overlaps
 * @param sessionId the other session
 * @param agentName the other agent
 * @param since     when the other session claimed or announced it
 * @param detail    the claim's purpose or the intent's description, or null
 */
public record Overlap(String path, String kind, String otherPath, String sessionId, String agentName, Instant since,
                      String detail) {
}
