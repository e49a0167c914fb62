package co.omegamax.memory.spi;

import co.omegamax.memory.MemoryException;

/**
 * Two providers claim the same thing (a tool name, a retrieval profile for one event type). Thrown at
 * start-up; the message names both providers.
 */
public class ExtensionConflictException extends MemoryException {
    private static final long serialVersionUID = 1L;

    /** With a message naming both providers. */
    public ExtensionConflictException(String message) {
        super(message);
    }
}
