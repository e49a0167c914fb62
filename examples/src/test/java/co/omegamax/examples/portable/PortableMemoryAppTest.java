package co.omegamax.examples.portable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.omegamax.platform.spi.ConfigurationException;
import co.omegamax.platform.spi.InvalidInputException;
import co.omegamax.platform.spi.PlatformConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same application class on adapter-sqlite (a file) and adapter-postgres (embedded PostgreSQL 17). */
class PortableMemoryAppTest {
    private static LocalPostgres postgres;

    @TempDir
    Path dir;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = LocalPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    private PlatformConfig sqlite() {
        return PlatformConfig.of(Map.of("omega.datastore", "sqlite",
                "omega.sqlite.path", dir.resolve("platform.db").toString()));
    }

    private static PlatformConfig postgresConfig() {
        return PlatformConfig.of(postgres.datastoreConfig());
    }

    private static String run(PlatformConfig config, String user) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        List<String> lines = PortableMemoryApp.run(config, user, new PrintStream(buffer, true, StandardCharsets.UTF_8));
        String printed = buffer.toString(StandardCharsets.UTF_8);
        assertThat(printed.lines().toList()).isEqualTo(lines);
        return printed;
    }

    @Test
    void sqliteAndPostgresPrintTheSameListing() {
        String onSqlite = run(sqlite(), "alice");
        String onPostgres = run(postgresConfig(), "alice");

        assertThat(onPostgres).isEqualTo(onSqlite);
        assertThat(onSqlite.lines().toList()).containsExactly(
                "user alice: workspace acme (Acme Corp), project Billing",
                "stored 7 memories",
                "page 1:",
                "  m-007 2026-03-08 [lesson_learned] Round only when presenting amounts, never in stored totals",
                "  m-006 2026-03-07 [user_fact] The finance team closes the books on the third working day",
                "  m-005 2026-03-06 [error_pattern] Timeouts from the tax API: retry twice with backoff, then queue",
                "page 2:",
                "  m-004 2026-03-05 [decision] Refunds go through the payments service, never straight to the ledger",
                "  m-003 2026-03-04 [user_preference] Amounts are shown with two decimals and the ISO currency code",
                "  m-002 2026-03-03 [lesson_learned] Batch the nightly invoice export in pages of 500 rows",
                "page 3:",
                "  m-001 2026-03-02 [decision] Invoices are stored in PostgreSQL, one schema per region",
                "decisions only:",
                "  m-004 2026-03-05 [decision] Refunds go through the payments service, never straight to the ledger",
                "  m-001 2026-03-02 [decision] Invoices are stored in PostgreSQL, one schema per region");
    }

    @Test
    void runningAgainReplacesTheMemoriesInsteadOfAddingCopies() {
        String first = run(sqlite(), "carol");
        String second = run(sqlite(), "carol");
        assertThat(second).isEqualTo(first);
        String firstPg = run(postgresConfig(), "carol");
        assertThat(run(postgresConfig(), "carol")).isEqualTo(firstPg).isEqualTo(first);
        assertThat(second.lines().filter(l -> l.startsWith("  m-"))).hasSize(9);   // 7 listed + 2 decisions
    }

    @Test
    void anotherUserGetsTheirOwnWorkspaceWithTheSameIds() {
        run(sqlite(), "alice");
        String bob = run(sqlite(), "bob");
        assertThat(bob).startsWith("user bob: workspace acme (Acme Corp), project Billing");
        assertThat(bob.lines().filter(l -> l.startsWith("  m-"))).hasSize(9);
    }

    @Test
    void aStoreThatIsNotOnTheClasspathIsRefusedWithTheNamesThatAre() {
        PlatformConfig mongo = PlatformConfig.of(Map.of("omega.datastore", "mongo"));
        assertThatThrownBy(() -> run(mongo, "alice")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("mongo").hasMessageContaining("sqlite").hasMessageContaining("postgres");
    }

    @Test
    void aBadUserIdIsATypedError() {
        assertThatThrownBy(() -> run(sqlite(), " ")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theApplicationClassNamesNoAdapter() throws IOException {
        for (String cls : List.of("PortableMemoryApp", "PortableMemoryApp$Seed")) {
            try (InputStream in = PortableMemoryApp.class.getResourceAsStream(cls + ".class")) {
                assertThat(in).as(cls).isNotNull();
                String constants = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                assertThat(constants).as(cls).contains("co/omegamax/platform/spi/")
                        .doesNotContain("co/omegamax/platform/adapter");
            }
        }
    }
}
