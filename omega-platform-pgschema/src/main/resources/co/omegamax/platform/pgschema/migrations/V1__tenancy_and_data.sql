-- OMEGA platform schema on PostgreSQL (spec §5.2, §5.3). One migration set for raw PostgreSQL and Supabase.
-- Run by the OWNER role (it owns every object); the application role ${app_role} owns nothing, has no BYPASSRLS
-- and reaches rows only through the user_isolation policies below.
-- user ids are TEXT (the DataStore accepts any id of up to 128 chars); on Supabase they are auth.users UUIDs
-- in text form, hence the ::text in the policies. Client-chosen ids are unique per user: PRIMARY KEY (user_id, id).
-- Text columns that are ordered on use COLLATE "C" (code-point order, as the DataStore contract says).

-- auth.uid(): Supabase has it; on raw PostgreSQL create a compatible one reading the same settings. After a
-- transaction-local set_config ends, the setting reads '' (not NULL) on that connection, hence the nullif.
DO $do$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                   WHERE n.nspname = 'auth' AND p.proname = 'uid' AND p.pronargs = 0) THEN
        CREATE SCHEMA IF NOT EXISTS auth;
        CREATE FUNCTION auth.uid() RETURNS text LANGUAGE sql STABLE AS $f$
            SELECT coalesce(nullif(current_setting('request.jwt.claim.sub', true), ''),
                            (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub'))::text
        $f$;
        EXECUTE format('GRANT USAGE ON SCHEMA auth TO %I', '${app_role}');
        EXECUTE format('GRANT EXECUTE ON FUNCTION auth.uid() TO %I', '${app_role}');
    END IF;
END
$do$;

CREATE TABLE user_accounts (
    user_id     TEXT PRIMARY KEY,
    plan        TEXT NOT NULL DEFAULT 'free' CHECK (plan IN ('free', 'pro', 'enterprise')),
    license_key TEXT,
    settings    JSONB NOT NULL DEFAULT '{}',
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE workspaces (
    id             UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id        TEXT NOT NULL,
    name           TEXT COLLATE "C" NOT NULL,
    workspace_type TEXT CHECK (workspace_type IN ('business', 'client', 'personal')),
    slug           TEXT COLLATE "C" NOT NULL,
    settings       JSONB NOT NULL DEFAULT '{}',
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (user_id, slug)
);
CREATE INDEX idx_workspaces_user_id ON workspaces (user_id, id);

CREATE TABLE workspace_projects (
    id           UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    user_id      TEXT NOT NULL,
    name         TEXT COLLATE "C" NOT NULL,
    description  TEXT,
    status       TEXT NOT NULL DEFAULT 'active',
    settings     JSONB NOT NULL DEFAULT '{}',
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX idx_workspace_projects_user ON workspace_projects (user_id, workspace_id, name);
CREATE INDEX idx_workspace_projects_user_id ON workspace_projects (user_id, id);
CREATE INDEX idx_workspace_projects_workspace ON workspace_projects (workspace_id);

CREATE TABLE memories (
    user_id      TEXT NOT NULL,
    id           TEXT COLLATE "C" NOT NULL,
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    project_id   UUID REFERENCES workspace_projects (id) ON DELETE SET NULL,
    event_type   TEXT NOT NULL,
    memory_type  TEXT,
    content      TEXT NOT NULL,
    tags         JSONB NOT NULL DEFAULT '[]',
    metadata     JSONB NOT NULL DEFAULT '{}',
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    search_vector TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', content)) STORED,
    PRIMARY KEY (user_id, id)
);
CREATE INDEX idx_memories_user_ws ON memories (user_id, workspace_id, created_at DESC, id);
CREATE INDEX idx_memories_user_project ON memories (user_id, project_id) WHERE project_id IS NOT NULL;
CREATE INDEX idx_memories_project ON memories (project_id) WHERE project_id IS NOT NULL;
CREATE INDEX idx_memories_workspace ON memories (workspace_id);
CREATE INDEX idx_memories_search ON memories USING gin (search_vector);

CREATE TABLE memory_links (
    user_id      TEXT NOT NULL,
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    from_id      TEXT COLLATE "C" NOT NULL,
    to_id        TEXT COLLATE "C" NOT NULL,
    relation     TEXT COLLATE "C" NOT NULL,
    weight       DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (user_id, from_id, to_id, relation),
    FOREIGN KEY (user_id, from_id) REFERENCES memories (user_id, id) ON DELETE CASCADE,
    FOREIGN KEY (user_id, to_id) REFERENCES memories (user_id, id) ON DELETE CASCADE
);
CREATE INDEX idx_memory_links_user_to ON memory_links (user_id, to_id);
CREATE INDEX idx_memory_links_workspace ON memory_links (workspace_id);

-- tracked people, companies, organisations within a workspace (spec: the existing "entities" table)
CREATE TABLE entities (
    user_id      TEXT NOT NULL,
    id           TEXT COLLATE "C" NOT NULL,
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    name         TEXT COLLATE "C" NOT NULL,
    entity_type  TEXT NOT NULL,
    status       TEXT,
    attributes   JSONB NOT NULL DEFAULT '{}',
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, id)
);
CREATE INDEX idx_entities_user_ws ON entities (user_id, workspace_id, name);
CREATE INDEX idx_entities_workspace ON entities (workspace_id);

CREATE TABLE entity_links (
    user_id      TEXT NOT NULL,
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    from_id      TEXT COLLATE "C" NOT NULL,
    to_id        TEXT COLLATE "C" NOT NULL,
    relation     TEXT COLLATE "C" NOT NULL,
    weight       DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (user_id, from_id, to_id, relation),
    FOREIGN KEY (user_id, from_id) REFERENCES entities (user_id, id) ON DELETE CASCADE,
    FOREIGN KEY (user_id, to_id) REFERENCES entities (user_id, id) ON DELETE CASCADE
);
CREATE INDEX idx_entity_links_user_to ON entity_links (user_id, to_id);
CREATE INDEX idx_entity_links_workspace ON entity_links (workspace_id);

CREATE TABLE coord_sessions (
    user_id      TEXT NOT NULL,
    id           TEXT COLLATE "C" NOT NULL,
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    project_id   UUID REFERENCES workspace_projects (id) ON DELETE SET NULL,
    agent_name   TEXT NOT NULL,
    status       TEXT NOT NULL,
    started_at   TIMESTAMPTZ NOT NULL,
    ended_at     TIMESTAMPTZ,
    metadata     JSONB NOT NULL DEFAULT '{}',
    PRIMARY KEY (user_id, id)
);
CREATE INDEX idx_coord_sessions_user_ws ON coord_sessions (user_id, workspace_id, started_at DESC);
CREATE INDEX idx_coord_sessions_workspace ON coord_sessions (workspace_id);
CREATE INDEX idx_coord_sessions_project ON coord_sessions (project_id) WHERE project_id IS NOT NULL;

CREATE TABLE coord_tasks (
    user_id      TEXT NOT NULL,
    id           TEXT COLLATE "C" NOT NULL,
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    project_id   UUID REFERENCES workspace_projects (id) ON DELETE SET NULL,
    session_id   TEXT,
    title        TEXT NOT NULL,
    description  TEXT,
    status       TEXT NOT NULL,
    priority     INTEGER NOT NULL DEFAULT 5,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, id)
);
CREATE INDEX idx_coord_tasks_user_ws ON coord_tasks (user_id, workspace_id, created_at DESC);
CREATE INDEX idx_coord_tasks_user_session ON coord_tasks (user_id, session_id) WHERE session_id IS NOT NULL;
CREATE INDEX idx_coord_tasks_workspace ON coord_tasks (workspace_id);
CREATE INDEX idx_coord_tasks_project ON coord_tasks (project_id) WHERE project_id IS NOT NULL;

CREATE TABLE coord_messages (
    user_id      TEXT NOT NULL,
    id           TEXT COLLATE "C" NOT NULL,
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    session_id   TEXT NOT NULL,
    sender       TEXT NOT NULL,
    recipient    TEXT,
    content      TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, id),
    FOREIGN KEY (user_id, session_id) REFERENCES coord_sessions (user_id, id) ON DELETE CASCADE
);
CREATE INDEX idx_coord_messages_user_session ON coord_messages (user_id, session_id, created_at);
CREATE INDEX idx_coord_messages_workspace ON coord_messages (workspace_id);

CREATE TABLE coord_handoffs (
    user_id         TEXT NOT NULL,
    id              TEXT COLLATE "C" NOT NULL,
    workspace_id    UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    project_id      UUID REFERENCES workspace_projects (id) ON DELETE SET NULL,
    from_session_id TEXT NOT NULL,
    to_session_id   TEXT,
    summary         TEXT NOT NULL,
    status          TEXT NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, id)
);
CREATE INDEX idx_coord_handoffs_user_ws ON coord_handoffs (user_id, workspace_id, created_at DESC);
CREATE INDEX idx_coord_handoffs_workspace ON coord_handoffs (workspace_id);
CREATE INDEX idx_coord_handoffs_project ON coord_handoffs (project_id) WHERE project_id IS NOT NULL;

