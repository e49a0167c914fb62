-- Workspace API keys (spec 7.4): only the SHA-256 hash of a key is stored, never the key.
CREATE TABLE workspace_keys (
    id           TEXT PRIMARY KEY,
    user_id      TEXT NOT NULL,
    workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    key_hash     TEXT NOT NULL UNIQUE,
    prefix       TEXT NOT NULL,
    last_four    TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    revoked_at   INTEGER
);
CREATE INDEX idx_workspace_keys_user_workspace ON workspace_keys (user_id, workspace_id);
