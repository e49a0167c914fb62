-- Spec §5.2 "other data tables": tweets, engagement_suggestions, pending_events. Same rules as V1: user_id TEXT
-- (auth.users UUID as text on Supabase) + workspace_id, RLS enabled and forced, one user_isolation policy TO the
-- application role, btree indexes leading with user_id. Run by the owner role.

CREATE TABLE tweets (
    id           UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id      TEXT NOT NULL,
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    project_id   UUID REFERENCES workspace_projects (id) ON DELETE SET NULL,
    external_id  TEXT,                              -- the platform's id once posted
    content      TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'scheduled', 'posted', 'failed')),
    scheduled_at TIMESTAMPTZ,
    posted_at    TIMESTAMPTZ,
    metadata     JSONB NOT NULL DEFAULT '{}',
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (user_id, external_id)
);
CREATE INDEX idx_tweets_user_ws ON tweets (user_id, workspace_id, created_at DESC);
CREATE INDEX idx_tweets_workspace ON tweets (workspace_id);
CREATE INDEX idx_tweets_project ON tweets (project_id) WHERE project_id IS NOT NULL;

CREATE TABLE engagement_suggestions (
    id           UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id      TEXT NOT NULL,
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    tweet_id     UUID REFERENCES tweets (id) ON DELETE CASCADE,
    target_url   TEXT,
    suggestion   TEXT NOT NULL,
    score        DOUBLE PRECISION,
    status       TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'dismissed')),
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    decided_at   TIMESTAMPTZ
);
CREATE INDEX idx_engagement_suggestions_user_ws ON engagement_suggestions (user_id, workspace_id, status, created_at DESC);
CREATE INDEX idx_engagement_suggestions_workspace ON engagement_suggestions (workspace_id);
CREATE INDEX idx_engagement_suggestions_tweet ON engagement_suggestions (tweet_id) WHERE tweet_id IS NOT NULL;

CREATE TABLE pending_events (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id      TEXT NOT NULL,
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    event_type   TEXT NOT NULL,
    payload      JSONB NOT NULL DEFAULT '{}',
    attempts     INTEGER NOT NULL DEFAULT 0,
    available_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX idx_pending_events_user_ws ON pending_events (user_id, workspace_id, available_at);
CREATE INDEX idx_pending_events_workspace ON pending_events (workspace_id);

DO $do$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['tweets', 'engagement_suggestions', 'pending_events']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY user_isolation ON %I AS PERMISSIVE FOR ALL TO %I'
                       ' USING (user_id = (SELECT auth.uid())::text)'
                       ' WITH CHECK (user_id = (SELECT auth.uid())::text)', t, '${app_role}');
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO %I', t, '${app_role}');
    END LOOP;
    -- pending_events has an identity column: the app role needs its sequence to insert
    EXECUTE format('GRANT USAGE ON SEQUENCE pending_events_id_seq TO %I', '${app_role}');
END
$do$;
