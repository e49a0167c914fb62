package co.omegamax.memory;

/** A caller's verdict on a recalled memory. Feedback moves its ranking; enough negative feedback flags it. */
public enum Feedback {
    /** The memory helped: ranks higher. */
    HELPFUL,
    /** The memory did not help: ranks lower. */
    UNHELPFUL,
    /** The memory is no longer true: ranks much lower and is flagged once the score drops far enough. */
    OUTDATED
}
