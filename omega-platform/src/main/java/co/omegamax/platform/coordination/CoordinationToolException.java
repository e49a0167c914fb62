package co.omegamax.platform.coordination;

import co.omegamax.memory.MemoryException;

/**
 * A coordination tool call could not be carried out; the MCP server turns it into a tool error carrying the
 * message. {@link #code()} says what kind of problem it is. (Bad arguments are reported as
 * {@link co.omegamax.memory.spi.ToolArgumentException} instead; a refused claim is a normal result, not an error.)
 */
public class CoordinationToolException extends MemoryException {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Code {
        /** The platform is not configured (no data store, no workspace): see the message for the keys to set. */
        NOT_CONFIGURED,
        /** A session, task or handoff does not exist in this workspace and project. */
        NOT_FOUND,
        /** The request contradicts the current state (ended session, closed task, task held by another session). */
        CONFLICT,
        /** The data store failed; retry later. */
        STORE_FAILED
    }

    private final Code code;

    /** @param code what kind of problem; @param message what went wrong and what to do next */
    public CoordinationToolException(Code code, String message) {
        super(code.name().toLowerCase(java.util.Locale.ROOT) + ": " + message);
        this.code = code;
    }

    /** @param code what kind of problem; @param message what went wrong; @param cause the underlying failure */
    public CoordinationToolException(Code code, String message, Throwable cause) {
        super(code.name().toLowerCase(java.util.Locale.ROOT) + ": " + message, cause);
        this.code = code;
    }

    /** @return what kind of problem it is */
    public Code code() {
        return code;
    }
}