CREATE TABLE jobs (
    user_id      TEXT NOT NULL,
    id           TEXT COLLATE "C" NOT NULL,
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    project_id   UUID REFERENCES workspace_projects (id) ON DELETE SET NULL,
    name         TEXT NOT NULL,
    status       TEXT NOT NULL,
    payload      JSONB NOT NULL DEFAULT '{}',
    error        TEXT,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, id)
);
CREATE INDEX idx_jobs_user_ws ON jobs (user_id, workspace_id, created_at DESC);
CREATE INDEX idx_jobs_workspace ON jobs (workspace_id);
CREATE INDEX idx_jobs_project ON jobs (project_id) WHERE project_id IS NOT NULL;

CREATE TABLE job_approvals (
    id           UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id      TEXT NOT NULL,
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    job_id       TEXT NOT NULL,
    decision     TEXT NOT NULL DEFAULT 'pending' CHECK (decision IN ('pending', 'approved', 'rejected')),
    decided_by   TEXT,
    note         TEXT,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    decided_at   TIMESTAMPTZ,
    FOREIGN KEY (user_id, job_id) REFERENCES jobs (user_id, id) ON DELETE CASCADE
);
CREATE INDEX idx_job_approvals_user_job ON job_approvals (user_id, job_id);
CREATE INDEX idx_job_approvals_workspace ON job_approvals (workspace_id);

