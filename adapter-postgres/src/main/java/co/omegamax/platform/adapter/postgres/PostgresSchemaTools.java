package co.omegamax.platform.adapter.postgres;

import co.omegamax.platform.adapter.postgres.internal.TenantScope;
import co.omegamax.platform.pgschema.PgSchema;
import co.omegamax.platform.pgschema.SchemaStep;
import co.omegamax.platform.pgschema.SchemaTarget;
import co.omegamax.platform.pgschema.SchemaTools;
import co.omegamax.platform.pgschema.SchemaVersion;
import co.omegamax.platform.pgschema.StepResult;
import co.omegamax.platform.spi.Validate;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * Bring-your-own-database tools (spec §5.6, §7.5): {@link #testConnection}, {@link #checkSchemaVersion},
 * {@link #migrate} (or {@link #migrationSql} to review first) and {@link #verifyRls}. Each returns a
 * {@link StepResult} saying what was found and what to do next; none throws for a database problem. All but
 * {@link #verifyRls} are the database-generic {@link SchemaTools} of {@code omega-platform-pgschema}, worded for
 * this adapter's configuration keys.
 */
public final class PostgresSchemaTools {
    /** The schema version this jar needs ({@link PgSchema#requiredVersion()}: the highest migration script). */
    public static final int REQUIRED_SCHEMA_VERSION = PgSchema.requiredVersion();

    private static final SchemaTools.Guidance GUIDANCE = new SchemaTools.Guidance(
            "the owner role (omega.postgres.owner-user and omega.postgres.owner-password)",
            "co.omegamax:adapter-postgres");

    private PostgresSchemaTools() {
    }

    /** @return the generic tools on {@code config}'s database and roles */
    public static SchemaTools schemaTools(PostgresConfig config) {
        Validate.notNull("config", config);
        return new SchemaTools(target(config), GUIDANCE);
    }

    private static SchemaTarget target(PostgresConfig config) {
        return new SchemaTarget(config.url(), config.user(), config.password(), config.ownerUser(),
                config.ownerPassword(), config.appRole());
    }

    /** Connects as the application role and checks it is not a superuser, has no BYPASSRLS and owns no OMEGA table. */
    public static StepResult testConnection(PostgresConfig config) {
        return schemaTools(config).testConnection();
    }

    /** Reads the schema version recorded by the migrations (as the application role). */
    public static SchemaVersion checkSchemaVersion(PostgresConfig config) {
        return schemaTools(config).checkSchemaVersion();
    }

    /** Applies the pending migrations as the owner role. */
    public static StepResult migrate(PostgresConfig config) {
        return schemaTools(config).migrate();
    }

    /** @return the SQL of the migrations above the database's current version (all of them if unknown), to review */
    public static String migrationSql(PostgresConfig config) {
        return schemaTools(config).migrationSql();
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
        DataSource ds = target(config).userDataSource();
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
