package co.omegamax.platform.spi.archfixture;

import co.omegamax.platform.adapter.sqlite.SqliteDataStore;
import co.omegamax.platform.spi.DataStore;
import java.nio.file.Path;

/** Fixture: SPI code that names an adapter. */
public class SpiNamesAdapter {
    /** @return a store from a hard-wired adapter */
    public DataStore open() {
        return SqliteDataStore.open(Path.of("x.db"));
    }
}