CREATE TABLE workspace_api_keys (
    id           UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id      TEXT NOT NULL,
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    key_prefix   TEXT NOT NULL,
    key_hash     TEXT NOT NULL UNIQUE,
    scopes       JSONB NOT NULL DEFAULT '[]',
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ
);
CREATE INDEX idx_workspace_api_keys_user_ws ON workspace_api_keys (user_id, workspace_id);
CREATE INDEX idx_workspace_api_keys_workspace ON workspace_api_keys (workspace_id);

-- Coordination events: one table per kind, one shape; kind-specific details in the JSONB attributes column.
CREATE TABLE coord_intents (
    user_id      TEXT NOT NULL,
    id           TEXT COLLATE "C" NOT NULL,
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    project_id   UUID REFERENCES workspace_projects (id) ON DELETE SET NULL,
    session_id   TEXT,
    summary      TEXT NOT NULL,
    attributes   JSONB NOT NULL DEFAULT '{}',
    occurred_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, id)
);
CREATE INDEX idx_coord_intents_user_ws ON coord_intents (user_id, workspace_id, occurred_at DESC);
CREATE INDEX idx_coord_intents_user_session ON coord_intents (user_id, session_id) WHERE session_id IS NOT NULL;
CREATE INDEX idx_coord_intents_workspace ON coord_intents (workspace_id);
CREATE INDEX idx_coord_intents_project ON coord_intents (project_id) WHERE project_id IS NOT NULL;
CREATE TABLE coord_decisions (
    user_id      TEXT NOT NULL,
    id           TEXT COLLATE "C" NOT NULL,
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    project_id   UUID REFERENCES workspace_projects (id) ON DELETE SET NULL,
    session_id   TEXT,
    summary      TEXT NOT NULL,
    attributes   JSONB NOT NULL DEFAULT '{}',
    occurred_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, id)
);
CREATE INDEX idx_coord_decisions_user_ws ON coord_decisions (user_id, workspace_id, occurred_at DESC);
CREATE INDEX idx_coord_decisions_user_session ON coord_decisions (user_id, session_id) WHERE session_id IS NOT NULL;
CREATE INDEX idx_coord_decisions_workspace ON coord_decisions (workspace_id);
CREATE INDEX idx_coord_decisions_project ON coord_decisions (project_id) WHERE project_id IS NOT NULL;
CREATE TABLE coord_git_events (
    user_id      TEXT NOT NULL,
    id           TEXT COLLATE "C" NOT NULL,
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    project_id   UUID REFERENCES workspace_projects (id) ON DELETE SET NULL,
    session_id   TEXT,
    summary      TEXT NOT NULL,
    attributes   JSONB NOT NULL DEFAULT '{}',
    occurred_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, id)
);
CREATE INDEX idx_coord_git_events_user_ws ON coord_git_events (user_id, workspace_id, occurred_at DESC);
CREATE INDEX idx_coord_git_events_user_session ON coord_git_events (user_id, session_id) WHERE session_id IS NOT NULL;
CREATE INDEX idx_coord_git_events_workspace ON coord_git_events (workspace_id);
CREATE INDEX idx_coord_git_events_project ON coord_git_events (project_id) WHERE project_id IS NOT NULL;
CREATE TABLE coord_metrics (
    user_id      TEXT NOT NULL,
    id           TEXT COLLATE "C" NOT NULL,
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    project_id   UUID REFERENCES workspace_projects (id) ON DELETE SET NULL,
    session_id   TEXT,
    summary      TEXT NOT NULL,
    attributes   JSONB NOT NULL DEFAULT '{}',
    occurred_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, id)
);
CREATE INDEX idx_coord_metrics_user_ws ON coord_metrics (user_id, workspace_id, occurred_at DESC);
CREATE INDEX idx_coord_metrics_user_session ON coord_metrics (user_id, session_id) WHERE session_id IS NOT NULL;
CREATE INDEX idx_coord_metrics_workspace ON coord_metrics (workspace_id);
CREATE INDEX idx_coord_metrics_project ON coord_metrics (project_id) WHERE project_id IS NOT NULL;
CREATE TABLE coord_file_claims (
    user_id      TEXT NOT NULL,
    id           TEXT COLLATE "C" NOT NULL,
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    project_id   UUID REFERENCES workspace_projects (id) ON DELETE SET NULL,
    session_id   TEXT,
    summary      TEXT NOT NULL,
    attributes   JSONB NOT NULL DEFAULT '{}',
    occurred_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, id)
);
CREATE INDEX idx_coord_file_claims_user_ws ON coord_file_claims (user_id, workspace_id, occurred_at DESC);
CREATE INDEX idx_coord_file_claims_user_session ON coord_file_claims (user_id, session_id) WHERE session_id IS NOT NULL;
CREATE INDEX idx_coord_file_claims_workspace ON coord_file_claims (workspace_id);
CREATE INDEX idx_coord_file_claims_project ON coord_file_claims (project_id) WHERE project_id IS NOT NULL;
CREATE TABLE coord_file_reads (
    user_id      TEXT NOT NULL,
    id           TEXT COLLATE "C" NOT NULL,
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    project_id   UUID REFERENCES workspace_projects (id) ON DELETE SET NULL,
    session_id   TEXT,
    summary      TEXT NOT NULL,
    attributes   JSONB NOT NULL DEFAULT '{}',
    occurred_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, id)
);
CREATE INDEX idx_coord_file_reads_user_ws ON coord_file_reads (user_id, workspace_id, occurred_at DESC);
CREATE INDEX idx_coord_file_reads_user_session ON coord_file_reads (user_id, session_id) WHERE session_id IS NOT NULL;
CREATE INDEX idx_coord_file_reads_workspace ON coord_file_reads (workspace_id);
CREATE INDEX idx_coord_file_reads_project ON coord_file_reads (project_id) WHERE project_id IS NOT NULL;

