package co.omegamax.platform.pgschema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.omegamax.platform.spi.ConfigurationException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generic schema tools on embedded PostgreSQL, in the Supabase shape: one owner login migrates for the NOLOGIN
 * role {@code authenticated} that the policies name.
 */
class SchemaToolsTest {
    private static EmbeddedPostgres pg;
    private static String url;

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("fsync", "off").start();
        url = "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/";
        superExec("postgres", "CREATE ROLE authenticated NOLOGIN NOBYPASSRLS",
                "CREATE ROLE site_owner LOGIN PASSWORD 'owner-pw' NOSUPERUSER NOBYPASSRLS",
                "CREATE ROLE site_reader LOGIN PASSWORD 'reader-pw' NOSUPERUSER NOBYPASSRLS",
                "GRANT authenticated TO site_reader",
                "CREATE DATABASE omega OWNER site_owner");
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    private static void superExec(String db, String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url + db, "postgres", "postgres");
             Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    @Test
    void migratesAsTheOwnerForAnotherPolicyRoleAndReportsEachStep() throws SQLException {
        SchemaTarget owner = SchemaTarget.of(url + "omega", "site_owner", "owner-pw", "authenticated")
                .withOwner("site_owner", "owner-pw");
        SchemaTools tools = new SchemaTools(owner, SchemaTools.Guidance.GENERIC);

        SchemaVersion empty = tools.checkSchemaVersion();
        assertThat(empty.state()).isEqualTo(SchemaVersion.State.EMPTY);
        assertThat(empty.result().nextStep()).contains("migrate").contains("site_owner");
        assertThat(tools.migrationSql()).contains("CREATE TABLE memories").contains("'authenticated'");

        StepResult migrated = tools.migrate();
        assertThat(migrated.ok()).as(migrated.toString()).isTrue();
        assertThat(migrated.detail()).contains("applied " + PgSchema.scriptNames().size() + " migration");
        assertThat(tools.migrate().detail()).contains("applied 0 migration");
        assertThat(tools.checkSchemaVersion().state()).isEqualTo(SchemaVersion.State.UP_TO_DATE);
        assertThat(tools.migrationSql()).isBlank();

        // the owner owns the tables: it must not be the role a store connects as
        StepResult ownerAsApp = tools.testConnection();
        assertThat(ownerAsApp.ok()).isFalse();
        assertThat(ownerAsApp.detail()).contains("owns the OMEGA tables");

        // a login that is merely granted the policy role passes, and the policies name that role
        SchemaTools reader = new SchemaTools(SchemaTarget.of(url + "omega", "site_reader", "reader-pw", "authenticated"),
                SchemaTools.Guidance.GENERIC);
        assertThat(reader.testConnection().ok()).as(reader.testConnection().toString()).isTrue();
        assertThat(reader.checkSchemaVersion().state()).isEqualTo(SchemaVersion.State.UP_TO_DATE);
        StepResult noOwner = reader.migrate();
        assertThat(noOwner.ok()).isFalse();
        assertThat(noOwner.nextStep()).contains("owner role's user and password");
        try (Connection c = DriverManager.getConnection(url + "omega", "postgres", "postgres");
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*), bool_and(roles = '{authenticated}') from pg_policies"
                     + " where tablename = 'memories'")) {
            rs.next();
            assertThat(rs.getInt(1)).isPositive();
            assertThat(rs.getBoolean(2)).isTrue();
        }

        SchemaTools superuser = new SchemaTools(SchemaTarget.of(url + "omega", "postgres", "postgres", null),
                new SchemaTools.Guidance("omega.x.owner", "co.omegamax:some-adapter"));
        assertThat(superuser.testConnection().detail()).contains("superuser or has BYPASSRLS");
        superExec("omega", "insert into omega_schema_history (installed_rank, version, description, type, script,"
                + " installed_by, execution_time, success) values (99, '" + (PgSchema.requiredVersion() + 1)
                + "', 'future', 'SQL', 'V99__future.sql', 'x', 1, true)");
        SchemaVersion ahead = superuser.checkSchemaVersion();
        assertThat(ahead.state()).isEqualTo(SchemaVersion.State.AHEAD);
        assertThat(ahead.result().nextStep()).contains("upgrade co.omegamax:some-adapter");
    }

    @Test
    void rejectsBadTargetsWithoutEchoingSecrets() {
        assertThatThrownBy(() -> SchemaTarget.of("jdbc:mysql://h/db?password=s3cret", "u", "p", null))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("jdbc:postgresql:")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> SchemaTarget.of(url + "omega", " ", "p", null))
                .isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> SchemaTarget.of(url + "omega", "u", "p", "bad role"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("plain identifier");
        SchemaTarget t = SchemaTarget.of(url + "omega?password=hidden", "u", "top-secret", null).withOwner("o", "pw2");
        assertThat(t.appRole()).isEqualTo("u");
        assertThat(t.toString()).doesNotContain("top-secret").doesNotContain("pw2").doesNotContain("hidden");
        assertThatThrownBy(() -> SchemaTarget.of(url + "omega", "u", "p", null).ownerDataSource())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("withOwner");
        assertThatThrownBy(() -> new SchemaTools(null, SchemaTools.Guidance.GENERIC))
                .isInstanceOf(co.omegamax.platform.spi.InvalidInputException.class);
    }
}
