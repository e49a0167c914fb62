package co.omegamax.platform.onboarding.internal;

import co.omegamax.platform.onboarding.DemoDataSummary;
import co.omegamax.platform.onboarding.internal.DemoDataset.Entity;
import co.omegamax.platform.onboarding.internal.DemoDataset.ProjectSpec;
import co.omegamax.platform.onboarding.internal.DemoDataset.SessionSpec;
import co.omegamax.platform.onboarding.internal.DemoDataset.Template;
import co.omegamax.platform.spi.CoordinationEvent;
import co.omegamax.platform.spi.CoordinationEventFilters;
import co.omegamax.platform.spi.CoordinationEventInput;
import co.omegamax.platform.spi.CoordinationKind;
import co.omegamax.platform.spi.CreateProjectInput;
import co.omegamax.platform.spi.DataStore;
import co.omegamax.platform.spi.GraphLink;
import co.omegamax.platform.spi.MemoryFilters;
import co.omegamax.platform.spi.MemoryInput;
import co.omegamax.platform.spi.MemoryRecord;
import co.omegamax.platform.spi.Page;
import co.omegamax.platform.spi.Project;
import co.omegamax.platform.spi.Session;
import co.omegamax.platform.spi.SessionFilters;
import co.omegamax.platform.spi.SessionInput;
import co.omegamax.platform.spi.SessionStatus;
import co.omegamax.platform.spi.TrackedEntity;
import co.omegamax.platform.spi.TrackedEntityFilters;
import co.omegamax.platform.spi.TrackedEntityInput;
import co.omegamax.platform.spi.Workspace;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Writes and removes the demo dataset. Demo rows are recognisable three ways, all of which removal checks:
 * ids start with {@code demo-<workspace id>-} (client-chosen ids) or projects carry {@code demo_key};
 * metadata, attributes or settings hold {@code demo: true}; names and texts start with {@value DemoDataset#LABEL}.
 * Ids are deterministic, so seeding twice replaces the same rows instead of adding new ones.
 */
public final class DemoSeeder {
    /** Metadata/attributes/settings flag of every demo row. */
    public static final String FLAG = "demo";
    /** Tag of every demo memory. */
    public static final String TAG = "demo";
    private static final String PROJECT_KEY = "demo_key";
    private static final List<CoordinationKind> EVENT_KINDS = List.of(CoordinationKind.INTENT,
            CoordinationKind.DECISION, CoordinationKind.GIT_EVENT, CoordinationKind.METRIC, CoordinationKind.FILE_READ);

    private final DataStore store;
    private final Clock clock;

    /** @param store the store to write to; @param clock time source for the demo timestamps */
    public DemoSeeder(DataStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** @return the id prefix of every client-chosen demo id in a workspace */
    public static String prefix(String workspaceId) {
        return "demo-" + workspaceId + "-";
    }

    /** @return whether a memory is one the demo seeding wrote */
    public static boolean isDemo(MemoryRecord m) {
        return m.id().startsWith(prefix(m.workspaceId())) && flagged(m.metadata());
    }

    /** @return whether a project is a demo project */
    public static boolean isDemo(Project p) {
        return flagged(p.settings()) && p.settings().get(PROJECT_KEY) != null && p.name().startsWith(DemoDataset.LABEL);
    }

    /** @return whether a tracked entity is a demo entity */
    public static boolean isDemo(TrackedEntity e) {
        return e.id().startsWith(prefix(e.workspaceId())) && flagged(e.attributes());
    }

    /** @return whether a session is a demo session */
    public static boolean isDemo(Session s) {
        return s.id().startsWith(prefix(s.workspaceId())) && flagged(s.metadata());
    }

    private static boolean isDemo(CoordinationEvent e) {
        return e.id().startsWith(prefix(e.workspaceId())) && flagged(e.attributes());
    }

    private static boolean flagged(Map<String, Object> map) {
        return Boolean.TRUE.equals(map.get(FLAG));
    }

    /** Writes (or rewrites) the dataset into the workspace. */
    public DemoDataSummary seed(String userId, Workspace ws) {
        String prefix = prefix(ws.id());
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Map<String, String> projectIds = projects(userId, ws);

        List<TrackedEntityInput> entities = new ArrayList<>();
        Map<String, Entity> byKey = new LinkedHashMap<>();
        for (Entity e : DemoDataset.ENTITIES) {
            byKey.put(e.key(), e);
            entities.add(new TrackedEntityInput(prefix + "e-" + e.key(), ws.id(), DemoDataset.LABEL + e.name(),
                    e.type(), "active", Map.of(FLAG, true)));
        }
        store.upsertTrackedEntities(userId, entities);

        List<MemoryInput> memories = new ArrayList<>();
        List<GraphLink> memoryLinks = new ArrayList<>();
        Map<String, String> firstMemoryOf = new LinkedHashMap<>();
        for (Entity e : DemoDataset.ENTITIES) {
            List<Template> templates = switch (e.type()) {
                case "person" -> DemoDataset.PERSON;
                case "company" -> DemoDataset.COMPANY;
                default -> DemoDataset.ORGANIZATION;
            };
            String company = e.company() == null ? "" : byKey.get(e.company()).name();
            String project = projectOfCompany(e.key(), projectIds);
            String previous = null;
            for (Template t : templates) {
                String id = prefix + "m" + String.format("%02d", memories.size() + 1);
                Map<String, Object> meta = Map.of(FLAG, true, "entity_id", prefix + "e-" + e.key(),
                        "entity_type", e.type());
                memories.add(memory(id, ws.id(), project, t, t.text().replace("{name}", e.name())
                        .replace("{company}", company), meta, now, memories.size()));
                if (previous != null) {
                    memoryLinks.add(new GraphLink(previous, id, "same_entity", 0.8));
                }
                firstMemoryOf.putIfAbsent(e.key(), id);
                previous = id;
            }
        }
        for (ProjectSpec p : DemoDataset.PROJECTS) {
            String previous = null;
            for (Template t : p.memories()) {
                String id = prefix + "m" + String.format("%02d", memories.size() + 1);
                memories.add(memory(id, ws.id(), projectIds.get(p.key()), t, t.text(),
                        Map.of(FLAG, true, "project_key", p.key()), now, memories.size()));
                if (previous == null) {
                    String companyMemory = firstMemoryOf.get(p.company());
                    memoryLinks.add(new GraphLink(id, companyMemory, "in_project", 0.6));
                } else {
                    memoryLinks.add(new GraphLink(previous, id, "same_project", 0.7));
                }
                previous = id;
            }
        }
        for (Entity e : DemoDataset.ENTITIES) {
            if (e.company() != null) {
                memoryLinks.add(new GraphLink(firstMemoryOf.get(e.key()), firstMemoryOf.get(e.company()), "about", 0.5));
            }
        }
        store.upsertMemories(userId, memories);
        store.linkMemories(userId, memoryLinks);

        List<GraphLink> entityLinks = new ArrayList<>();
        for (Entity e : DemoDataset.ENTITIES) {
            if (e.company() != null) {
                entityLinks.add(new GraphLink(prefix + "e-" + e.key(), prefix + "e-" + e.company(), "works_at", 0.9));
            }
            if (e.organization() != null) {
                entityLinks.add(new GraphLink(prefix + "e-" + e.key(), prefix + "e-" + e.organization(), "member_of", 0.7));
            }
        }
        store.linkTrackedEntities(userId, entityLinks);

        int events = 0;
        for (int i = 0; i < DemoDataset.SESSIONS.size(); i++) {
            events += session(userId, ws.id(), prefix, i, projectIds, now);
        }
        Set<String> types = new LinkedHashSet<>();
        DemoDataset.ENTITIES.forEach(e -> types.add(e.type()));
        return new DemoDataSummary(projectIds.size(), memories.size(), entities.size(), types.size(),
                DemoDataset.SESSIONS.size(), events, memoryLinks.size(), entityLinks.size());
    }

    private static String projectOfCompany(String entityKey, Map<String, String> projectIds) {
        for (ProjectSpec p : DemoDataset.PROJECTS) {
            if (p.company().equals(entityKey)) {
                return projectIds.get(p.key());
            }
        }
        return null;
    }

    private static MemoryInput memory(String id, String ws, String project, Template t, String text,
                                      Map<String, Object> meta, Instant now, int index) {
        Instant created = now.minus(Duration.ofHours(50L - index));
        return new MemoryInput(id, ws, project, t.eventType(), null, DemoDataset.LABEL + text, List.of(TAG), meta,
                created);
    }

    /** @return demo project ids by dataset key, creating the missing ones */
    private Map<String, String> projects(String userId, Workspace ws) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (Project p : all(page -> store.getProjects(userId, ws.id(), page))) {
            if (isDemo(p)) {
                ids.putIfAbsent(String.valueOf(p.settings().get(PROJECT_KEY)), p.id());
            }
        }
        for (ProjectSpec spec : DemoDataset.PROJECTS) {
            if (!ids.containsKey(spec.key())) {
                Project created = store.createProject(userId, ws.id(), new CreateProjectInput(
                        DemoDataset.LABEL + spec.name(), spec.description() + " Demo data: remove it in one click.",
                        null, Map.of(FLAG, true, PROJECT_KEY, spec.key())));
                ids.put(spec.key(), created.id());
            }
        }
        ids.keySet().retainAll(DemoDataset.PROJECTS.stream().map(ProjectSpec::key).toList());
        return ids;
    }

    private int session(String userId, String ws, String prefix, int index, Map<String, String> projectIds,
                        Instant now) {
        SessionSpec s = DemoDataset.SESSIONS.get(index);
        String project = s.project() < 0 ? null : projectIds.get(DemoDataset.PROJECTS.get(s.project()).key());
        String id = prefix + "s" + (index + 1);
        Instant started = now.minus(Duration.ofDays(DemoDataset.SESSIONS.size() - index)).minus(Duration.ofHours(3));
        Instant ended = started.plus(Duration.ofMinutes(45));
        store.recordSession(userId, new SessionInput(id, ws, project, DemoDataset.LABEL + s.agent(),
                SessionStatus.ENDED, started, ended, Map.of(FLAG, true, "agent", s.agent())));
        List<CoordinationEventInput> events = List.of(
                event(id, CoordinationKind.INTENT, ws, project, s.intent(), Map.of(), started.plusSeconds(60)),
                event(id, CoordinationKind.FILE_READ, ws, project, s.file(), Map.of(), started.plusSeconds(300)),
                event(id, CoordinationKind.DECISION, ws, project, s.decision(), Map.of(), started.plusSeconds(900)),
                event(id, CoordinationKind.GIT_EVENT, ws, project, s.commit(),
                        Map.of("branch", "demo/session-" + (index + 1), "commit", String.format("d%06x", index * 7919 + 4242)),
                        started.plusSeconds(2400)),
                event(id, CoordinationKind.METRIC, ws, project, "tokens_used", Map.of("value", s.tokens()),
                        ended));
        events.forEach(e -> store.recordCoordinationEvent(userId, e));
        return events.size();
    }

    private static CoordinationEventInput event(String sessionId, CoordinationKind kind, String ws, String project,
                                                String summary, Map<String, Object> attributes, Instant at) {
        Map<String, Object> attrs = new LinkedHashMap<>(attributes);
        attrs.put(FLAG, true);
        String text = kind == CoordinationKind.FILE_READ || kind == CoordinationKind.METRIC ? summary
                : DemoDataset.LABEL + summary;
        return new CoordinationEventInput(sessionId + "-" + kind.name().toLowerCase(java.util.Locale.ROOT), kind, ws,
                project, sessionId, text, attrs, at);
    }

    /** @return whether the workspace has a demo project or a demo memory */
    public boolean present(String userId, Workspace ws) {
        return all(page -> store.getProjects(userId, ws.id(), page)).stream().anyMatch(DemoSeeder::isDemo)
                || store.getMemories(userId, MemoryFilters.workspace(ws.id()).withSearch(DemoDataset.LABEL.strip()),
                        Page.first(Page.MAX_LIMIT)).stream().anyMatch(DemoSeeder::isDemo);
    }

    /** Deletes exactly the demo rows of the workspace. */
    public DemoDataSummary remove(String userId, Workspace ws) {
        int events = 0;
        for (CoordinationKind kind : EVENT_KINDS) {
            for (CoordinationEvent e : all(page -> store.getCoordinationEvents(userId,
                    CoordinationEventFilters.of(ws.id(), kind), page))) {
                if (isDemo(e)) {
                    store.deleteCoordinationEvent(userId, kind, e.id());
                    events++;
                }
            }
        }
        int sessions = 0;
        for (Session s : all(page -> store.getSessions(userId, SessionFilters.workspace(ws.id()), page))) {
            if (isDemo(s)) {
                store.deleteSession(userId, s.id());
                sessions++;
            }
        }
        List<String> memoryIds = all(page -> store.getMemories(userId,
                MemoryFilters.workspace(ws.id()).withSearch(DemoDataset.LABEL.strip()), page)).stream()
                .filter(DemoSeeder::isDemo).map(MemoryRecord::id).toList();
        int memories = 0;
        for (int from = 0; from < memoryIds.size(); from += Page.MAX_LIMIT) {
            memories += store.deleteMemories(userId, memoryIds.subList(from, Math.min(memoryIds.size(), from + Page.MAX_LIMIT)));
        }
        Set<String> types = new LinkedHashSet<>();
        int entities = 0;
        for (String type : DemoDataset.ENTITIES.stream().map(Entity::type).distinct().toList()) {
            for (TrackedEntity e : all(page -> store.getTrackedEntities(userId, ws.id(),
                    new TrackedEntityFilters(type, null), page))) {
                if (isDemo(e)) {
                    store.deleteTrackedEntity(userId, e.id());
                    types.add(type);
                    entities++;
                }
            }
        }
        int projects = 0;
        for (Project p : all(page -> store.getProjects(userId, ws.id(), page))) {
            if (isDemo(p)) {
                store.deleteProject(userId, p.id());
                projects++;
            }
        }
        return new DemoDataSummary(projects, memories, entities, types.size(), sessions, events, 0, 0);
    }

    /** @return every row of a paged list, read before anything is deleted */
    private static <T> List<T> all(Function<Page, List<T>> fetch) {
        List<T> out = new ArrayList<>();
        Page page = Page.first(Page.MAX_LIMIT);
        while (true) {
            List<T> rows = fetch.apply(page);
            out.addAll(rows);
            if (rows.size() < page.limit()) {
                return out;
            }
            page = page.next();
        }
    }
}
