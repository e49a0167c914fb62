package co.omegamax.platform.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.omegamax.platform.pgschema.SchemaVersion;
import co.omegamax.platform.pgschema.StepResult;
import co.omegamax.platform.spi.ConfigurationException;
import co.omegamax.platform.spi.CreateWorkspaceInput;
import co.omegamax.platform.spi.DataStore;
import co.omegamax.platform.spi.Page;
import org.junit.jupiter.api.Test;

/** Bring-your-own-database steps on a fresh, empty database: connect, check version, review, migrate, verify. */
class PostgresSchemaToolsTest {
    private final TestPostgres pg = TestPostgres.get();

    @Test
    void walksAnEmptyDatabaseToAReadyOne() {
        String db = pg.createEmptyDatabase("omega_byod");
        PostgresConfig app = pg.appConfig(db);

        StepResult connection = PostgresSchemaTools.testConnection(app);
        assertThat(connection.ok()).as(connection.toString()).isTrue();
        assertThat(connection.nextStep()).contains("schema version");

        SchemaVersion empty = PostgresSchemaTools.checkSchemaVersion(app);
        assertThat(empty.state()).isEqualTo(SchemaVersion.State.EMPTY);
        assertThat(empty.result().ok()).isFalse();
        assertThat(empty.result().nextStep()).contains("owner-user").contains("migrationSql");
        assertThatThrownBy(() -> PostgresDataStore.open(app)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("no OMEGA schema");

        String sql = PostgresSchemaTools.migrationSql(app);
        assertThat(sql).contains("CREATE TABLE memories").contains("FORCE ROW LEVEL SECURITY")
                .contains("'omega_app'").doesNotContain("${app_role}");

        StepResult noOwner = PostgresSchemaTools.migrate(app);
        assertThat(noOwner.ok()).isFalse();
        assertThat(noOwner.nextStep()).contains("omega.postgres.owner-user");

        StepResult migrated = PostgresSchemaTools.migrate(pg.ownerConfig(db));
        assertThat(migrated.ok()).as(migrated.toString()).isTrue();
        assertThat(migrated.detail()).contains("applied " + co.omegamax.platform.pgschema.PgSchema.scriptNames().size() + " migration");
        assertThat(PostgresSchemaTools.migrate(pg.ownerConfig(db)).detail()).contains("applied 0 migration");

        SchemaVersion current = PostgresSchemaTools.checkSchemaVersion(app);
        assertThat(current.state()).isEqualTo(SchemaVersion.State.UP_TO_DATE);
        assertThat(current.current()).isEqualTo(PostgresSchemaTools.REQUIRED_SCHEMA_VERSION);
        assertThat(PostgresSchemaTools.migrationSql(app)).doesNotContain("CREATE TABLE");

        StepResult rls = PostgresSchemaTools.verifyRls(app);
        assertThat(rls.ok()).as(rls.toString()).isTrue();

        try (DataStore store = PostgresDataStore.open(app)) {
            store.createWorkspace("u1", CreateWorkspaceInput.named("Acme"));
            assertThat(store.getWorkspaces("u1", Page.first(5))).hasSize(1);
            assertThat(store.getWorkspaces("u2", Page.first(5))).isEmpty();
        }
        pg.superExec(db, "insert into omega_schema_history (installed_rank, version, description, type, script,"
                + " installed_by, execution_time, success) values (99, '" + (PostgresSchemaTools.REQUIRED_SCHEMA_VERSION + 1) + "', 'future', 'SQL', 'V"
                + (PostgresSchemaTools.REQUIRED_SCHEMA_VERSION + 1) + "__future.sql', 'x', 1, true)");
        SchemaVersion ahead = PostgresSchemaTools.checkSchemaVersion(app);
        assertThat(ahead.state()).isEqualTo(SchemaVersion.State.AHEAD);
        assertThat(ahead.result().nextStep()).contains("upgrade co.omegamax:adapter-postgres");
    }

    @Test
    void opensMigratingWithOwnerCredentials() {
        String db = pg.createEmptyDatabase("omega_automigrate");
        try (DataStore store = PostgresDataStore.open(pg.ownerConfig(db))) {
            assertThat(store.getWorkspaces("u1", Page.first(5))).isEmpty();
        }
        assertThat(PostgresSchemaTools.checkSchemaVersion(pg.appConfig(db)).state()).isEqualTo(SchemaVersion.State.UP_TO_DATE);
    }

    @Test
    void reportsUnsafeRolesAndBadCredentialsWithANextStep() {
        PostgresConfig superuser = PostgresConfig.app(pg.url(TestPostgres.DATABASE), "postgres", "postgres");
        StepResult unsafe = PostgresSchemaTools.testConnection(superuser);
        assertThat(unsafe.ok()).isFalse();
        assertThat(unsafe.detail()).contains("BYPASSRLS");
        assertThat(unsafe.nextStep()).contains("NOBYPASSRLS");
        assertThatThrownBy(() -> PostgresDataStore.open(superuser)).isInstanceOf(ConfigurationException.class);
        assertThat(PostgresSchemaTools.verifyRls(superuser).ok()).as("RLS bypassed: verification must fail").isFalse();

        // the embedded server trusts loopback connections, so an unknown role stands in for bad credentials
        PostgresConfig wrong = PostgresConfig.app(pg.url(TestPostgres.DATABASE), "no_such_role", "wrong-password-xyz");
        StepResult denied = PostgresSchemaTools.testConnection(wrong);
        assertThat(denied.ok()).isFalse();
        assertThat(denied.nextStep()).contains("password");
        assertThat(denied.toString()).doesNotContain("wrong-password-xyz");

        StepResult unreachable = PostgresSchemaTools.testConnection(
                PostgresConfig.app("jdbc:postgresql://127.0.0.1:1/omega?connectTimeout=2", "x", "y"));
        assertThat(unreachable.ok()).isFalse();
        assertThat(unreachable.nextStep()).contains("reachable");

        StepResult missingDb = PostgresSchemaTools.testConnection(pg.appConfig("no_such_db"));
        assertThat(missingDb.ok()).isFalse();
        assertThat(missingDb.nextStep()).contains("CREATE DATABASE");
    }
}
