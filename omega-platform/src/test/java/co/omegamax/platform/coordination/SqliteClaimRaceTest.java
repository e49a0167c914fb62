package co.omegamax.platform.coordination;

import co.omegamax.platform.adapter.sqlite.SqliteDataStore;
import co.omegamax.platform.spi.DataStore;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

/** The claim races with two SQLite stores (two connection sets) over one database file. */
class SqliteClaimRaceTest extends ClaimRaceKit {
    @TempDir
    Path dir;

    @Override
    protected DataStore openStore(Clock clock) {
        return SqliteDataStore.open(dir.resolve("race.db"), clock, 10_000);
    }
}
