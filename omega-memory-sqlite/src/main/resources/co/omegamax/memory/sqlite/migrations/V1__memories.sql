CREATE TABLE engine_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE memories (
    rowid            INTEGER PRIMARY KEY,
    id               TEXT    NOT NULL UNIQUE,
    content          TEXT    NOT NULL,
    canonical_hash   TEXT    NOT NULL,
    content_hash     TEXT    NOT NULL,
    event_type       TEXT    NOT NULL,
    tags             TEXT    NOT NULL DEFAULT '',
    metadata         TEXT    NOT NULL DEFAULT '{}',
    session_id       TEXT,
    agent_type       TEXT,
    entity_id        TEXT,
    workspace        TEXT,
    project          TEXT,
    priority         INTEGER NOT NULL,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    last_accessed_at INTEGER,
    access_count     INTEGER NOT NULL DEFAULT 0,
    status           TEXT    NOT NULL DEFAULT 'ACTIVE',
    valid_from       INTEGER NOT NULL,
    valid_until      INTEGER,
    superseded_by    TEXT,
    expires_at       INTEGER,
    feedback_score   INTEGER NOT NULL DEFAULT 0,
    flagged          INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX idx_memories_canonical ON memories (canonical_hash);
CREATE INDEX idx_memories_type_status ON memories (event_type, status);
CREATE INDEX idx_memories_scope ON memories (workspace, project);
CREATE INDEX idx_memories_valid_from ON memories (valid_from);
CREATE INDEX idx_memories_created ON memories (created_at);
CREATE INDEX idx_memories_expires ON memories (expires_at) WHERE expires_at IS NOT NULL;

CREATE TABLE memory_tags (
    memory_rowid INTEGER NOT NULL REFERENCES memories (rowid) ON DELETE CASCADE,
    tag          TEXT    NOT NULL,
    PRIMARY KEY (memory_rowid, tag)
) WITHOUT ROWID;
CREATE INDEX idx_memory_tags_tag ON memory_tags (tag);

CREATE TABLE memory_vectors (
    memory_rowid INTEGER PRIMARY KEY REFERENCES memories (rowid) ON DELETE CASCADE,
    model        TEXT    NOT NULL,
    dim          INTEGER NOT NULL,
    vector       BLOB    NOT NULL
);

CREATE TABLE memory_edges (
    source_rowid INTEGER NOT NULL REFERENCES memories (rowid) ON DELETE CASCADE,
    target_rowid INTEGER NOT NULL REFERENCES memories (rowid) ON DELETE CASCADE,
    kind         TEXT    NOT NULL,
    weight       REAL    NOT NULL,
    created_at   INTEGER NOT NULL,
    PRIMARY KEY (source_rowid, target_rowid, kind)
) WITHOUT ROWID;
CREATE INDEX idx_memory_edges_target ON memory_edges (target_rowid);

-- Words: FTS5 over external content, kept in sync by triggers.
CREATE VIRTUAL TABLE memories_fts USING fts5 (
    content, tags,
    content = 'memories', content_rowid = 'rowid',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER memories_fts_ai AFTER INSERT ON memories BEGIN
    INSERT INTO memories_fts (rowid, content, tags) VALUES (new.rowid, new.content, new.tags);
END;
CREATE TRIGGER memories_fts_ad AFTER DELETE ON memories BEGIN
    INSERT INTO memories_fts (memories_fts, rowid, content, tags) VALUES ('delete', old.rowid, old.content, old.tags);
END;
CREATE TRIGGER memories_fts_au AFTER UPDATE OF content, tags ON memories BEGIN
    INSERT INTO memories_fts (memories_fts, rowid, content, tags) VALUES ('delete', old.rowid, old.content, old.tags);
    INSERT INTO memories_fts (rowid, content, tags) VALUES (new.rowid, new.content, new.tags);
END;

-- Change log read by every process's in-memory vector index to catch up with other writers.
CREATE TABLE memory_changes (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    memory_rowid INTEGER NOT NULL
);
CREATE TRIGGER memory_changes_ai AFTER INSERT ON memories BEGIN
    INSERT INTO memory_changes (memory_rowid) VALUES (new.rowid);
END;
CREATE TRIGGER memory_changes_au AFTER UPDATE OF status, flagged, event_type, workspace, project, agent_type, content
    ON memories BEGIN
    INSERT INTO memory_changes (memory_rowid) VALUES (new.rowid);
END;
CREATE TRIGGER memory_changes_ad AFTER DELETE ON memories BEGIN
    INSERT INTO memory_changes (memory_rowid) VALUES (old.rowid);
END;
CREATE TRIGGER memory_changes_vi AFTER INSERT ON memory_vectors BEGIN
    INSERT INTO memory_changes (memory_rowid) VALUES (new.memory_rowid);
END;
CREATE TRIGGER memory_changes_vu AFTER UPDATE ON memory_vectors BEGIN
    INSERT INTO memory_changes (memory_rowid) VALUES (new.memory_rowid);
END;
