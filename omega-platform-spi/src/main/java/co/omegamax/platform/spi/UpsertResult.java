package co.omegamax.platform.spi;

/**
 * Outcome of a batch upsert.
 *
 * @param inserted rows that did not exist for the user before
 * @param updated  rows that existed and were replaced
 */
public record UpsertResult(int inserted, int updated) {
    /** @return inserted + updated */
    public int total() {
        return inserted + updated;
    }
}
