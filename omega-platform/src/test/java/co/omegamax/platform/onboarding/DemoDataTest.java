package co.omegamax.platform.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.omegamax.platform.adapter.sqlite.SqliteDataStore;
import co.omegamax.platform.spi.CoordinationEvent;
import co.omegamax.platform.spi.CoordinationEventFilters;
import co.omegamax.platform.spi.CoordinationEventInput;
import co.omegamax.platform.spi.CoordinationKind;
import co.omegamax.platform.spi.CreateProjectInput;
import co.omegamax.platform.spi.DashboardMetrics;
import co.omegamax.platform.spi.DataStore;
import co.omegamax.platform.spi.GraphData;
import co.omegamax.platform.spi.GraphLink;
import co.omegamax.platform.spi.MemoryFilters;
import co.omegamax.platform.spi.MemoryInput;
import co.omegamax.platform.spi.MemoryRecord;
import co.omegamax.platform.spi.NotFoundException;
import co.omegamax.platform.spi.Page;
import co.omegamax.platform.spi.Project;
import co.omegamax.platform.spi.Session;
import co.omegamax.platform.spi.SessionFilters;
import co.omegamax.platform.spi.SessionInput;
import co.omegamax.platform.spi.TrackedEntity;
import co.omegamax.platform.spi.TrackedEntityFilters;
import co.omegamax.platform.spi.TrackedEntityInput;
import co.omegamax.platform.spi.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Demo data (spec §7.7) on a real SQLite store: counts, labels, idempotence, removal that spares real data. */
class DemoDataTest {
    private static final Page ALL = Page.first(Page.MAX_LIMIT);

    @TempDir
    Path dir;
    private DataStore store;
    private OnboardingService onboarding;
    private Workspace ws;

