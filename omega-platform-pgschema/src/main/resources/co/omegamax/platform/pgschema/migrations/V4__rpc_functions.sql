-- SQL functions the Supabase DataStore calls over PostgREST (/rest/v1/rpc/<name>), for what one REST request cannot
-- express: graphs, dashboard counts, memory search with literal text, atomic multi-table deletes and coordination
-- claims. Every function is SECURITY INVOKER: it runs as the calling role, so the user_isolation policies (RLS) apply
-- exactly as for the tables; each one also filters on user_id = auth.uid() itself. Only ${app_role} may execute them.
-- Dynamic table names come from a fixed whitelist and go through format('%I'); values are always bound (USING).
-- On raw PostgreSQL auth.uid() is the compatible function of V1; on Supabase it is Supabase's own (uuid), hence ::text.

-- A graph node label: whitespace runs folded to one space, trimmed, at most 80 characters (79 + an ellipsis).
CREATE FUNCTION omega_graph_label(p_text text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $f$
    SELECT CASE WHEN char_length(t) <= 80 THEN t ELSE left(t, 79) || chr(8230) END
    FROM (SELECT btrim(regexp_replace(left(p_text, 4000), '\s+', ' ', 'g')) AS t) s
$f$;

-- Memories of a workspace (optionally one project): the 500 most recently updated and the links among them.
-- Answers {"nodes": [{id, label, kind}], "edges": [{source, target, relation, weight}]}, or {"missing": "workspace"}
-- / {"missing": "project"} when the workspace, or the project within it, is not the caller's.
CREATE FUNCTION omega_memory_graph(p_workspace_id uuid, p_project_id uuid DEFAULT NULL) RETURNS jsonb
    LANGUAGE plpgsql STABLE SECURITY INVOKER AS $f$
DECLARE
    uid text := (SELECT auth.uid())::text;
    node_ids text[];
    nodes jsonb;
    edges jsonb;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM workspaces w WHERE w.user_id = uid AND w.id = p_workspace_id) THEN
        RETURN jsonb_build_object('missing', 'workspace');
    END IF;
    IF p_project_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM workspace_projects p
            WHERE p.user_id = uid AND p.id = p_project_id AND p.workspace_id = p_workspace_id) THEN
        RETURN jsonb_build_object('missing', 'project');
    END IF;
    SELECT coalesce(array_agg(n.id ORDER BY n.updated_at DESC, n.id), '{}'),
           coalesce(jsonb_agg(jsonb_build_object('id', n.id, 'label', omega_graph_label(n.content), 'kind', n.event_type)
                              ORDER BY n.updated_at DESC, n.id), '[]')
      INTO node_ids, nodes
      FROM (SELECT m.id, m.content, m.event_type, m.updated_at FROM memories m
             WHERE m.user_id = uid AND m.workspace_id = p_workspace_id
               AND (p_project_id IS NULL OR m.project_id = p_project_id)
             ORDER BY m.updated_at DESC, m.id LIMIT 500) n;
    SELECT coalesce(jsonb_agg(jsonb_build_object('source', l.from_id, 'target', l.to_id, 'relation', l.relation,
                                                 'weight', l.weight) ORDER BY l.from_id, l.to_id, l.relation), '[]')
      INTO edges
      FROM memory_links l
     WHERE l.user_id = uid AND l.workspace_id = p_workspace_id AND l.from_id = ANY (node_ids) AND l.to_id = ANY (node_ids);
    RETURN jsonb_build_object('nodes', nodes, 'edges', edges);
END
$f$;

-- Tracked entities of a workspace (500 most recently updated) and the links among them; same answer shape.
CREATE FUNCTION omega_entity_graph(p_workspace_id uuid) RETURNS jsonb
    LANGUAGE plpgsql STABLE SECURITY INVOKER AS $f$
DECLARE
    uid text := (SELECT auth.uid())::text;
    node_ids text[];
    nodes jsonb;
    edges jsonb;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM workspaces w WHERE w.user_id = uid AND w.id = p_workspace_id) THEN
        RETURN jsonb_build_object('missing', 'workspace');
    END IF;
    SELECT coalesce(array_agg(n.id ORDER BY n.updated_at DESC, n.id), '{}'),
           coalesce(jsonb_agg(jsonb_build_object('id', n.id, 'label', omega_graph_label(n.name), 'kind', n.entity_type)
                              ORDER BY n.updated_at DESC, n.id), '[]')
      INTO node_ids, nodes
      FROM (SELECT e.id, e.name, e.entity_type, e.updated_at FROM entities e
             WHERE e.user_id = uid AND e.workspace_id = p_workspace_id
             ORDER BY e.updated_at DESC, e.id LIMIT 500) n;
    SELECT coalesce(jsonb_agg(jsonb_build_object('source', l.from_id, 'target', l.to_id, 'relation', l.relation,
                                                 'weight', l.weight) ORDER BY l.from_id, l.to_id, l.relation), '[]')
      INTO edges
      FROM entity_links l
     WHERE l.user_id = uid AND l.workspace_id = p_workspace_id AND l.from_id = ANY (node_ids) AND l.to_id = ANY (node_ids);
    RETURN jsonb_build_object('nodes', nodes, 'edges', edges);
