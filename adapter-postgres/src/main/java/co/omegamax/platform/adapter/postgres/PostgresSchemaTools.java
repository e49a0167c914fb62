package co.omegamax.platform.adapter.postgres;

import co.omegamax.platform.adapter.postgres.SchemaVersion.State;
import co.omegamax.platform.adapter.postgres.internal.Migrations;
import co.omegamax.platform.adapter.postgres.internal.Pools;
import co.omegamax.platform.adapter.postgres.internal.TenantScope;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;

/**
 * Bring-your-own-database tools (spec §5.6, §7.5): {@link #testConnection}, {@link #checkSchemaVersion},
 * {@link #migrate} (or {@link #migrationSql} to review first) and {@link #verifyRls}. Each returns a
 * {@link StepResult} saying what was found and what to do next; none throws for a database problem.
 */
public final class PostgresSchemaTools {
    /** The schema version this jar needs. */
    public static final int REQUIRED_SCHEMA_VERSION = Migrations.REQUIRED_VERSION;

    private PostgresSchemaTools() {
    }

    /** Connects as the application role and checks it is not a superuser, has no BYPASSRLS and owns no OMEGA table. */
    public static StepResult testConnection(PostgresConfig config) {
        DataSource app = Pools.simple(config.url(), config.user(), config.password());
        try (Connection c = app.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select current_setting('server_version'), r.rolsuper, r.rolbypassrls,"
                     + " (select count(*) from pg_tables t where t.tableowner = current_user and t.tablename = 'memories')"
                     + " from pg_roles r where r.rolname = current_user")) {
            rs.next();
            String version = rs.getString(1);
            if (rs.getBoolean(2) || rs.getBoolean(3)) {
                return StepResult.failed(SchemaStep.CONNECTION, "connected to PostgreSQL " + version + " as '"
                        + config.user() + "', but that role is a superuser or has BYPASSRLS, so Row Level Security"
                        + " would not protect tenants", "create a plain role (CREATE ROLE omega_app LOGIN PASSWORD '…'"
                        + " NOSUPERUSER NOBYPASSRLS) and connect as it");
            }
            if (rs.getLong(4) > 0) {
                return StepResult.failed(SchemaStep.CONNECTION, "role '" + config.user() + "' owns the OMEGA tables",
                        "run the migrations as a separate owner role and connect the store as a role that owns nothing");
            }
            int major = Integer.parseInt(version.replaceAll("^(\\d+).*", "$1"));
            if (major < 13) {
                return StepResult.failed(SchemaStep.CONNECTION, "PostgreSQL " + version + " is too old",
                        "use PostgreSQL 13 or newer (gen_random_uuid, generated columns)");
            }
            return StepResult.ok(SchemaStep.CONNECTION, "connected to PostgreSQL " + version + " at " + config.safeUrl()
                    + " as '" + config.user() + "' (no superuser, no BYPASSRLS)", "check the schema version");
        } catch (SQLException e) {
            return StepResult.failed(SchemaStep.CONNECTION, "cannot connect to " + config.safeUrl() + " as '"
                    + config.user() + "': " + e.getMessage() + " (SQLState " + e.getSQLState() + ")",
                    hint(e.getSQLState()));
        }
    }

    private static String hint(String sqlState) {
        if (sqlState == null) {
            return "check the URL, network and TLS settings";
        }
        if (sqlState.startsWith("08")) {
            return "check host, port and firewall: is the server running and reachable from here?";
        }
        if (sqlState.equals("28P01") || sqlState.equals("28000")) {
            return "check the user name and password, and pg_hba.conf for this client";
        }
        if (sqlState.equals("3D000")) {
            return "create the database (CREATE DATABASE …) or fix its name in the URL";
        }
        return "see the PostgreSQL error above";
    }

    /** Reads the schema version recorded by the migrations (as the application role). */
    public static SchemaVersion checkSchemaVersion(PostgresConfig config) {
        int required = REQUIRED_SCHEMA_VERSION;
        int current;
        try (Connection c = Pools.simple(config.url(), config.user(), config.password()).getConnection();
             Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select to_regclass('" + Migrations.HISTORY_TABLE + "') is not null")) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return new SchemaVersion(0, required, State.EMPTY, StepResult.failed(SchemaStep.SCHEMA_VERSION,
                            "no OMEGA schema in this database (no " + Migrations.HISTORY_TABLE + " table visible to '"
                                    + config.user() + "')", migrateHint(config)));
                }
            }
            try (ResultSet rs = st.executeQuery("select coalesce(max(version::int), 0) from " + Migrations.HISTORY_TABLE
                    + " where success and version is not null")) {
                rs.next();
                current = rs.getInt(1);
            }
        } catch (SQLException e) {
            return new SchemaVersion(0, required, State.UNKNOWN, StepResult.failed(SchemaStep.SCHEMA_VERSION,
                    "cannot read the schema version: " + e.getMessage(), "run testConnection first; the application"
                            + " role needs SELECT on " + Migrations.HISTORY_TABLE + " (granted by the migrations)"));
        }
        if (current < required) {
            return new SchemaVersion(current, required, State.BEHIND, StepResult.failed(SchemaStep.SCHEMA_VERSION,
                    "schema version " + current + ", this adapter needs " + required, migrateHint(config)));
        }
        if (current > required) {
            return new SchemaVersion(current, required, State.AHEAD, StepResult.failed(SchemaStep.SCHEMA_VERSION,
                    "schema version " + current + " was migrated by a newer adapter-postgres; this one needs " + required,
                    "upgrade co.omegamax:adapter-postgres to the version that migrated this database"));
        }
        return new SchemaVersion(current, required, State.UP_TO_DATE, StepResult.ok(SchemaStep.SCHEMA_VERSION,
                "schema version " + current + " is what this adapter needs", "verify Row Level Security (verifyRls)"));
    }

    private static String migrateHint(PostgresConfig config) {
        return config.hasOwner() ? "run PostgresSchemaTools.migrate (as owner '" + config.ownerUser() + "'), or review"
                + " PostgresSchemaTools.migrationSql first"
                : "set the owner role (omega.postgres.owner-user / owner-password) and run PostgresSchemaTools.migrate,"
                + " or hand PostgresSchemaTools.migrationSql to your DBA";
    }

    /** Applies the pending migrations as the owner role. */
    public static StepResult migrate(PostgresConfig config) {
        if (!config.hasOwner()) {
            return StepResult.failed(SchemaStep.MIGRATION, "no owner role configured", "set omega.postgres.owner-user"
                    + " and omega.postgres.owner-password (the role that owns the schema), or apply migrationSql by hand");
        }
        try {
            MigrateResult r = Migrations.migrate(Pools.simple(config.url(), config.ownerUser(), config.ownerPassword()),
                    config.appRole());
            return StepResult.ok(SchemaStep.MIGRATION, "applied " + r.migrationsExecuted + " migration(s) as '"
                    + config.ownerUser() + "'; schema version " + (r.targetSchemaVersion == null
                    ? r.initialSchemaVersion : r.targetSchemaVersion), "verify Row Level Security (verifyRls)");
        } catch (FlywayException e) {
            return StepResult.failed(SchemaStep.MIGRATION, "migration failed: " + e.getMessage(),
                    "check that '" + config.ownerUser() + "' may create tables in the schema and that role '"
                            + config.appRole() + "' exists (CREATE ROLE " + config.appRole() + " LOGIN NOBYPASSRLS)");
        }
    }

    /** @return the SQL of the migrations above the database's current version (all of them if unknown), to review */
    public static String migrationSql(PostgresConfig config) {
        SchemaVersion v = checkSchemaVersion(config);
        int from = v.state() == State.BEHIND || v.state() == State.UP_TO_DATE ? v.current() : 0;
        return Migrations.sqlAfter(from, config.appRole());
    }

    /**
     * As the application role: inserts a probe workspace under a random probe user's RLS context, reads it back,
     * checks that another user's context and no context cannot see it and that a row for another user is refused,
     * then deletes it.
     */
    public static StepResult verifyRls(PostgresConfig config) {
        String probe = "omega-verify-" + UUID.randomUUID();
        String other = "omega-verify-" + UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        DataSource ds = Pools.simple(config.url(), config.user(), config.password());
        Jdbi jdbi = Jdbi.create(ds);
        TenantScope scope = new TenantScope(jdbi, config.safeUrl());
        try {
            scope.inTenantTransaction(probe, h -> h.createUpdate("insert into workspaces (id, user_id, name, slug,"
                    + " created_at, updated_at) values (:id, :u, 'OMEGA verification', :slug, now(), now())")
                    .bindMap(Map.of("id", id, "u", probe, "slug", "omega-verify-" + id)).execute());
            int own = scope.inTenantTransaction(probe, h -> h.createQuery("select count(*) from workspaces where id = :id")
                    .bind("id", id).mapTo(Integer.class).one());
            int foreign = scope.inTenantTransaction(other, h -> h.createQuery("select count(*) from workspaces where id = :id")
                    .bind("id", id).mapTo(Integer.class).one());
            int none = jdbi.inTransaction(h -> h.createQuery("select count(*) from workspaces where id = :id")
                    .bind("id", id).mapTo(Integer.class).one());
            boolean refused;
            try {
                scope.inTenantTransaction(probe, h -> h.createUpdate("insert into workspaces (user_id, name, slug)"
                        + " values (:u, 'x', :slug)").bind("u", other).bind("slug", "omega-verify-x-" + id).execute());
                refused = false;
                scope.inTenantTransaction(other, h -> h.createUpdate("delete from workspaces where user_id = :u")
                        .bind("u", other).execute());
            } catch (RuntimeException expected) {
                refused = true;
            }
            int deleted = scope.inTenantTransaction(probe, h -> h.createUpdate("delete from workspaces where id = :id")
                    .bind("id", id).execute());
            if (own != 1 || deleted != 1) {
                return StepResult.failed(SchemaStep.RLS_VERIFICATION, "the probe row was " + (own != 1 ? "not readable"
                        : "not deletable") + " by its own user", "check the user_isolation policies TO " + config.appRole()
                        + " and the grants (re-run migrate)");
            }
            if (foreign != 0 || none != 0 || !refused) {
                return StepResult.failed(SchemaStep.RLS_VERIFICATION, "Row Level Security does not isolate users"
                        + " (visible to another user: " + (foreign != 0) + ", without context: " + (none != 0)
                        + ", foreign insert accepted: " + !refused + ")", "connect as a role without BYPASSRLS, check"
                        + " FORCE ROW LEVEL SECURITY on every table and the policies TO " + config.appRole());
            }
            return StepResult.ok(SchemaStep.RLS_VERIFICATION, "inserted, read back and deleted a probe row as '"
                    + config.user() + "'; another user and no user saw nothing; a row for another user was refused",
                    "ready: select the store with omega.datastore=postgres");
        } catch (RuntimeException e) {
            return StepResult.failed(SchemaStep.RLS_VERIFICATION, "the probe failed: " + e.getMessage(),
                    "run testConnection and checkSchemaVersion first; then migrate");
        }
    }
}
