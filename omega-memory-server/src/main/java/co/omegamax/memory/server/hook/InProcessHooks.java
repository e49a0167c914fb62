package co.omegamax.memory.server.hook;

import co.omegamax.memory.server.Engines;
import co.omegamax.memory.server.OmegaHome;
import co.omegamax.memory.spi.HookedMemoryEngine;
import java.nio.file.Path;
import java.util.Map;

/**
 * The fallback when no server listens: opens the database in this process without the embedding model
 * (words-only recall; stored memories get vectors the next time a model-backed engine opens the file),
 * handles one hook and closes. Loaded by name from {@link HookMain} so the thin client never loads it.
 */
public final class InProcessHooks implements HookHandler, AutoCloseable {
    private final HookedMemoryEngine engine;
    private final HookService service;

    private InProcessHooks(HookedMemoryEngine engine, OmegaHome home) {
        this.engine = engine;
        this.service = new HookService(engine, home.defaultScope());
    }

    /** Opens the database (see {@link HookWire#database}) with the scope of {@code config.yaml}. */
    public static InProcessHooks open(Path database, Map<String, String> env, Path userHome) {
        OmegaHome home = OmegaHome.resolve(database, env, userHome);
        return new InProcessHooks(Engines.open(home.database(), InProcessHooks.class.getClassLoader(), false), home);
    }

    @Override
    public String handle(HookKind kind, byte[] input) {
        return service.handle(kind, input);
    }

    @Override
    public void close() {
        engine.close();
    }
}
