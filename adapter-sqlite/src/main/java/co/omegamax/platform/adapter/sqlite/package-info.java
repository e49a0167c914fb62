/**
 * The OMEGA {@link co.omegamax.platform.spi.DataStore} on SQLite: open one with
 * {@link co.omegamax.platform.adapter.sqlite.SqliteDataStore#open}, or select it with {@code omega.datastore=sqlite}
 * through {@link co.omegamax.platform.adapter.sqlite.SqliteDataStoreProvider}.
 */
package co.omegamax.platform.adapter.sqlite;
