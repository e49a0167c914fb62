-- OMEGA platform schema on SQLite (spec §5.2). Every data table carries user_id and workspace_id; client ids
-- are unique per user (PRIMARY KEY (user_id, id)). Timestamps are epoch milliseconds; JSON columns are TEXT.

CREATE TABLE user_accounts (
    user_id     TEXT PRIMARY KEY,
    plan        TEXT NOT NULL DEFAULT 'free' CHECK (plan IN ('free', 'pro', 'enterprise')),
    license_key TEXT,
    settings    TEXT NOT NULL DEFAULT '{}',
    created_at  INTEGER NOT NULL
);

CREATE TABLE workspaces (
    id             TEXT PRIMARY KEY,
    user_id        TEXT NOT NULL,
    name           TEXT NOT NULL,
    workspace_type TEXT CHECK (workspace_type IN ('business', 'client', 'personal')),
    slug           TEXT NOT NULL,
    settings       TEXT NOT NULL DEFAULT '{}',
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    UNIQUE (user_id, slug)
);
CREATE INDEX idx_workspaces_user ON workspaces (user_id);

CREATE TABLE workspace_projects (
    id           TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    user_id      TEXT NOT NULL,
    name         TEXT NOT NULL,
    description  TEXT,
    status       TEXT NOT NULL DEFAULT 'active',
    settings     TEXT NOT NULL DEFAULT '{}',
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL
);
CREATE INDEX idx_projects_user ON workspace_projects (user_id, workspace_id);

CREATE TABLE memories (
    user_id      TEXT NOT NULL,
    id           TEXT NOT NULL,
    workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    project_id   TEXT REFERENCES workspace_projects (id) ON DELETE SET NULL,
    event_type   TEXT NOT NULL,
    memory_type  TEXT,
    content      TEXT NOT NULL,
    tags         TEXT NOT NULL DEFAULT '[]',
    metadata     TEXT NOT NULL DEFAULT '{}',
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    PRIMARY KEY (user_id, id)
);
CREATE INDEX idx_memories_ws ON memories (user_id, workspace_id, created_at DESC);
CREATE INDEX idx_memories_project ON memories (project_id);

CREATE TABLE memory_links (
    user_id      TEXT NOT NULL,
    workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    from_id      TEXT NOT NULL,
    to_id        TEXT NOT NULL,
    relation     TEXT NOT NULL,
    weight       REAL NOT NULL,
    PRIMARY KEY (user_id, from_id, to_id, relation),
    FOREIGN KEY (user_id, from_id) REFERENCES memories (user_id, id) ON DELETE CASCADE,
    FOREIGN KEY (user_id, to_id) REFERENCES memories (user_id, id) ON DELETE CASCADE
);
CREATE INDEX idx_memory_links_to ON memory_links (user_id, to_id);

CREATE TABLE entities (
    user_id      TEXT NOT NULL,
    id           TEXT NOT NULL,
    workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    entity_type  TEXT NOT NULL,
    status       TEXT,
    attributes   TEXT NOT NULL DEFAULT '{}',
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    PRIMARY KEY (user_id, id)
);
CREATE INDEX idx_entities_ws ON entities (user_id, workspace_id);

CREATE TABLE entity_links (
    user_id      TEXT NOT NULL,
    workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    from_id      TEXT NOT NULL,
    to_id        TEXT NOT NULL,
    relation     TEXT NOT NULL,
    weight       REAL NOT NULL,
    PRIMARY KEY (user_id, from_id, to_id, relation),
    FOREIGN KEY (user_id, from_id) REFERENCES entities (user_id, id) ON DELETE CASCADE,
    FOREIGN KEY (user_id, to_id) REFERENCES entities (user_id, id) ON DELETE CASCADE
);

CREATE TABLE coord_sessions (
    user_id      TEXT NOT NULL,
    id           TEXT NOT NULL,
    workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    project_id   TEXT REFERENCES workspace_projects (id) ON DELETE SET NULL,
    agent_name   TEXT NOT NULL,
    status       TEXT NOT NULL,
    started_at   INTEGER NOT NULL,
    ended_at     INTEGER,
    metadata     TEXT NOT NULL DEFAULT '{}',
    PRIMARY KEY (user_id, id)
);
CREATE INDEX idx_coord_sessions_ws ON coord_sessions (user_id, workspace_id, started_at DESC);

CREATE TABLE coord_tasks (
    user_id      TEXT NOT NULL,
    id           TEXT NOT NULL,
    workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    project_id   TEXT REFERENCES workspace_projects (id) ON DELETE SET NULL,
    session_id   TEXT,
    title        TEXT NOT NULL,
    description  TEXT,
    status       TEXT NOT NULL,
    priority     INTEGER NOT NULL DEFAULT 5,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    PRIMARY KEY (user_id, id)
);
CREATE INDEX idx_coord_tasks_ws ON coord_tasks (user_id, workspace_id, created_at DESC);

