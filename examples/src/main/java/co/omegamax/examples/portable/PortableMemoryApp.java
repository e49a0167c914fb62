package co.omegamax.examples.portable;

import co.omegamax.platform.spi.CreateProjectInput;
import co.omegamax.platform.spi.CreateWorkspaceInput;
import co.omegamax.platform.spi.DataStore;
import co.omegamax.platform.spi.InvalidInputException;
import co.omegamax.platform.spi.MemoryFilters;
import co.omegamax.platform.spi.MemoryInput;
import co.omegamax.platform.spi.MemoryRecord;
import co.omegamax.platform.spi.Page;
import co.omegamax.platform.spi.PlatformConfig;
import co.omegamax.platform.spi.PlatformServices;
import co.omegamax.platform.spi.Project;
import co.omegamax.platform.spi.UpsertResult;
import co.omegamax.platform.spi.Workspace;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One application, any {@link DataStore}: it is compiled against {@code omega-platform-spi} only and never names
 * an adapter. Which store it runs on is decided by the classpath (which adapter jar is present) and one config
 * value, {@code omega.datastore} ({@code sqlite} or {@code postgres}), plus that adapter's connection settings.
 *
 * <p>For a user it finds or creates the workspace {@code acme} with the project {@code Billing}, stores seven
 * memories with fixed ids and times (running it again replaces them instead of adding copies), and lists them back
 * newest first in pages of {@value #PAGE_SIZE}, then only the decisions. The printed output is the same on every
 * store.
 *
 * <p>Run (see examples/README.md for PostgreSQL roles and schema):
 * <pre>
 * ./mvnw -q -pl examples -am package -DskipTests -Pportable,with-sqlite \
 *     -Domega.datastore=sqlite -Domega.sqlite.path=$PWD/examples/target/portable/platform.db
 * ./mvnw -q -pl examples -am package -DskipTests -Pportable,with-postgres \
 *     -Domega.datastore=postgres -Domega.postgres.url=jdbc:postgresql://localhost:5432/omega \
 *     -Domega.postgres.user=omega_app -Domega.postgres.owner-user=omega_owner   # passwords via OMEGA_POSTGRES_*
 * </pre>
 */
public final class PortableMemoryApp {
    /** Slug of the workspace the app works in. */
    public static final String WORKSPACE_SLUG = "acme";
    /** Name of the project the memories are tagged with. */
    public static final String PROJECT_NAME = "Billing";
    /** Rows per page when listing memories back. */
    public static final int PAGE_SIZE = 3;

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final List<Seed> SEEDS = List.of(
            new Seed("m-001", "decision", "Invoices are stored in PostgreSQL, one schema per region", 0),
            new Seed("m-002", "lesson_learned", "Batch the nightly invoice export in pages of 500 rows", 1),
            new Seed("m-003", "user_preference", "Amounts are shown with two decimals and the ISO currency code", 2),
            new Seed("m-004", "decision", "Refunds go through the payments service, never straight to the ledger", 3),
            new Seed("m-005", "error_pattern", "Timeouts from the tax API: retry twice with backoff, then queue", 4),
            new Seed("m-006", "user_fact", "The finance team closes the books on the third working day", 5),
            new Seed("m-007", "lesson_learned", "Round only when presenting amounts, never in stored totals", 6));

    private final DataStore store;

    /** @param store the store to work on; the caller keeps ownership */
    public PortableMemoryApp(DataStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Runs against the store selected by this process's configuration ({@link PlatformConfig#load()}: system
     * properties, {@code OMEGA_*} environment variables, {@code ~/.omega/config.yaml}).
     *
     * @param args optional user id (default {@code alice})
     */
    public static void main(String[] args) {
        String user = args.length > 0 ? args[0] : "alice";
        PlatformConfig config = PlatformConfig.load();
        System.out.println("datastore: " + config.dataStoreName().orElse("(omega.datastore is not set)")
                + " (from " + config.sourceOf(PlatformConfig.DATASTORE) + ")");
        run(config, user, System.out);
    }

    /**
     * Opens the store the config selects, runs the app for {@code userId}, closes the store.
     *
     * @return the lines printed to {@code out}
     * @throws co.omegamax.platform.spi.ConfigurationException if no adapter on the classpath matches the config
     */
    public static List<String> run(PlatformConfig config, String userId, PrintStream out) {
        Objects.requireNonNull(config, "config");
        try (PlatformServices services = PlatformServices.builder().config(config).build()) {
            return new PortableMemoryApp(services.dataStore()).run(userId, out);
        }
    }

    /**
     * Finds or creates the workspace and project, stores the memories, lists them back page by page.
     *
     * @return the lines printed to {@code out}
     * @throws InvalidInputException if {@code userId} is not a valid user id
     */
    public List<String> run(String userId, PrintStream out) {
        Objects.requireNonNull(out, "out");
        List<String> lines = new ArrayList<>();
        Workspace workspace = store.getWorkspace(userId, WORKSPACE_SLUG).orElseGet(() -> store.createWorkspace(userId,
                new CreateWorkspaceInput("Acme Corp", null, WORKSPACE_SLUG, null)));
        Project project = findOrCreateProject(userId, workspace);
        lines.add("user " + userId + ": workspace " + workspace.slug() + " (" + workspace.name() + "), project "
                + project.name());

        List<MemoryInput> inputs = SEEDS.stream().map(s -> s.toInput(workspace.id(), project.id())).toList();
        UpsertResult stored = store.upsertMemories(userId, inputs);
        lines.add("stored " + stored.total() + " memories");

        MemoryFilters all = MemoryFilters.workspace(workspace.id()).withProject(project.id());
        Page page = Page.first(PAGE_SIZE);
        for (int n = 1; ; n++) {
            List<MemoryRecord> rows = store.getMemories(userId, all, page);
            if (rows.isEmpty()) {
                break;
            }
            lines.add("page " + n + ":");
            rows.forEach(m -> lines.add("  " + describe(m)));
            if (rows.size() < page.limit()) {
                break;
            }
            page = page.next();
        }
        List<MemoryRecord> decisions = store.getMemories(userId, all.withEventType("decision"), Page.first());
        lines.add("decisions only:");
        decisions.forEach(m -> lines.add("  " + describe(m)));
        lines.forEach(out::println);
        return lines;
    }

    private Project findOrCreateProject(String userId, Workspace workspace) {
        return store.getProjects(userId, workspace.id(), Page.first(Page.MAX_LIMIT)).stream()
                .filter(p -> p.name().equals(PROJECT_NAME)).findFirst()
                .orElseGet(() -> store.createProject(userId, workspace.id(), CreateProjectInput.named(PROJECT_NAME)));
    }

    private static String describe(MemoryRecord m) {
        return m.id() + " " + m.createdAt().toString().substring(0, 10) + " [" + m.eventType() + "] " + m.content();
    }

    private record Seed(String id, String eventType, String content, int dayOffset) {
        MemoryInput toInput(String workspaceId, String projectId) {
            return new MemoryInput(id, workspaceId, projectId, eventType, null, content, List.of("billing"), null,
                    T0.plusSeconds(86_400L * dayOffset));
        }
    }
}
