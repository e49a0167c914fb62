package co.omegamax.platform.onboarding.internal;

import co.omegamax.platform.onboarding.Checklist;
import co.omegamax.platform.onboarding.ChecklistItem;
import co.omegamax.platform.onboarding.ChecklistStep;
import co.omegamax.platform.spi.DataStore;
import co.omegamax.platform.spi.MemoryFilters;
import co.omegamax.platform.spi.Page;
import co.omegamax.platform.spi.SessionFilters;
import co.omegamax.platform.spi.TrackedEntityFilters;
import co.omegamax.platform.spi.Workspace;
import co.omegamax.platform.spi.WorkspaceKeyStore;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Computes the checklist from the store. Demo rows never count. Each "is there a real X" question reads at most a
 * few small pages: the demo dataset has a fixed size, so a page one row larger than the demo rows of that kind
 * always contains a real row when one exists (lists are newest or name ordered, demo rows can come first).
 */
public final class ChecklistReader {
    private static final int SCAN_PAGES = 4;

    private final DataStore store;
    private final WorkspaceKeyStore keys;

    /** @param store the store; @param keys the key store, or null if the deployment has none */
    public ChecklistReader(DataStore store, WorkspaceKeyStore keys) {
        this.store = store;
        this.keys = keys;
    }

    /** @return the checklist of a user without a workspace: nothing done */
    public static Checklist noWorkspace() {
        List<ChecklistItem> items = new ArrayList<>();
        for (ChecklistStep step : ChecklistStep.values()) {
            items.add(new ChecklistItem(step, step.title(), false, step.link(null)));
        }
        return new Checklist(null, items, false);
    }

    /** @return the checklist of one of the user's workspaces */
    public Checklist read(String userId, Workspace ws) {
        Map<ChecklistStep, Boolean> done = new EnumMap<>(ChecklistStep.class);
        done.put(ChecklistStep.CREATE_WORKSPACE, true);
        done.put(ChecklistStep.CONNECT_CLI, cliConnected(userId, ws));
        done.put(ChecklistStep.STORE_FIRST_MEMORY, anyReal(page -> store.getMemories(userId,
                MemoryFilters.workspace(ws.id()), page), DemoSeeder::isDemo));
        done.put(ChecklistStep.CREATE_PROJECT, anyReal(page -> store.getProjects(userId, ws.id(), page),
                DemoSeeder::isDemo));
        done.put(ChecklistStep.SET_UP_ENTITY, anyReal(page -> store.getTrackedEntities(userId, ws.id(),
                TrackedEntityFilters.NONE, page), DemoSeeder::isDemo));
        done.put(ChecklistStep.EXPLORE_GRAPH, OnboardingSettings.flag(ws, OnboardingSettings.GRAPH_VIEWED_AT).isPresent());
        List<ChecklistItem> items = new ArrayList<>();
        for (ChecklistStep step : ChecklistStep.values()) {
            items.add(new ChecklistItem(step, step.title(), done.get(step), step.link(ws.slug())));
        }
        return new Checklist(ws.id(), items,
                OnboardingSettings.flag(ws, OnboardingSettings.DISMISSED_AT).isPresent());
    }

    /** An active workspace key, or a real (not demo) session synced from an agent. */
    private boolean cliConnected(String userId, Workspace ws) {
        if (keys != null && keys.list(userId, ws.id()).stream().anyMatch(k -> !k.revoked())) {
            return true;
        }
        return anyReal(page -> store.getSessions(userId, SessionFilters.workspace(ws.id()), page), DemoSeeder::isDemo);
    }

    private static <T> boolean anyReal(Function<Page, List<T>> fetch, Predicate<T> isDemo) {
        Page page = Page.first(64);
        for (int i = 0; i < SCAN_PAGES; i++) {
            List<T> rows = fetch.apply(page);
            if (rows.stream().anyMatch(isDemo.negate())) {
                return true;
            }
            if (rows.size() < page.limit()) {
                return false;
            }
            page = page.next();
        }
        return false;
    }
}
