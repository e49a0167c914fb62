package co.omegamax.platform.coordination;

/**
 * Told about every coordination record the {@link CoordinationService} writes or deletes, after the store
 * accepted the change (e.g. to queue it for sync). Implementations must be thread-safe and fast; an exception
 * they throw is logged and does not undo the write.
 */
public interface CoordinationListener {

    /** A listener that ignores everything (the default when sync is off). */
    CoordinationListener NONE = new CoordinationListener() {
        @Override
        public void recorded(Object record) {
        }

        @Override
        public void deleted(String kind, String id) {
        }
    };

    /**
     * A record was inserted or replaced.
     *
     * @param record the stored SPI record: a {@code Session}, {@code Task}, {@code Message}, {@code Handoff} or
     *               {@code CoordinationEvent} of {@code co.omegamax.platform.spi}
     */
    void recorded(Object record);

    /**
     * A record was deleted.
     *
     * @param kind {@code "session"}, {@code "task"}, {@code "handoff"}, or a {@code CoordinationKind} constant
     *             name such as {@code "FILE_CLAIM"}
     * @param id   the record's id
     */
    void deleted(String kind, String id);
}
