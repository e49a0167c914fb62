package co.omegamax.platform.sync.internal;

import java.util.Locale;

/** What an outbox entry asks the target to do. */
public enum Operation {
    /** Insert or replace the record (idempotent by id). */
    UPSERT,
    /** Remove the record (idempotent: an already missing record counts as removed). */
    DELETE,
    /** Mark a memory superseded by another (payload: the replacing id). */
    SUPERSEDE;

    /** @return the lower-case name stored in the outbox */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the operation stored under this wire name */
    public static Operation parse(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
