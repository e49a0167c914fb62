package co.omegamax.platform.adapter.supabase.internal;

import co.omegamax.platform.spi.CoordinationEvent;
import co.omegamax.platform.spi.CoordinationKind;
import co.omegamax.platform.spi.DataStoreException;
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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Maps PostgREST's JSON rows (column name → value) of the tenant tables to the SPI records. Timestamps arrive as
 * ISO-8601 text with an offset ({@code 2026-03-01T10:00:00.123+00:00}); JSONB columns as JSON objects and arrays.
 */
public final class Rows {
    private Rows() {
    }

    /** @return the text of a column, or null */
    public static String text(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? null : v.toString();
    }

    /** @return the timestamp of a column, or null */
    public static Instant instant(Map<String, Object> row, String column) {
        Object v = row.get(column);
        if (v == null) {
            return null;
        }
        String s = v.toString().strip().replace(' ', 'T');
        if (s.matches(".*[+-]\\d\\d$")) {
            s = s + ":00"; // "+00" → "+00:00"
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw new DataStoreException("column " + column + " holds an unreadable timestamp; PostgREST should send"
                    + " ISO-8601 text with an offset", e);
        }
    }

    /** @return the PostgREST text of an instant: ISO-8601 UTC with millisecond precision (the SPI's precision) */
    public static String wire(Instant instant) {
        return instant == null ? null : Instant.ofEpochMilli(instant.toEpochMilli()).toString();
    }

    private static <E extends Enum<E>> E enumOf(Map<String, Object> row, String column, Class<E> type) {
        String v = text(row, column);
        return v == null ? null : Validate.enumValue(column, type, v);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> row, String column) {
        Object v = row.get(column);
        if (v == null) {
            return Validate.jsonObject(column, null);
        }
        if (v instanceof Map<?, ?> m) {
            return Validate.jsonObject(column, (Map<String, ?>) m);
        }
        throw new DataStoreException("column " + column + " is not a JSON object", null);
    }

    private static List<String> strings(Map<String, Object> row, String column) {
        Object v = row.get(column);
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> list) {
            List<String> out = new ArrayList<>(list.size());
            for (Object o : list) {
                out.add(String.valueOf(o));
            }
            return List.copyOf(out);
        }
        throw new DataStoreException("column " + column + " is not a JSON array", null);
    }

    private static int integer(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(v));
    }

    private static double decimal(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(v));
    }

    /** @return a user_accounts row */
    public static UserAccount account(Map<String, Object> r) {
        return new UserAccount(text(r, "user_id"), enumOf(r, "plan", Plan.class), text(r, "license_key"),
                object(r, "settings"), instant(r, "created_at"));
    }

    /** @return a workspaces row */
    public static Workspace workspace(Map<String, Object> r) {
        return new Workspace(text(r, "id"), text(r, "user_id"), text(r, "name"), enumOf(r, "workspace_type", WorkspaceType.class),
                text(r, "slug"), object(r, "settings"), instant(r, "created_at"), instant(r, "updated_at"));
    }

    /** @return a workspace_projects row */
    public static Project project(Map<String, Object> r) {
        return new Project(text(r, "id"), text(r, "user_id"), text(r, "workspace_id"), text(r, "name"),
                text(r, "description"), enumOf(r, "status", ProjectStatus.class), object(r, "settings"),
                instant(r, "created_at"), instant(r, "updated_at"));
    }

    /** @return a memories row */
    public static MemoryRecord memory(Map<String, Object> r) {
        return new MemoryRecord(text(r, "id"), text(r, "user_id"), text(r, "workspace_id"), text(r, "project_id"),
                text(r, "event_type"), text(r, "memory_type"), text(r, "content"), strings(r, "tags"),
                object(r, "metadata"), instant(r, "created_at"), instant(r, "updated_at"));
    }

    /** @return an entities row */
    public static TrackedEntity entity(Map<String, Object> r) {
        return new TrackedEntity(text(r, "id"), text(r, "user_id"), text(r, "workspace_id"), text(r, "name"),
                text(r, "entity_type"), text(r, "status"), object(r, "attributes"), instant(r, "created_at"),
                instant(r, "updated_at"));
    }

    /** @return a coord_sessions row */
    public static Session session(Map<String, Object> r) {
        return new Session(text(r, "id"), text(r, "user_id"), text(r, "workspace_id"), text(r, "project_id"),
                text(r, "agent_name"), enumOf(r, "status", SessionStatus.class), instant(r, "started_at"),
                instant(r, "ended_at"), object(r, "metadata"));
    }

    /** @return a coord_tasks row */
    public static Task task(Map<String, Object> r) {
        return new Task(text(r, "id"), text(r, "user_id"), text(r, "workspace_id"), text(r, "project_id"),
                text(r, "session_id"), text(r, "title"), text(r, "description"), enumOf(r, "status", TaskStatus.class),
                integer(r, "priority"), instant(r, "created_at"), instant(r, "updated_at"));
    }

    /** @return a coord_messages row */
    public static Message message(Map<String, Object> r) {
        return new Message(text(r, "id"), text(r, "user_id"), text(r, "workspace_id"), text(r, "session_id"),
                text(r, "sender"), text(r, "recipient"), text(r, "content"), instant(r, "created_at"));
    }

    /** @return a coord_handoffs row */
    public static Handoff handoff(Map<String, Object> r) {
        return new Handoff(text(r, "id"), text(r, "user_id"), text(r, "workspace_id"), text(r, "project_id"),
                text(r, "from_session_id"), text(r, "to_session_id"), text(r, "summary"),
                enumOf(r, "status", HandoffStatus.class), instant(r, "created_at"), instant(r, "updated_at"));
    }

    /** @return a jobs row */
    public static Job job(Map<String, Object> r) {
        return new Job(text(r, "id"), text(r, "user_id"), text(r, "workspace_id"), text(r, "project_id"),
                text(r, "name"), enumOf(r, "status", JobStatus.class), object(r, "payload"), text(r, "error"),
                instant(r, "created_at"), instant(r, "updated_at"));
    }

    /** @return a row of one of the coordination event tables */
    public static CoordinationEvent event(CoordinationKind kind, Map<String, Object> r) {
        return new CoordinationEvent(text(r, "id"), text(r, "user_id"), kind, text(r, "workspace_id"),
                text(r, "project_id"), text(r, "session_id"), text(r, "summary"), object(r, "attributes"),
                instant(r, "occurred_at"));
    }

    /** @return a graph node of an RPC graph answer ({@code id}, {@code label}, {@code kind}) */
    public static GraphNode node(Map<String, Object> r) {
        return new GraphNode(text(r, "id"), text(r, "label"), text(r, "kind"));
    }

    /** @return a graph edge of an RPC graph answer ({@code source}, {@code target}, {@code relation}, {@code weight}) */
    public static GraphEdge edge(Map<String, Object> r) {
        return new GraphEdge(text(r, "source"), text(r, "target"), text(r, "relation"), decimal(r, "weight"));
    }
}