END
$f$;

-- Dashboard counts of one workspace, or NULL when the workspace is not the caller's. Which statuses count as open,
-- active or pending is passed in by the caller (the DataStore SPI owns those rules).
CREATE FUNCTION omega_dashboard_metrics(p_workspace_id uuid, p_open_task_statuses text[],
                                        p_active_session_status text, p_pending_handoff_status text) RETURNS jsonb
    LANGUAGE plpgsql STABLE SECURITY INVOKER AS $f$
DECLARE
    uid text := (SELECT auth.uid())::text;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM workspaces w WHERE w.user_id = uid AND w.id = p_workspace_id) THEN
        RETURN NULL;
    END IF;
    RETURN jsonb_build_object(
        'projectCount', (SELECT count(*) FROM workspace_projects t WHERE t.user_id = uid AND t.workspace_id = p_workspace_id),
        'memoriesByEventType', (SELECT coalesce(jsonb_object_agg(x.event_type, x.n), '{}') FROM
            (SELECT t.event_type, count(*) AS n FROM memories t WHERE t.user_id = uid AND t.workspace_id = p_workspace_id
             GROUP BY t.event_type) x),
        'trackedEntityCount', (SELECT count(*) FROM entities t WHERE t.user_id = uid AND t.workspace_id = p_workspace_id),
        'sessionCount', (SELECT count(*) FROM coord_sessions t WHERE t.user_id = uid AND t.workspace_id = p_workspace_id),
        'activeSessionCount', (SELECT count(*) FROM coord_sessions t WHERE t.user_id = uid
            AND t.workspace_id = p_workspace_id AND t.status = p_active_session_status),
        'taskCount', (SELECT count(*) FROM coord_tasks t WHERE t.user_id = uid AND t.workspace_id = p_workspace_id),
        'openTaskCount', (SELECT count(*) FROM coord_tasks t WHERE t.user_id = uid AND t.workspace_id = p_workspace_id
            AND t.status = ANY (p_open_task_statuses)),
        'handoffCount', (SELECT count(*) FROM coord_handoffs t WHERE t.user_id = uid AND t.workspace_id = p_workspace_id),
        'pendingHandoffCount', (SELECT count(*) FROM coord_handoffs t WHERE t.user_id = uid
            AND t.workspace_id = p_workspace_id AND t.status = p_pending_handoff_status),
        'jobsByStatus', (SELECT coalesce(jsonb_object_agg(x.status, x.n), '{}') FROM
            (SELECT t.status, count(*) AS n FROM jobs t WHERE t.user_id = uid AND t.workspace_id = p_workspace_id
             GROUP BY t.status) x));
END
$f$;

