package co.omegamax.platform.adapter.sqlite;

import co.omegamax.platform.spi.ConfigurationException;
import co.omegamax.platform.spi.DataStore;
import co.omegamax.platform.spi.DataStoreProvider;
import co.omegamax.platform.spi.PlatformConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The {@code sqlite} {@link DataStoreProvider}, registered through ServiceLoader. Config keys:
 * {@value #PATH} (default {@code ~/.omega/platform.db}) and {@value #BUSY_TIMEOUT} (milliseconds, default 5000).
 */
public final class SqliteDataStoreProvider implements DataStoreProvider {
    /** Provider name for {@code omega.datastore}. */
    public static final String NAME = "sqlite";
    /** Database file. */
    public static final String PATH = "omega.sqlite.path";
    /** Busy timeout in milliseconds. */
    public static final String BUSY_TIMEOUT = "omega.sqlite.busy-timeout";

    /** ServiceLoader constructor. */
    public SqliteDataStoreProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void validate(PlatformConfig config) {
        Path file = path(config);
        if (Files.isDirectory(file)) {
            throw new ConfigurationException(PATH + "=" + file + " (from " + config.sourceOf(PATH)
                    + ") is a directory; point it at a database file such as " + file.resolve("platform.db"));
        }
        int timeout = config.getInt(BUSY_TIMEOUT, SqliteDataStore.DEFAULT_BUSY_TIMEOUT_MILLIS);
        if (timeout < 0 || timeout > 600_000) {
            throw new ConfigurationException(BUSY_TIMEOUT + "=" + timeout + " must be between 0 and 600000 milliseconds");
        }
    }

    @Override
    public DataStore create(PlatformConfig config) {
        validate(config);
        return SqliteDataStore.open(path(config), Clock.systemUTC(),
                config.getInt(BUSY_TIMEOUT, SqliteDataStore.DEFAULT_BUSY_TIMEOUT_MILLIS));
    }

    private static Path path(PlatformConfig config) {
        return config.getPath(PATH).orElseGet(() -> Path.of(System.getProperty("user.home"), ".omega", "platform.db"));
    }
}
