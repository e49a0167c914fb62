package co.omegamax.platform.jdbi;

/** The tenant tables. Every one has a {@code user_id} column, which {@link UserScopedHandle} always filters on. */
public enum Table {
    /** One row per user. */
    USER_ACCOUNTS("user_accounts"),
    /** Tenant boundary. */
    WORKSPACES("workspaces"),
    /** Projects within workspaces. */
    PROJECTS("workspace_projects"),
    /** Memories. */
    MEMORIES("memories"),
    /** Links between memories. */
    MEMORY_LINKS("memory_links"),
    /** Tracked people, companies, organisations. */
    ENTITIES("entities"),
    /** Links between tracked entities. */
    ENTITY_LINKS("entity_links"),
    /** Coordination sessions. */
    SESSIONS("coord_sessions"),
    /** Coordination tasks. */
    TASKS("coord_tasks"),
    /** Session messages. */
    MESSAGES("coord_messages"),
    /** Session handoffs. */
    HANDOFFS("coord_handoffs"),
    /** Background jobs. */
    JOBS("jobs"),
    /** Coordination intents. */
    COORD_INTENTS("coord_intents"),
    /** Coordination decisions. */
    COORD_DECISIONS("coord_decisions"),
    /** Git events. */
    COORD_GIT_EVENTS("coord_git_events"),
    /** Coordination metrics. */
    COORD_METRICS("coord_metrics"),
    /** File claims. */
    COORD_FILE_CLAIMS("coord_file_claims"),
    /** File reads. */
    COORD_FILE_READS("coord_file_reads"),
    /** Workspace API keys (hashes only; only the SQLite schema has this table). */
    WORKSPACE_KEYS("workspace_keys");

    private final String sqlName;

    Table(String sqlName) {
        this.sqlName = sqlName;
    }

    /** @return the table's SQL name */
    public String sqlName() {
        return sqlName;
    }

    /** @return the table holding coordination events of {@code kind} */
    public static Table of(co.omegamax.platform.spi.CoordinationKind kind) {
        return switch (kind) {
            case INTENT -> COORD_INTENTS;
            case DECISION -> COORD_DECISIONS;
            case GIT_EVENT -> COORD_GIT_EVENTS;
            case METRIC -> COORD_METRICS;
            case FILE_CLAIM -> COORD_FILE_CLAIMS;
            case FILE_READ -> COORD_FILE_READS;
        };
    }
}
