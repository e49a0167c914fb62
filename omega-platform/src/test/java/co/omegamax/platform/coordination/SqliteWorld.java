package co.omegamax.platform.coordination;

import co.omegamax.platform.adapter.sqlite.SqliteDataStore;
import co.omegamax.platform.context.WorkspaceContext;
import co.omegamax.platform.spi.CreateProjectInput;
import co.omegamax.platform.spi.CreateWorkspaceInput;
import co.omegamax.platform.spi.DataStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A SQLite file with workspaces of two users, and coordination services over it for tests. */
final class SqliteWorld implements AutoCloseable {
    static final String ALICE = "alice";
    static final String BOB = "bob";

    final Path file;
    final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
    final DataStore store;
    final WorkspaceContext alice;
    private final List<DataStore> extra = new ArrayList<>();

    SqliteWorld(Path dir) {
        this.file = dir.resolve("platform.db");
        this.store = SqliteDataStore.open(file, clock, 10_000);
        this.alice = new WorkspaceContext(ALICE, store.createWorkspace(ALICE, CreateWorkspaceInput.named("Acme")).id(),
                null);
    }

    /** @return a service for Alice's workspace on the shared store */
    CoordinationService service() {
        return service(alice);
    }

    CoordinationService service(WorkspaceContext context) {
        return CoordinationService.builder(store, context).clock(clock).build();
    }

    CoordinationService service(WorkspaceContext context, CoordinationListener listener) {
        return CoordinationService.builder(store, context).clock(clock).listener(listener).build();
    }

    /** @return a second store over the same file (like a second agent process) */
    DataStore openAnotherStore() {
        DataStore s = SqliteDataStore.open(file, clock, 10_000);
        extra.add(s);
        return s;
    }

    WorkspaceContext workspaceOf(String user, String name) {
        return new WorkspaceContext(user, store.createWorkspace(user, CreateWorkspaceInput.named(name)).id(), null);
    }

    WorkspaceContext projectOf(WorkspaceContext ws, String name) {
        return ws.withProject(store.createProject(ws.userId(), ws.workspaceId(), CreateProjectInput.named(name)).id());
    }

    @Override
    public void close() {
        extra.forEach(DataStore::close);
        store.close();
    }
}
