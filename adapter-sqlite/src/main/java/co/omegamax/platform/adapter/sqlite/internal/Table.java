package co.omegamax.platform.adapter.sqlite.internal;

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
    JOBS("jobs");

    private final String sqlName;

    Table(String sqlName) {
        this.sqlName = sqlName;
    }

    /** @return the table's SQL name */
    public String sqlName() {
        return sqlName;
    }
}