-- Memories of a workspace whose content contains p_search (case-insensitive; %, _ and \ are literal), newest first,
-- then by id; one page. PostgREST's like/ilike filters cannot express a literal '*', hence a function.
CREATE FUNCTION omega_search_memories(p_workspace_id uuid, p_project_id uuid, p_event_type text, p_memory_type text,
                                      p_search text, p_limit integer, p_offset integer) RETURNS SETOF memories
    LANGUAGE sql STABLE SECURITY INVOKER AS $f$
    SELECT m.* FROM memories m
     WHERE m.user_id = (SELECT auth.uid())::text AND m.workspace_id = p_workspace_id
       AND (p_project_id IS NULL OR m.project_id = p_project_id)
       AND (p_event_type IS NULL OR m.event_type = p_event_type)
       AND (p_memory_type IS NULL OR m.memory_type = p_memory_type)
       AND m.content ILIKE '%' || replace(replace(replace(p_search, '\', '\\'), '%', '\%'), '_', '\_') || '%'
     ORDER BY m.created_at DESC, m.id
     LIMIT least(greatest(p_limit, 0), 500) OFFSET greatest(p_offset, 0)
$f$;

-- Deletes the caller's memories with these ids (their links cascade) in one statement. Answers how many were deleted.
CREATE FUNCTION omega_delete_memories(p_ids text[]) RETURNS integer
    LANGUAGE sql VOLATILE SECURITY INVOKER AS $f$
    WITH d AS (DELETE FROM memories m WHERE m.user_id = (SELECT auth.uid())::text AND m.id = ANY (p_ids) RETURNING 1)
    SELECT count(*)::integer FROM d
$f$;

-- Deletes a session of the caller atomically: tasks and coordination events keep their rows with the session
-- cleared, messages cascade. Answers false when the caller has no such session.
CREATE FUNCTION omega_delete_session(p_session_id text) RETURNS boolean
    LANGUAGE plpgsql VOLATILE SECURITY INVOKER AS $f$
DECLARE
    uid text := (SELECT auth.uid())::text;
    t text;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM coord_sessions s WHERE s.user_id = uid AND s.id = p_session_id) THEN
        RETURN false;
    END IF;
    FOREACH t IN ARRAY ARRAY['coord_tasks', 'coord_intents', 'coord_decisions', 'coord_git_events', 'coord_metrics',
                             'coord_file_claims', 'coord_file_reads']
    LOOP
        EXECUTE format('UPDATE %I SET session_id = NULL WHERE user_id = $1 AND session_id = $2', t) USING uid, p_session_id;
    END LOOP;
    DELETE FROM coord_sessions s WHERE s.user_id = uid AND s.id = p_session_id;
    RETURN true;
END
$f$;

-- DataStore.claimCoordinationEvent in one statement: inserts the claim, or takes the existing event over when it
-- belongs to the same (non-null) session or occurred before p_stale_before; otherwise leaves it alone. Concurrent
-- claims of one id serialise on the row, so exactly one is granted. Answers {"granted": bool, "event": <row>}, the
-- row being the caller's claim when granted and the current holder otherwise. p_kind: intent, decision, git_event,
-- metric, file_claim or file_read.
CREATE FUNCTION omega_claim_coordination_event(p_kind text, p_id text, p_workspace_id uuid, p_project_id uuid,
                                               p_session_id text, p_summary text, p_attributes jsonb,
                                               p_occurred_at timestamptz, p_stale_before timestamptz) RETURNS jsonb
    LANGUAGE plpgsql VOLATILE SECURITY INVOKER AS $f$
DECLARE
    uid text := (SELECT auth.uid())::text;
    tbl text;
    claimed jsonb;
    holder jsonb;
BEGIN
    tbl := CASE p_kind
        WHEN 'intent' THEN 'coord_intents'
        WHEN 'decision' THEN 'coord_decisions'
        WHEN 'git_event' THEN 'coord_git_events'
        WHEN 'metric' THEN 'coord_metrics'
        WHEN 'file_claim' THEN 'coord_file_claims'
        WHEN 'file_read' THEN 'coord_file_reads'
    END;
    IF tbl IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'unknown coordination kind',
            HINT = 'use intent, decision, git_event, metric, file_claim or file_read';
    END IF;
    EXECUTE format('INSERT INTO %I AS t (user_id, id, workspace_id, project_id, session_id, summary, attributes, occurred_at)'
                   ' VALUES ($1, $2, $3, $4, $5, $6, coalesce($7, ''{}''::jsonb), $8)'
                   ' ON CONFLICT (user_id, id) DO UPDATE SET workspace_id = excluded.workspace_id,'
                   ' project_id = excluded.project_id, session_id = excluded.session_id, summary = excluded.summary,'
                   ' attributes = excluded.attributes, occurred_at = excluded.occurred_at'
                   ' WHERE (t.session_id IS NOT NULL AND t.session_id = excluded.session_id) OR t.occurred_at < $9'
                   ' RETURNING to_jsonb(t)', tbl)
        INTO claimed
        USING uid, p_id, p_workspace_id, p_project_id, p_session_id, p_summary, p_attributes, p_occurred_at, p_stale_before;
    IF claimed IS NOT NULL THEN
        RETURN jsonb_build_object('granted', true, 'event', claimed);
    END IF;
    EXECUTE format('SELECT to_jsonb(t) FROM %I t WHERE t.user_id = $1 AND t.id = $2', tbl) INTO holder USING uid, p_id;
    RETURN jsonb_build_object('granted', false, 'event', holder);
END
$f$;

-- Only the application role runs these (PostgREST's anon role and PUBLIC do not).
DO $do$
DECLARE
    f text;
BEGIN
    FOREACH f IN ARRAY ARRAY['omega_graph_label(text)', 'omega_memory_graph(uuid, uuid)', 'omega_entity_graph(uuid)',
            'omega_dashboard_metrics(uuid, text[], text, text)',
            'omega_search_memories(uuid, uuid, text, text, text, integer, integer)', 'omega_delete_memories(text[])',
            'omega_delete_session(text)',
            'omega_claim_coordination_event(text, text, uuid, uuid, text, text, jsonb, timestamptz, timestamptz)']
    LOOP
        EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'anon') THEN
            EXECUTE format('REVOKE ALL ON FUNCTION %s FROM anon', f);
        END IF;
        EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO %I', f, '${app_role}');
    END LOOP;
END
$do$;
