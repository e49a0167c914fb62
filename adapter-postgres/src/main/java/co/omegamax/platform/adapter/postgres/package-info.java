/**
 * The OMEGA {@link co.omegamax.platform.spi.DataStore} on PostgreSQL with Row Level Security: open one with
 * {@link co.omegamax.platform.adapter.postgres.PostgresDataStore#open}, select it with
 * {@code omega.datastore=postgres} through {@link co.omegamax.platform.adapter.postgres.PostgresDataStoreProvider},
 * and prepare your own database with {@link co.omegamax.platform.adapter.postgres.PostgresSchemaTools}.
 */
package co.omegamax.platform.adapter.postgres;
