package co.omegamax.platform.adapter.postgres.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** Connection pools for the application role. */
public final class Pools {
    private Pools() {
    }

    /**
     * @return a HikariCP pool; strings are sent untyped ({@code stringtype=unspecified}) so UUID, JSONB and
     *     TIMESTAMPTZ columns take text parameters
     */
    public static HikariDataSource pool(String url, String user, String password, int maxSize, String name) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(maxSize);
        config.setMinimumIdle(Math.min(2, maxSize));
        config.setPoolName(name);
        config.setAutoCommit(true);
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(-1);
        config.addDataSourceProperty("stringtype", "unspecified");
        config.addDataSourceProperty("ApplicationName", name);
        return new HikariDataSource(config);
    }
}
