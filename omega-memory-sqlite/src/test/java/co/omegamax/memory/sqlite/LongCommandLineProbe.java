package co.omegamax.memory.sqlite;

import co.omegamax.memory.EventType;
import co.omegamax.memory.MemoryQuery;
import co.omegamax.memory.NewMemory;
import java.nio.file.Path;

/** Child-process probe for {@link LongCommandLineTest}: opens an engine the default way (the model artifact is on the class path) and uses it. */
public final class LongCommandLineProbe {
    private LongCommandLineProbe() {
    }

    /** @param args the database file */
    public static void main(String[] args) {
        try (SqliteMemoryEngine engine = SqliteMemoryEngine.builder(Path.of(args[0])).build()) {
            engine.store(NewMemory.of("Deploys go out on Tuesdays after the freeze", EventType.DECISION));
            int hits = engine.query(MemoryQuery.text("Tuesdays deploys")).hits().size();
            System.out.println("degraded=" + engine.isDegraded() + " hits=" + hits);
        }
    }
}
