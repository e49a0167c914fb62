package co.omegamax.platform.adapter.sqlite.archfixture;

import org.jdbi.v3.core.Handle;

/** Fixture: SQLite adapter code that queries around the tenant scope. */
public class RawQuery {
    /** @return every memory of every user */
    public int countAll(Handle handle) {
        return handle.createQuery("SELECT count(*) FROM memories").mapTo(Integer.class).one();
    }
}
