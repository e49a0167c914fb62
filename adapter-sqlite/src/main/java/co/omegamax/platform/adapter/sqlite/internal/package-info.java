/**
 * Implementation of the SQLite store. All database work goes through
 * {@link co.omegamax.platform.adapter.sqlite.internal.TenantScope}, which scopes every statement to the acting user.
 * Not an API: may change in any release.
 */
package co.omegamax.platform.adapter.sqlite.internal;
