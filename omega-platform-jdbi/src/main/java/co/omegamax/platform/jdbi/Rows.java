package co.omegamax.platform.jdbi;

import co.omegamax.platform.spi.GraphEdge;
import co.omegamax.platform.spi.GraphNode;
import co.omegamax.platform.spi.Handoff;
import co.omegamax.platform.spi.HandoffStatus;
import co.omegamax.platform.spi.Job;
import co.omegamax.platform.spi.JobStatus;
import co.omegamax.platform.spi.MemoryRecord;
import co.omegamax.platform.spi.Message;
import co.omegamax.platform.spi.Plan;
import co.omegamax.platform.spi.Project;
import co.omegamax.platform.spi.ProjectStatus;
import co.omegamax.platform.spi.Session;
import co.omegamax.platform.spi.SessionStatus;
import co.omegamax.platform.spi.Task;
import co.omegamax.platform.spi.TaskStatus;
import co.omegamax.platform.spi.TrackedEntity;
import co.omegamax.platform.spi.UserAccount;
import co.omegamax.platform.spi.Validate;
import co.omegamax.platform.spi.Workspace;
import co.omegamax.platform.spi.WorkspaceType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.mapper.RowMapper;

/** Row mappers from the tenant tables to the SPI records. */
public final class Rows {
    private static final int LABEL_LENGTH = 80;
    private final Json json;
    private final SqlDialect dialect;

    /** @param json codec for JSON columns; @param dialect how the database stores timestamps */
    public Rows(Json json, SqlDialect dialect) {
        this.json = json;
        this.dialect = dialect;
    }

    private Instant instant(ResultSet rs, String column) throws SQLException {
        return dialect.readInstant(rs, column);
    }

    static <E extends Enum<E>> E enumOf(ResultSet rs, String column, Class<E> type) throws SQLException {
        String v = rs.getString(column);
        return v == null ? null : Validate.enumValue(column, type, v);
    }

    /** @return mapper for user_accounts */
    public RowMapper<UserAccount> account() {
        return (rs, ctx) -> new UserAccount(rs.getString("user_id"), enumOf(rs, "plan", Plan.class),
                rs.getString("license_key"), json.readMap("settings", rs.getString("settings")), instant(rs, "created_at"));
    }

    /** @return mapper for workspaces */
    public RowMapper<Workspace> workspace() {
        return (rs, ctx) -> new Workspace(rs.getString("id"), rs.getString("user_id"), rs.getString("name"),
                enumOf(rs, "workspace_type", WorkspaceType.class), rs.getString("slug"),
                json.readMap("settings", rs.getString("settings")), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    /** @return mapper for workspace_projects */
    public RowMapper<Project> project() {
        return (rs, ctx) -> new Project(rs.getString("id"), rs.getString("user_id"), rs.getString("workspace_id"),
                rs.getString("name"), rs.getString("description"), enumOf(rs, "status", ProjectStatus.class),
                json.readMap("settings", rs.getString("settings")), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    /** @return mapper for memories */
    public RowMapper<MemoryRecord> memory() {
        return (rs, ctx) -> new MemoryRecord(rs.getString("id"), rs.getString("user_id"), rs.getString("workspace_id"),
                rs.getString("project_id"), rs.getString("event_type"), rs.getString("memory_type"),
                rs.getString("content"), json.readStrings("tags", rs.getString("tags")),
                json.readMap("metadata", rs.getString("metadata")), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    /** @return mapper from memories to graph nodes */
    public RowMapper<GraphNode> memoryNode() {
        return (rs, ctx) -> new GraphNode(rs.getString("id"), label(rs.getString("content")), rs.getString("event_type"));
    }

    /** @return mapper for tracked entities */
    public RowMapper<TrackedEntity> entity() {
        return (rs, ctx) -> new TrackedEntity(rs.getString("id"), rs.getString("user_id"), rs.getString("workspace_id"),
                rs.getString("name"), rs.getString("entity_type"), rs.getString("status"),
                json.readMap("attributes", rs.getString("attributes")), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    /** @return mapper from entities to graph nodes */
    public RowMapper<GraphNode> entityNode() {
        return (rs, ctx) -> new GraphNode(rs.getString("id"), label(rs.getString("name")), rs.getString("entity_type"));
    }

    /** @return mapper for link tables */
    public RowMapper<GraphEdge> edge() {
        return (rs, ctx) -> new GraphEdge(rs.getString("from_id"), rs.getString("to_id"), rs.getString("relation"),
                rs.getDouble("weight"));
    }

    /** @return mapper for coord_sessions */
    public RowMapper<Session> session() {
        return (rs, ctx) -> new Session(rs.getString("id"), rs.getString("user_id"), rs.getString("workspace_id"),
                rs.getString("project_id"), rs.getString("agent_name"), enumOf(rs, "status", SessionStatus.class),
                instant(rs, "started_at"), instant(rs, "ended_at"), json.readMap("metadata", rs.getString("metadata")));
    }

    /** @return mapper for coord_tasks */
    public RowMapper<Task> task() {
        return (rs, ctx) -> new Task(rs.getString("id"), rs.getString("user_id"), rs.getString("workspace_id"),
                rs.getString("project_id"), rs.getString("session_id"), rs.getString("title"),
                rs.getString("description"), enumOf(rs, "status", TaskStatus.class), rs.getInt("priority"),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    /** @return mapper for coord_messages */
    public RowMapper<Message> message() {
        return (rs, ctx) -> new Message(rs.getString("id"), rs.getString("user_id"), rs.getString("workspace_id"),
                rs.getString("session_id"), rs.getString("sender"), rs.getString("recipient"), rs.getString("content"),
                instant(rs, "created_at"));
    }

    /** @return mapper for coord_handoffs */
    public RowMapper<Handoff> handoff() {
        return (rs, ctx) -> new Handoff(rs.getString("id"), rs.getString("user_id"), rs.getString("workspace_id"),
                rs.getString("project_id"), rs.getString("from_session_id"), rs.getString("to_session_id"),
                rs.getString("summary"), enumOf(rs, "status", HandoffStatus.class), instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    /** @return mapper for jobs */
    public RowMapper<Job> job() {
        return (rs, ctx) -> new Job(rs.getString("id"), rs.getString("user_id"), rs.getString("workspace_id"),
                rs.getString("project_id"), rs.getString("name"), enumOf(rs, "status", JobStatus.class),
                json.readMap("payload", rs.getString("payload")), rs.getString("error"), instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    /** @return mapper for one of the coordination event tables */
    public RowMapper<co.omegamax.platform.spi.CoordinationEvent> event(co.omegamax.platform.spi.CoordinationKind kind) {
        return (rs, ctx) -> new co.omegamax.platform.spi.CoordinationEvent(rs.getString("id"), rs.getString("user_id"),
                kind, rs.getString("workspace_id"), rs.getString("project_id"), rs.getString("session_id"),
                rs.getString("summary"), json.readMap("attributes", rs.getString("attributes")), instant(rs, "occurred_at"));
    }

    private static String label(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= LABEL_LENGTH ? oneLine : oneLine.substring(0, LABEL_LENGTH - 1) + "…";
    }
}
