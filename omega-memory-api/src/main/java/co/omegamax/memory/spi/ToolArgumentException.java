package co.omegamax.memory.spi;

import co.omegamax.memory.InvalidQueryException;

/** A tool argument is missing or has the wrong type or value; the message names the argument. */
public class ToolArgumentException extends InvalidQueryException {
    private static final long serialVersionUID = 1L;

    /** With a message naming the argument. */
    public ToolArgumentException(String message) {
        super(message);
    }
}
