package co.omegamax.platform.sync.internal;

import co.omegamax.platform.spi.CoordinationKind;
import co.omegamax.platform.spi.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What an outbox entry holds; stored by its wire name. Also the push order inside a batch (sessions first). */
public enum RecordKind {
    /** An agent session (before the records that reference it). */
    SESSION(null),
    /** A memory. */
    MEMORY(null),
    /** A coordination task. */
    TASK(null),
    /** A handoff between sessions. */
    HANDOFF(null),
    /** A message of a session. */
    MESSAGE(null),
    /** Coordination event: intent. */
    INTENT(CoordinationKind.INTENT),
    /** Coordination event: decision. */
    DECISION(CoordinationKind.DECISION),
    /** Coordination event: git event. */
    GIT_EVENT(CoordinationKind.GIT_EVENT),
    /** Coordination event: metric. */
    METRIC(CoordinationKind.METRIC),
    /** Coordination event: file claim. */
    FILE_CLAIM(CoordinationKind.FILE_CLAIM),
    /** Coordination event: file read. */
    FILE_READ(CoordinationKind.FILE_READ);

    private final CoordinationKind coordinationKind;

    RecordKind(CoordinationKind coordinationKind) {
        this.coordinationKind = coordinationKind;
    }

    /** @return the lower-case name stored in the outbox */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the coordination event kind, or null for the other kinds */
    public CoordinationKind coordinationKind() {
        return coordinationKind;
    }

    /** @return the kind of a coordination event */
    public static RecordKind of(CoordinationKind kind) {
        return valueOf(kind.name());
    }

    /**
     * Parses a kind as named by the coordination service ({@code session}, {@code task}, {@code handoff},
     * {@code message}, a {@link CoordinationKind} name in either case) or as stored in the outbox.
     */
    public static RecordKind parse(String kind) {
        if (kind != null) {
            String n = kind.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            for (RecordKind k : values()) {
                if (k.name().equals(n)) {
                    return k;
                }
            }
        }
        throw new InvalidInputException("kind", "must be one of "
                + Arrays.stream(values()).map(RecordKind::wire).collect(Collectors.joining(", ")) + ", was '"
                + (kind == null ? "null" : kind.length() > 40 ? kind.substring(0, 40) + "…" : kind) + "'");
    }
}
