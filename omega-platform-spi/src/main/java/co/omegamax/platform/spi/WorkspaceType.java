package co.omegamax.platform.spi;

/** What a {@link Workspace} stands for. Stored and exchanged as the lower-case constant name ({@link Validate#wireName}). */
public enum WorkspaceType {
    /** A business the user runs. */
    BUSINESS,
    /** A client the user works for. */
    CLIENT,
    /** The user's personal space. */
    PERSONAL
}
