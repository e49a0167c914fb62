package co.omegamax.memory;

/**
 * Outcome of {@link MemoryEngine#feedback}.
 *
 * @param id the memory
 * @param feedbackScore its score after this feedback
 * @param flagged true when the memory is now hidden from queries
 */
public record FeedbackResult(String id, int feedbackScore, boolean flagged) {
}
