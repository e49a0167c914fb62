package co.omegamax.platform.pgschema;

import co.omegamax.platform.pgschema.SchemaVersion.State;
import co.omegamax.platform.spi.InvalidInputException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Bring-your-own-database steps on a {@link SchemaTarget} (spec §5.6, §7.5): {@link #testConnection},
 * {@link #checkSchemaVersion}, {@link #migrate} (or {@link #migrationSql} to review first). Each returns a
 * {@link StepResult} saying what was found and what to do next; none throws for a database problem. Verifying
 * Row Level Security needs the adapter's way of setting the user context, so it lives in the adapters.
 *
 * <pre>{@code
 * SchemaTools tools = new SchemaTools(SchemaTarget.of(url, "omega_app", appPassword, null)
 *         .withOwner("omega_owner", ownerPassword), SchemaTools.Guidance.GENERIC);
 * if (tools.checkSchemaVersion().state() != SchemaVersion.State.UP_TO_DATE) {
 *     System.out.println(tools.migrationSql());   // review, then
 *     System.out.println(tools.migrate());
 * }
 * }</pre>
 */
public final class SchemaTools {
    private final SchemaTarget target;
    private final Guidance guidance;

    /**
     * Words the caller's users know, used in the "next step" texts.
     *
     * @param ownerSettings how a user supplies owner credentials, e.g. {@code omega.postgres.owner-user and
     *                      omega.postgres.owner-password}
     * @param artifact      what to upgrade when the database is newer than this jar, e.g.
     *                      {@code co.omegamax:adapter-postgres}
     */
    public record Guidance(String ownerSettings, String artifact) {
        /** Neutral wording for setup tools. */
        public static final Guidance GENERIC = new Guidance("the owner role's user and password",
                "co.omegamax:omega-platform-pgschema");

        /** Checks the values. */
        public Guidance {
            if (ownerSettings == null || ownerSettings.isBlank() || artifact == null || artifact.isBlank()) {
                throw new InvalidInputException("guidance", "ownerSettings and artifact are required, e.g."
                        + " Guidance.GENERIC");
            }
        }
    }

    /**
     * @param target   the database and roles
     * @param guidance wording of the next steps
     */
    public SchemaTools(SchemaTarget target, Guidance guidance) {
        if (target == null) {
            throw new InvalidInputException("target", "is required: SchemaTarget.of(url, user, password, appRole)");
        }
        if (guidance == null) {
            throw new InvalidInputException("guidance", "is required, e.g. SchemaTools.Guidance.GENERIC");
        }
        this.target = target;
        this.guidance = guidance;
    }

    /** @return the schema version this jar needs ({@link PgSchema#requiredVersion()}) */
    public int requiredVersion() {
        return PgSchema.requiredVersion();
    }

    /**
     * Connects as {@code user} and checks that it is not a superuser, has no BYPASSRLS and owns no OMEGA table,
     * and that the server is PostgreSQL 13 or newer.
     */
    public StepResult testConnection() {
        String user = target.user();
        try (Connection c = target.userDataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select current_setting('server_version'), r.rolsuper, r.rolbypassrls,"
                     + " (select count(*) from pg_tables t where t.tableowner = current_user and t.tablename = 'memories')"
                     + " from pg_roles r where r.rolname = current_user")) {
            rs.next();
            String version = rs.getString(1);
            if (rs.getBoolean(2) || rs.getBoolean(3)) {
                return StepResult.failed(SchemaStep.CONNECTION, "connected to PostgreSQL " + version + " as '"
                        + user + "', but that role is a superuser or has BYPASSRLS, so Row Level Security"
                        + " would not protect tenants", "create a plain role (CREATE ROLE omega_app LOGIN PASSWORD '…'"
                        + " NOSUPERUSER NOBYPASSRLS) and connect as it");
            }
            if (rs.getLong(4) > 0) {
                return StepResult.failed(SchemaStep.CONNECTION, "role '" + user + "' owns the OMEGA tables",
                        "run the migrations as a separate owner role and connect the store as a role that owns nothing");
            }
            int major = Integer.parseInt(version.replaceAll("^(\\d+).*", "$1"));
            if (major < 13) {
                return StepResult.failed(SchemaStep.CONNECTION, "PostgreSQL " + version + " is too old",
                        "use PostgreSQL 13 or newer (gen_random_uuid, generated columns)");
            }
            return StepResult.ok(SchemaStep.CONNECTION, "connected to PostgreSQL " + version + " at " + target.safeUrl()
                    + " as '" + user + "' (no superuser, no BYPASSRLS)", "check the schema version");
        } catch (SQLException e) {
            return StepResult.failed(SchemaStep.CONNECTION, "cannot connect to " + target.safeUrl() + " as '"
                    + user + "': " + e.getMessage() + " (SQLState " + e.getSQLState() + ")", hint(e.getSQLState()));
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

    /** Reads the schema version recorded by the migrations (connecting as {@code user}). */
    public SchemaVersion checkSchemaVersion() {
        int required = requiredVersion();
        int current;
        try (Connection c = target.userDataSource().getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select to_regclass('" + PgSchema.HISTORY_TABLE + "') is not null")) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return new SchemaVersion(0, required, State.EMPTY, StepResult.failed(SchemaStep.SCHEMA_VERSION,
                            "no OMEGA schema in this database (no " + PgSchema.HISTORY_TABLE + " table visible to '"
                                    + target.user() + "')", migrateHint()));
                }
            }
            try (ResultSet rs = st.executeQuery("select coalesce(max(version::int), 0) from " + PgSchema.HISTORY_TABLE
                    + " where success and version is not null")) {
                rs.next();
                current = rs.getInt(1);
            }
        } catch (SQLException e) {
            return new SchemaVersion(0, required, State.UNKNOWN, StepResult.failed(SchemaStep.SCHEMA_VERSION,
                    "cannot read the schema version: " + e.getMessage(), "run testConnection first; the application"
                            + " role needs SELECT on " + PgSchema.HISTORY_TABLE + " (granted by the migrations)"));
        }
        if (current < required) {
            return new SchemaVersion(current, required, State.BEHIND, StepResult.failed(SchemaStep.SCHEMA_VERSION,
                    "schema version " + current + ", this jar needs " + required, migrateHint()));
        }
        if (current > required) {
            return new SchemaVersion(current, required, State.AHEAD, StepResult.failed(SchemaStep.SCHEMA_VERSION,
                    "schema version " + current + " was migrated by a newer release; this one needs " + required,
                    "upgrade " + guidance.artifact() + " to the version that migrated this database"));
        }
        return new SchemaVersion(current, required, State.UP_TO_DATE, StepResult.ok(SchemaStep.SCHEMA_VERSION,
                "schema version " + current + " is what this jar needs", "verify Row Level Security"));
    }

    private String migrateHint() {
        return target.hasOwner() ? "run migrate (as owner '" + target.ownerUser() + "'), or review migrationSql first"
                : "set " + guidance.ownerSettings() + " and run migrate, or hand migrationSql to your DBA";
    }

    /** Applies the pending migrations as the owner role. */
    public StepResult migrate() {
        if (!target.hasOwner()) {
            return StepResult.failed(SchemaStep.MIGRATION, "no owner role configured", "set "
                    + guidance.ownerSettings() + " (the role that owns the schema), or apply migrationSql by hand");
        }
        try {
            MigrateResult r = PgSchema.migrate(target.ownerDataSource(), target.appRole());
            return StepResult.ok(SchemaStep.MIGRATION, "applied " + r.migrationsExecuted + " migration(s) as '"
                    + target.ownerUser() + "'; schema version " + (r.targetSchemaVersion == null
                    ? r.initialSchemaVersion : r.targetSchemaVersion), "verify Row Level Security");
        } catch (FlywayException e) {
            return StepResult.failed(SchemaStep.MIGRATION, "migration failed: " + e.getMessage(),
                    "check that '" + target.ownerUser() + "' may create tables in the schema and that role '"
                            + target.appRole() + "' exists (CREATE ROLE " + target.appRole() + " LOGIN NOBYPASSRLS)");
        }
    }

    /** @return the SQL of the migrations above the database's current version (all of them if unknown), to review */
    public String migrationSql() {
        SchemaVersion v = checkSchemaVersion();
        int from = v.state() == State.BEHIND || v.state() == State.UP_TO_DATE ? v.current() : 0;
        return PgSchema.sqlAfter(from, target.appRole());
    }
}
