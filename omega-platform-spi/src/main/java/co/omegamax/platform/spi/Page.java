package co.omegamax.platform.spi;

/**
 * A bounded page request: at most {@code limit} rows (1..{@value #MAX_LIMIT}) after skipping {@code offset}
 * rows (&ge; 0). Every list method of the ports takes one, so no call can return an unbounded result.
 *
 * @param limit  rows to return at most, 1..{@value #MAX_LIMIT}
 * @param offset rows to skip, &ge; 0
 */
public record Page(int limit, int offset) {
    /** The largest page any list method returns. */
    public static final int MAX_LIMIT = 500;
    /** The default page size used by {@link #first()}. */
    public static final int DEFAULT_LIMIT = 50;

    /** @throws InvalidInputException if limit is outside 1..500 or offset is negative */
    public Page {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("page.limit", "must be between 1 and " + MAX_LIMIT + ", was " + limit
                    + "; fetch more rows with further pages");
        }
        if (offset < 0) {
            throw new InvalidInputException("page.offset", "must be >= 0, was " + offset);
        }
    }

    /** @return the first page of {@value #DEFAULT_LIMIT} rows */
    public static Page first() {
        return new Page(DEFAULT_LIMIT, 0);
    }

    /** @param limit rows per page; @return the first page of that size */
    public static Page first(int limit) {
        return new Page(limit, 0);
    }

    /** @param limit rows per page; @param offset rows to skip; @return that page */
    public static Page of(int limit, int offset) {
        return new Page(limit, offset);
    }

    /** @return the page right after this one, same size */
    public Page next() {
        long nextOffset = (long) offset + limit;
        if (nextOffset > Integer.MAX_VALUE) {
            throw new InvalidInputException("page.offset", "would overflow past " + Integer.MAX_VALUE);
        }
        return new Page(limit, (int) nextOffset);
    }
}
