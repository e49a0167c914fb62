package co.omegamax.platform.adapter.supabase.internal;

import co.omegamax.platform.spi.CoordinationKind;

/** The PostgREST resources (tables of the omega migrations) the store reads and writes. */
public final class Tables {
    /** One row per user. */
    public static final String USER_ACCOUNTS = "user_accounts";
    /** Tenant boundary. */
    public static final String WORKSPACES = "workspaces";
    /** Projects within workspaces. */
    public static final String PROJECTS = "workspace_projects";
    /** Memories. */
    public static final String MEMORIES = "memories";
    /** Links between memories. */
    public static final String MEMORY_LINKS = "memory_links";
    /** Tracked people, companies, organisations. */
    public static final String ENTITIES = "entities";
    /** Links between tracked entities. */
    public static final String ENTITY_LINKS = "entity_links";
    /** Coordination sessions. */
    public static final String SESSIONS = "coord_sessions";
    /** Coordination tasks. */
    public static final String TASKS = "coord_tasks";
    /** Session messages. */
    public static final String MESSAGES = "coord_messages";
    /** Handoffs between sessions. */
    public static final String HANDOFFS = "coord_handoffs";
    /** Background jobs. */
    public static final String JOBS = "jobs";

    private Tables() {
    }

    /** @return the table holding coordination events of {@code kind} */
    public static String of(CoordinationKind kind) {
        return switch (kind) {
            case INTENT -> "coord_intents";
            case DECISION -> "coord_decisions";
            case GIT_EVENT -> "coord_git_events";
            case METRIC -> "coord_metrics";
            case FILE_CLAIM -> "coord_file_claims";
            case FILE_READ -> "coord_file_reads";
        };
    }
}
