package co.omegamax.platform.adapter.postgres;

import co.omegamax.platform.spi.DataStore;
import co.omegamax.platform.tck.DataStoreCompatibilityKit;

/** The whole DataStore kit against a real PostgreSQL, connected as the application role under RLS. */
class PostgresDataStoreCompatibilityTest extends DataStoreCompatibilityKit {
    @Override
    protected DataStore createDataStore() {
        TestPostgres pg = TestPostgres.get();
        pg.truncateAll();
        return PostgresDataStore.open(pg.appConfig(TestPostgres.DATABASE));
    }
}
