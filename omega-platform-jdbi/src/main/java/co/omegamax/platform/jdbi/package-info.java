/**
 * Support shared by the JDBI-based {@code DataStore} adapters (SQLite, PostgreSQL): the store logic
 * ({@link co.omegamax.platform.jdbi.JdbiStore}) over the adapter's tenant scope
 * ({@link co.omegamax.platform.jdbi.TenantWork}), the tenant tables
 * ({@link co.omegamax.platform.jdbi.Table}), user-scoped statements ({@link co.omegamax.platform.jdbi.UserScopedHandle},
 * {@link co.omegamax.platform.jdbi.ScopedQuery}) that add {@code user_id = ?} to every query and insert, row mappers
 * to the SPI records ({@link co.omegamax.platform.jdbi.Rows}) and JSON columns ({@link co.omegamax.platform.jdbi.Json}).
 * Database differences come in through a {@link co.omegamax.platform.jdbi.SqlDialect}. Meant for the adapters, not for
 * applications: may change in any release.
 */
package co.omegamax.platform.jdbi;
