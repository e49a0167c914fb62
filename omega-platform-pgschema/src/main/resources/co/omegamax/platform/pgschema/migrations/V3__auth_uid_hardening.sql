-- auth.uid() as created by V1 on raw PostgreSQL: STABLE already (so "(SELECT auth.uid())" in the policies is an
-- initPlan, evaluated once per query, not per row). Here it is also marked PARALLEL SAFE (it only reads settings,
-- which parallel workers inherit; a PARALLEL UNSAFE function in a policy forbids parallel plans for every query on
-- the table) and pinned to search_path pg_catalog (no object it calls can be shadowed by a schema the caller
-- controls). Only our own function is touched: on Supabase auth.uid() belongs to the platform and is left alone.
DO $do$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
               WHERE n.nspname = 'auth' AND p.proname = 'uid' AND p.pronargs = 0
                 AND pg_get_userbyid(p.proowner) = current_user) THEN
        ALTER FUNCTION auth.uid() STABLE PARALLEL SAFE SET search_path = pg_catalog;
    END IF;
END
$do$;
