package co.omegamax.platform.jdbi.archfixture;

import org.jdbi.v3.core.Handle;

/** Fixture: shared JDBI support code that queries around the user-scoped statements. */
public class RawJdbiQuery {
    /** @return every memory of every user */
    public int countAll(Handle handle) {
        return handle.createQuery("SELECT count(*) FROM memories").mapTo(Integer.class).one();
    }
}
