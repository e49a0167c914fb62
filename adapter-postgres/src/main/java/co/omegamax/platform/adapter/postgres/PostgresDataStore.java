package co.omegamax.platform.adapter.postgres;

import co.omegamax.platform.adapter.postgres.internal.PgStore;
import co.omegamax.platform.adapter.postgres.internal.Pools;
import co.omegamax.platform.adapter.postgres.internal.TenantScope;
import co.omegamax.platform.pgschema.SchemaVersion;
import co.omegamax.platform.pgschema.StepResult;
import co.omegamax.platform.spi.ConfigurationException;
import co.omegamax.platform.spi.DataStore;
import co.omegamax.platform.spi.DataStoreException;
import co.omegamax.platform.spi.Validate;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * Opens the OMEGA {@link DataStore} on PostgreSQL: JDBI 3 over a HikariCP pool of the application role, Flyway
 * migrations shipped in this jar, Row Level Security under the application-level user filter.
 */
public final class PostgresDataStore {
    private PostgresDataStore() {
    }

    /** @return a store; migrates first if the config has owner credentials and {@code migrateOnOpen} */
    public static DataStore open(PostgresConfig config) {
        return open(config, Clock.systemUTC());
    }

    /**
     * @param config connection settings
     * @param clock  source of store-assigned timestamps
     * @return a ready store; close it to close the pool
     * @throws ConfigurationException if the role is unsafe for RLS or the schema version does not match
     */
    public static DataStore open(PostgresConfig config, Clock clock) {
        Validate.notNull("config", config);
        Validate.notNull("clock", clock);
        if (config.migrateOnOpen() && config.hasOwner()) {
            StepResult migrated = PostgresSchemaTools.migrate(config);
            if (!migrated.ok()) {
                throw new DataStoreException(migrated.detail() + "; " + migrated.nextStep(), null);
            }
        }
        StepResult connection = PostgresSchemaTools.testConnection(config);
        if (!connection.ok()) {
            throw new ConfigurationException(connection.detail() + "; " + connection.nextStep());
        }
        SchemaVersion version = PostgresSchemaTools.checkSchemaVersion(config);
        if (version.state() != SchemaVersion.State.UP_TO_DATE) {
            throw new ConfigurationException(version.result().detail() + "; " + version.result().nextStep());
        }
        HikariDataSource pool = Pools.pool(config.url(), config.user(), config.password(), config.poolSize(),
                "omega-postgres");
        String description = config.safeUrl();
        return new PgStore(new TenantScope(Jdbi.create(pool), description), pool, description, clock);
    }
}
