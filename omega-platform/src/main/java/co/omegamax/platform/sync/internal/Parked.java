package co.omegamax.platform.sync.internal;

/**
 * An entry the target rejected permanently, to be written to the dead-letter table.
 *
 * @param entry  the entry
 * @param reason why (exception message, never the record's content)
 */
public record Parked(OutboxEntry entry, String reason) {
}
