package co.omegamax.platform.adapter.archfixture;

import co.omegamax.platform.adapter.sqlite.SqliteDataStoreProvider;

/** Fixture: an adapter that depends on another adapter. */
public class OtherAdapter {
    /** @return the other adapter's name */
    public String borrow() {
        return new SqliteDataStoreProvider().name();
    }
}
