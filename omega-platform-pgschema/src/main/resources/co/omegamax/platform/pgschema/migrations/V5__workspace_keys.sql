-- Workspace API keys (spec §7.4) in the shape the shared JDBI key store uses on every SQL backend: text ids
-- ("wk_<uuid>"), the public prefix and the last four characters for display, the SHA-256 hash only, revocation time.
ALTER TABLE workspace_api_keys RENAME TO workspace_keys;
ALTER TABLE workspace_keys RENAME COLUMN key_prefix TO prefix;
ALTER TABLE workspace_keys ALTER COLUMN id DROP DEFAULT;
ALTER TABLE workspace_keys ALTER COLUMN id TYPE TEXT COLLATE "C" USING id::text;
ALTER TABLE workspace_keys ADD COLUMN last_four TEXT NOT NULL DEFAULT '';
ALTER TABLE workspace_keys ALTER COLUMN last_four DROP DEFAULT;

-- Verifying a presented key is the one lookup made before the caller is known. The verifier sets the key's hash
-- as a transaction-local setting and may then see exactly the row with that hash: knowing the key is the
-- authorisation. Every other access stays under the user_isolation policy.
CREATE POLICY key_lookup ON workspace_keys AS PERMISSIVE FOR SELECT TO ${app_role}
    USING (key_hash = current_setting('omega.key_hash', true));
