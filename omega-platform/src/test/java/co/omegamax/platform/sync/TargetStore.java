package co.omegamax.platform.sync;

import co.omegamax.platform.adapter.sqlite.SqliteDataStore;
import co.omegamax.platform.spi.DataStore;
import co.omegamax.platform.spi.DataStoreException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sync target of the tests: a real SQLite DataStore on a file, which can be closed ("offline": calls then
 * fail as they do on a closed store) and reopened on the same file, and which counts calls per method. It can
 * also lose the acknowledgement of the next write: the write commits, then the call fails, as when the
 * connection drops before the answer arrives.
 */
final class TargetStore implements AutoCloseable {
    private final Path file;
    private volatile DataStore current;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final AtomicInteger loseAcks = new AtomicInteger();
    private final DataStore proxy;
    private final DataStore reader;

    TargetStore(Path file) {
        this.file = file;
        this.current = SqliteDataStore.open(file);
        this.reader = SqliteDataStore.open(file);
        this.proxy = (DataStore) Proxy.newProxyInstance(DataStore.class.getClassLoader(),
                new Class<?>[] {DataStore.class}, (p, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null; // the test owns the real store
                    }
                    calls.computeIfAbsent(method.getName(), k -> new AtomicInteger()).incrementAndGet();
                    Object result;
                    try {
                        result = method.invoke(current, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().startsWith("upsert") && loseAcks.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        throw new DataStoreException("connection reset after the write (simulated)", null);
                    }
                    return result;
                });
    }

    /** The store the sync engine pushes to. */
    DataStore target() {
        return proxy;
    }

    /** A second, always open store on the same file, for setup and assertions. */
    DataStore reader() {
        return reader;
    }

    void offline() {
        current.close();
    }

    void online() {
        current = SqliteDataStore.open(file);
    }

    void loseNextAcks(int n) {
        loseAcks.set(n);
    }

    int calls(String method) {
        AtomicInteger n = calls.get(method);
        return n == null ? 0 : n.get();
    }

    void resetCounts() {
        calls.clear();
    }

    @Override
    public void close() {
        current.close();
        reader.close();
    }
}
