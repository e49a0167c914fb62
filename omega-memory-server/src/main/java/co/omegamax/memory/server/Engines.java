package co.omegamax.memory.server;

import co.omegamax.memory.spi.HookRegistry;
import co.omegamax.memory.spi.HookedMemoryEngine;
import co.omegamax.memory.spi.ProviderFailure;
import co.omegamax.memory.spi.RetrievalPlugins;
import co.omegamax.memory.sqlite.SqliteMemoryEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the engine the server and the CLI use: SQLite, retrieval plug-ins and hooks found on the classpath. */
public final class Engines {
    private static final Logger LOG = LoggerFactory.getLogger(Engines.class);

    private Engines() {
    }

    /** Opens (creating if needed) the database with every discovered extension. */
    public static HookedMemoryEngine open(Path database, ClassLoader loader) {
        return open(database, loader, true);
    }

    /**
     * Opens the database; without {@code embeddings} the model is not loaded (words only, fast start; memories
     * stored so get their vectors the next time the database is opened with the model).
     */
    public static HookedMemoryEngine open(Path database, ClassLoader loader, boolean embeddings) {
        Path parent = database.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            try {
                Files.createDirectories(parent);
                try {
                    Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwx------"));
                } catch (UnsupportedOperationException e) {
                    // not POSIX
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + parent, e);
            }
        }
        RetrievalPlugins retrieval = RetrievalPlugins.discover(loader);
        HookRegistry hooks = HookRegistry.discover(loader);
        for (ProviderFailure f : retrieval.failures()) {
            LOG.warn("retrieval provider skipped: {}", f);
        }
        for (ProviderFailure f : hooks.failures()) {
            LOG.warn("hook provider skipped: {}", f);
        }
        SqliteMemoryEngine.Builder b = SqliteMemoryEngine.builder(database);
        if (!embeddings) {
            b.withoutEmbeddings();
        }
        if (!retrieval.modifiers().isEmpty()) {
            b.scoreModifiers(retrieval.modifiers());
        }
        try {
            return new HookedMemoryEngine(b.build(), hooks);
        } catch (RuntimeException e) {
            hooks.close();
            throw e;
        }
    }
}