    @BeforeEach
    void open() {
        store = SqliteDataStore.open(dir.resolve("platform.db"));
        onboarding = OnboardingService.over(store);
        ws = onboarding.createFirstWorkspace("alice", "Acme Corp");
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void seedsFiftyMemoriesOverThreeEntityTypesFiveSessionsWithEventsAndTwoProjects() {
        DemoDataSummary s = onboarding.seedDemoData("alice", ws.id());
        assertThat(s.memories()).isEqualTo(50);
        assertThat(s.trackedEntities()).isEqualTo(9);
        assertThat(s.entityTypes()).isEqualTo(3);
        assertThat(s.sessions()).isEqualTo(5);
        assertThat(s.coordinationEvents()).isEqualTo(25);
        assertThat(s.projects()).isEqualTo(2);
        assertThat(s.memoryLinks()).isEqualTo(44);
        assertThat(s.entityLinks()).isEqualTo(7);

        DashboardMetrics m = store.getDashboardMetrics("alice", ws.id());
        assertThat(m.memoryCount()).isEqualTo(50);
        assertThat(m.trackedEntityCount()).isEqualTo(9);
        assertThat(m.sessionCount()).isEqualTo(5);
        assertThat(m.activeSessionCount()).isZero();
        assertThat(m.projectCount()).isEqualTo(2);

        List<TrackedEntity> entities = store.getTrackedEntities("alice", ws.id(), TrackedEntityFilters.NONE, ALL);
        assertThat(entities.stream().map(TrackedEntity::entityType).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("person", "company", "organization");
        Set<String> entityIds = entities.stream().map(TrackedEntity::id).collect(Collectors.toSet());
        List<MemoryRecord> memories = store.getMemories("alice", MemoryFilters.workspace(ws.id()), ALL);
        // every entity memory points at a real demo entity; the types of those entities cover all three
        List<MemoryRecord> aboutEntities = memories.stream().filter(r -> r.metadata().containsKey("entity_id")).toList();
        assertThat(aboutEntities).hasSize(42)
                .allSatisfy(r -> assertThat(entityIds).contains((String) r.metadata().get("entity_id")));
        assertThat(aboutEntities.stream().map(r -> r.metadata().get("entity_type")).distinct()).hasSize(3);

        List<Project> projects = store.getProjects("alice", ws.id(), ALL);
        assertThat(projects).hasSize(2);
        for (Project p : projects) {
            assertThat(store.getMemories("alice", MemoryFilters.workspace(ws.id()).withProject(p.id()), ALL))
                    .hasSize(9);
            GraphData graph = store.getMemoryGraph("alice", ws.id(), p.id());
            assertThat(graph.nodes()).hasSize(9);
            assertThat(graph.edges()).isNotEmpty();
        }
        assertThat(store.getMemoryGraph("alice", ws.id(), null).edges()).hasSize(s.memoryLinks());
        assertThat(store.getEntityGraph("alice", ws.id()).edges()).hasSize(s.entityLinks());

        for (Session session : store.getSessions("alice", SessionFilters.workspace(ws.id()), ALL)) {
            int events = 0;
            for (CoordinationKind kind : CoordinationKind.values()) {
                events += store.getCoordinationEvents("alice",
                        new CoordinationEventFilters(ws.id(), kind, session.id()), ALL).size();
            }
            assertThat(events).as(session.id()).isEqualTo(5);
        }
    }

    @Test
    void everyDemoRowIsClearlyLabelled() {
        onboarding.seedDemoData("alice", ws.id());
        assertThat(store.getMemories("alice", MemoryFilters.workspace(ws.id()), ALL)).allSatisfy(m -> {
            assertThat(m.content()).startsWith("[Demo] ");
            assertThat(m.tags()).contains("demo");
            assertThat(m.metadata()).containsEntry("demo", true);
        });
        assertThat(store.getProjects("alice", ws.id(), ALL)).allSatisfy(p -> {
            assertThat(p.name()).startsWith("[Demo] ");
            assertThat(p.settings()).containsEntry("demo", true);
        });
        assertThat(store.getTrackedEntities("alice", ws.id(), TrackedEntityFilters.NONE, ALL)).allSatisfy(e -> {
            assertThat(e.name()).startsWith("[Demo] ");
            assertThat(e.attributes()).containsEntry("demo", true);
        });
        assertThat(store.getSessions("alice", SessionFilters.workspace(ws.id()), ALL)).allSatisfy(s -> {
            assertThat(s.agentName()).startsWith("[Demo] ");
            assertThat(s.metadata()).containsEntry("demo", true);
        });
        for (CoordinationKind kind : CoordinationKind.values()) {
            assertThat(store.getCoordinationEvents("alice", CoordinationEventFilters.of(ws.id(), kind), ALL))
                    .allSatisfy(e -> assertThat(e.attributes()).containsEntry("demo", true));
        }
    }

    @Test
    void seedingTwiceDoesNotDouble() {
        DemoDataSummary first = onboarding.seedDemoData("alice", ws.id());
        DemoDataSummary second = onboarding.seedDemoData("alice", ws.id());
        assertThat(second).isEqualTo(first);
        DashboardMetrics m = store.getDashboardMetrics("alice", ws.id());
        assertThat(m.memoryCount()).isEqualTo(50);
        assertThat(m.projectCount()).isEqualTo(2);
        assertThat(m.trackedEntityCount()).isEqualTo(9);
        assertThat(m.sessionCount()).isEqualTo(5);
        assertThat(store.getMemoryGraph("alice", ws.id(), null).edges()).hasSize(first.memoryLinks());
        assertThat(eventCount(ws)).isEqualTo(25);
    }

    @Test
    void removalDeletesExactlyTheDemoRowsAndKeepsRealData() {
        // real data first, some of it in the same shapes and even mentioning "[Demo]"
        Project realProject = store.createProject("alice", ws.id(), CreateProjectInput.named("[Demo] Not really demo"));
        store.upsertMemories("alice", List.of(
                MemoryInput.of("real-1", ws.id(), "decision", "[Demo] this is my real note"),
                new MemoryInput("real-2", ws.id(), realProject.id(), "lesson_learned", null, "Real lesson",
                        List.of("demo"), Map.of("demo", false), null)));
        store.upsertTrackedEntities("alice", List.of(new TrackedEntityInput("real-e", ws.id(), "[Demo] Real Person",
                "person", null, Map.of())));
        store.recordSession("alice", SessionInput.active("real-s", ws.id(), "claude-code"));
        store.recordCoordinationEvent("alice", CoordinationEventInput.of("real-ev", CoordinationKind.DECISION, ws.id(),
                "real-s", "Real decision"));
        store.linkMemories("alice", List.of(new GraphLink("real-1", "real-2", "related", 0.5)));
        // bob's demo data must survive alice's removal
        Workspace bobs = onboarding.createFirstWorkspace("bob", "Bob");
        onboarding.seedDemoData("bob", bobs.id());
        // and alice's demo data in another workspace of hers too
        Workspace other = onboarding.createFirstWorkspace("alice", "Side project");
        onboarding.seedDemoData("alice", other.id());

        assertThat(onboarding.hasDemoData("alice", ws.id())).isFalse();
        DemoDataSummary seeded = onboarding.seedDemoData("alice", ws.id());
        assertThat(onboarding.hasDemoData("alice", ws.id())).isTrue();
        DemoDataSummary removed = onboarding.removeDemoData("alice", ws.id());
        assertThat(onboarding.hasDemoData("alice", ws.id())).isFalse();
        assertThat(onboarding.hasDemoData("alice", other.id())).isTrue();
        assertThat(removed.memories()).isEqualTo(seeded.memories());
        assertThat(removed.projects()).isEqualTo(2);
        assertThat(removed.trackedEntities()).isEqualTo(9);
        assertThat(removed.entityTypes()).isEqualTo(3);
        assertThat(removed.sessions()).isEqualTo(5);
        assertThat(removed.coordinationEvents()).isEqualTo(25);

        assertThat(store.getMemories("alice", MemoryFilters.workspace(ws.id()), ALL)).extracting(MemoryRecord::id)
                .containsExactlyInAnyOrder("real-1", "real-2");
        assertThat(store.getMemory("alice", "real-2").orElseThrow().projectId()).isEqualTo(realProject.id());
        assertThat(store.getProjects("alice", ws.id(), ALL)).extracting(Project::id).containsExactly(realProject.id());
        assertThat(store.getTrackedEntities("alice", ws.id(), TrackedEntityFilters.NONE, ALL))
                .extracting(TrackedEntity::id).containsExactly("real-e");
        assertThat(store.getSessions("alice", SessionFilters.workspace(ws.id()), ALL)).extracting(Session::id)
                .containsExactly("real-s");
        assertThat(store.getCoordinationEvents("alice", CoordinationEventFilters.of(ws.id(), CoordinationKind.DECISION),
                ALL)).extracting(CoordinationEvent::id).containsExactly("real-ev");
        assertThat(eventCount(ws)).isEqualTo(1);
        assertThat(store.getMemoryGraph("alice", ws.id(), null).edges()).hasSize(1);

        assertThat(store.getDashboardMetrics("bob", bobs.id()).memoryCount()).isEqualTo(50);
        assertThat(store.getDashboardMetrics("alice", other.id()).memoryCount()).isEqualTo(50);

        // removing again is harmless; a foreign workspace is not found
        assertThat(onboarding.removeDemoData("alice", ws.id()).isEmpty()).isTrue();
        assertThatThrownBy(() -> onboarding.removeDemoData("alice", bobs.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> onboarding.seedDemoData("bob", ws.id())).isInstanceOf(NotFoundException.class);
    }

    private int eventCount(Workspace w) {
        List<CoordinationEvent> all = new ArrayList<>();
        for (CoordinationKind kind : CoordinationKind.values()) {
            all.addAll(store.getCoordinationEvents("alice", CoordinationEventFilters.of(w.id(), kind), ALL));
        }
        return all.size();
    }
}
