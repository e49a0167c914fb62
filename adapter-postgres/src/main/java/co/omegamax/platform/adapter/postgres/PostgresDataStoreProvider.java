package co.omegamax.platform.adapter.postgres;

import co.omegamax.platform.spi.ConfigurationException;
import co.omegamax.platform.spi.DataStore;
import co.omegamax.platform.spi.DataStoreProvider;
import co.omegamax.platform.spi.PlatformConfig;

/**
 * The {@code postgres} {@link DataStoreProvider}, registered through ServiceLoader. Config keys: {@value #URL},
 * {@value #USER}, {@value #PASSWORD} (application role), {@value #OWNER_USER}, {@value #OWNER_PASSWORD} (optional
 * owner role for migrations), {@value #APP_ROLE}, {@value #POOL_SIZE}, {@value #MIGRATE}. Passwords are never
 * logged or put in messages.
 */
public final class PostgresDataStoreProvider implements DataStoreProvider {
    /** Provider name for {@code omega.datastore}. */
    public static final String NAME = "postgres";
    /** JDBC URL. */
    public static final String URL = "omega.postgres.url";
    /** Application role. */
    public static final String USER = "omega.postgres.user";
    /** Application role's password. */
    public static final String PASSWORD = "omega.postgres.password";
    /** Owner role (migrations). */
    public static final String OWNER_USER = "omega.postgres.owner-user";
    /** Owner role's password. */
    public static final String OWNER_PASSWORD = "omega.postgres.owner-password";
    /** Role named in the RLS policies (default: the application user). */
    public static final String APP_ROLE = "omega.postgres.app-role";
    /** Pool size. */
    public static final String POOL_SIZE = "omega.postgres.pool-size";
    /** Migrate on open (default true when an owner is configured). */
    public static final String MIGRATE = "omega.postgres.migrate";

    /** ServiceLoader constructor. */
    public PostgresDataStoreProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void validate(PlatformConfig config) {
        toConfig(config);
    }

    @Override
    public DataStore create(PlatformConfig config) {
        return PostgresDataStore.open(toConfig(config));
    }

    /** @return the typed config; @throws ConfigurationException naming the missing or bad key */
    public static PostgresConfig toConfig(PlatformConfig config) {
        String url = config.get(URL).orElseThrow(() -> new ConfigurationException(URL + " is required for the postgres"
                + " datastore, e.g. jdbc:postgresql://localhost:5432/omega; " + PlatformConfig.howToSet(URL)));
        String user = config.get(USER).orElseThrow(() -> new ConfigurationException(USER + " is required (the"
                + " application role, which owns nothing and has no BYPASSRLS); " + PlatformConfig.howToSet(USER)));
        String owner = config.get(OWNER_USER).orElse(null);
        try {
            return new PostgresConfig(url, user, config.get(PASSWORD).orElse(null), owner,
                    config.get(OWNER_PASSWORD).orElse(null), config.get(APP_ROLE).orElse(null),
                    config.getInt(POOL_SIZE, PostgresConfig.DEFAULT_POOL_SIZE),
                    owner != null && config.getBoolean(MIGRATE, true));
        } catch (ConfigurationException e) {
            throw new ConfigurationException(e.getMessage() + " (keys " + URL + ", " + USER + ", " + OWNER_USER + ", "
                    + POOL_SIZE + ")", e);
        }
    }
}