-- Platform-global tables (no workspace_id, spec §5.2). Per-user ones are isolated like data tables; the others
-- have RLS forced with no policy for the application role, so it sees none of their rows.
CREATE TABLE allowed_users (
    email      TEXT PRIMARY KEY,
    note       TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE user_identities (
    id          UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id     TEXT NOT NULL,
    provider    TEXT NOT NULL,
    subject     TEXT NOT NULL,
    email       TEXT,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (provider, subject)
);
CREATE INDEX idx_user_identities_user ON user_identities (user_id);
CREATE TABLE licenses (
    id          UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id     TEXT NOT NULL,
    license_key TEXT NOT NULL UNIQUE,
    plan        TEXT NOT NULL DEFAULT 'pro',
    status      TEXT NOT NULL DEFAULT 'active',
    expires_at  TIMESTAMPTZ,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX idx_licenses_user ON licenses (user_id);
CREATE TABLE pro_releases (
    version      TEXT PRIMARY KEY,
    channel      TEXT NOT NULL DEFAULT 'stable',
    notes        TEXT,
    artifact_url TEXT,
    released_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE download_events (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     TEXT NOT NULL,
    version     TEXT,
    platform    TEXT,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX idx_download_events_user ON download_events (user_id, created_at DESC);
CREATE TABLE website_llm_usage (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id       TEXT NOT NULL,
    model         TEXT NOT NULL,
    input_tokens  BIGINT NOT NULL DEFAULT 0,
    output_tokens BIGINT NOT NULL DEFAULT 0,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX idx_website_llm_usage_user ON website_llm_usage (user_id, created_at DESC);
CREATE TABLE notification_settings (
    user_id    TEXT PRIMARY KEY,
    settings   JSONB NOT NULL DEFAULT '{}',
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Row Level Security (spec §5.3): user_id = (select auth.uid()) for USING and WITH CHECK, forced even for the
-- owner, policies only for the application role. "(select ...)" makes PostgreSQL evaluate uid() once per query.
DO $do$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['user_accounts', 'workspaces', 'workspace_projects', 'memories', 'memory_links',
            'entities', 'entity_links', 'coord_sessions', 'coord_tasks', 'coord_messages', 'coord_handoffs',
            'coord_intents', 'coord_decisions', 'coord_git_events', 'coord_metrics', 'coord_file_claims',
            'coord_file_reads', 'jobs', 'job_approvals', 'workspace_api_keys',
            'user_identities', 'licenses', 'download_events', 'website_llm_usage', 'notification_settings']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY user_isolation ON %I AS PERMISSIVE FOR ALL TO %I'
                       ' USING (user_id = (SELECT auth.uid())::text)'
                       ' WITH CHECK (user_id = (SELECT auth.uid())::text)', t, '${app_role}');
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO %I', t, '${app_role}');
    END LOOP;
    FOREACH t IN ARRAY ARRAY['allowed_users', 'pro_releases']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    END LOOP;
END
$do$;

-- The application role may read the migration history, so it can check the schema version it runs against.
GRANT SELECT ON ${flyway:defaultSchema}.${flyway:table} TO ${app_role};