CREATE TABLE coord_messages (
    user_id      TEXT NOT NULL,
    id           TEXT NOT NULL,
    workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    session_id   TEXT NOT NULL,
    sender       TEXT NOT NULL,
    recipient    TEXT,
    content      TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    PRIMARY KEY (user_id, id),
    FOREIGN KEY (user_id, session_id) REFERENCES coord_sessions (user_id, id) ON DELETE CASCADE
);
CREATE INDEX idx_coord_messages_session ON coord_messages (user_id, session_id, created_at);

CREATE TABLE coord_handoffs (
    user_id         TEXT NOT NULL,
    id              TEXT NOT NULL,
    workspace_id    TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    project_id      TEXT REFERENCES workspace_projects (id) ON DELETE SET NULL,
    from_session_id TEXT NOT NULL,
    to_session_id   TEXT,
    summary         TEXT NOT NULL,
    status          TEXT NOT NULL,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    PRIMARY KEY (user_id, id)
);
CREATE INDEX idx_coord_handoffs_ws ON coord_handoffs (user_id, workspace_id, created_at DESC);

CREATE TABLE jobs (
    user_id      TEXT NOT NULL,
    id           TEXT NOT NULL,
    workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    project_id   TEXT REFERENCES workspace_projects (id) ON DELETE SET NULL,
    name         TEXT NOT NULL,
    status       TEXT NOT NULL,
    payload      TEXT NOT NULL DEFAULT '{}',
    error        TEXT,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    PRIMARY KEY (user_id, id)
);
CREATE INDEX idx_jobs_ws ON jobs (user_id, workspace_id, created_at DESC);

-- Coordination events (intents, decisions, git events, metrics, file claims, file reads): one table per kind,
-- one shape; kind-specific details live in the JSON attributes column.
CREATE TABLE coord_intents (
    user_id      TEXT NOT NULL,
    id           TEXT NOT NULL,
    workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    project_id   TEXT REFERENCES workspace_projects (id) ON DELETE SET NULL,
    session_id   TEXT,
    summary      TEXT NOT NULL,
    attributes   TEXT NOT NULL DEFAULT '{}',
    occurred_at  INTEGER NOT NULL,
    PRIMARY KEY (user_id, id)
);
CREATE INDEX idx_coord_intents_ws ON coord_intents (user_id, workspace_id, occurred_at DESC);
CREATE TABLE coord_decisions (
    user_id      TEXT NOT NULL,
    id           TEXT NOT NULL,
    workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    project_id   TEXT REFERENCES workspace_projects (id) ON DELETE SET NULL,
    session_id   TEXT,
    summary      TEXT NOT NULL,
    attributes   TEXT NOT NULL DEFAULT '{}',
    occurred_at  INTEGER NOT NULL,
    PRIMARY KEY (user_id, id)
);
CREATE INDEX idx_coord_decisions_ws ON coord_decisions (user_id, workspace_id, occurred_at DESC);
CREATE TABLE coord_git_events (
    user_id      TEXT NOT NULL,
    id           TEXT NOT NULL,
    workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    project_id   TEXT REFERENCES workspace_projects (id) ON DELETE SET NULL,
    session_id   TEXT,
    summary      TEXT NOT NULL,
    attributes   TEXT NOT NULL DEFAULT '{}',
    occurred_at  INTEGER NOT NULL,
    PRIMARY KEY (user_id, id)
);
CREATE INDEX idx_coord_git_events_ws ON coord_git_events (user_id, workspace_id, occurred_at DESC);
CREATE TABLE coord_metrics (
    user_id      TEXT NOT NULL,
    id           TEXT NOT NULL,
    workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    project_id   TEXT REFERENCES workspace_projects (id) ON DELETE SET NULL,
    session_id   TEXT,
    summary      TEXT NOT NULL,
    attributes   TEXT NOT NULL DEFAULT '{}',
    occurred_at  INTEGER NOT NULL,
    PRIMARY KEY (user_id, id)
);
CREATE INDEX idx_coord_metrics_ws ON coord_metrics (user_id, workspace_id, occurred_at DESC);
CREATE TABLE coord_file_claims (
    user_id      TEXT NOT NULL,
    id           TEXT NOT NULL,
    workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    project_id   TEXT REFERENCES workspace_projects (id) ON DELETE SET NULL,
    session_id   TEXT,
    summary      TEXT NOT NULL,
    attributes   TEXT NOT NULL DEFAULT '{}',
    occurred_at  INTEGER NOT NULL,
    PRIMARY KEY (user_id, id)
);
CREATE INDEX idx_coord_file_claims_ws ON coord_file_claims (user_id, workspace_id, occurred_at DESC);
CREATE TABLE coord_file_reads (
    user_id      TEXT NOT NULL,
    id           TEXT NOT NULL,
    workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    project_id   TEXT REFERENCES workspace_projects (id) ON DELETE SET NULL,
    session_id   TEXT,
    summary      TEXT NOT NULL,
    attributes   TEXT NOT NULL DEFAULT '{}',
    occurred_at  INTEGER NOT NULL,
    PRIMARY KEY (user_id, id)
);
CREATE INDEX idx_coord_file_reads_ws ON coord_file_reads (user_id, workspace_id, occurred_at DESC);
