package co.omegamax.platform.onboarding;

/** The six getting-started steps of spec §7.6, in display order. */
public enum ChecklistStep {
    /** A workspace exists. */
    CREATE_WORKSPACE("Create your workspace", ""),
    /** An active workspace key exists, or a session (not demo) was synced from an agent. */
    CONNECT_CLI("Connect your CLI", "/settings"),
    /** The workspace holds a memory that is not demo data. */
    STORE_FIRST_MEMORY("Store your first memory", "/memories"),
    /** The workspace has a project that is not demo data. */
    CREATE_PROJECT("Create a project", "/projects"),
    /** The workspace tracks an entity (person, company, …) that is not demo data. */
    SET_UP_ENTITY("Set up your first entity", "/entities"),
    /** The memory graph was opened ({@link OnboardingService#recordGraphViewed}). */
    EXPLORE_GRAPH("Explore the memory graph", "/memories");

    private final String title;
    private final String section;

    ChecklistStep(String title, String section) {
        this.title = title;
        this.section = section;
    }

    /** @return the label shown in the checklist */
    public String title() {
        return title;
    }

    /** @return the dashboard path of the step for a workspace slug, e.g. {@code /admin/acme-corp/projects} */
    public String link(String workspaceSlug) {
        return workspaceSlug == null ? "/admin" : "/admin/" + workspaceSlug + section;
    }
}
