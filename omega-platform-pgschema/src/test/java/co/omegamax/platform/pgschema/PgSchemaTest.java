package co.omegamax.platform.pgschema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.omegamax.platform.pgschema.internal.MigrationScripts;
import co.omegamax.platform.spi.InvalidInputException;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The migration set as found on the classpath, without a database. */
class PgSchemaTest {
    @Test
    void requiredVersionIsTheHighestScriptFound() {
        assertThat(PgSchema.scriptNames()).startsWith("V1__tenancy_and_data.sql", "V2__social_and_pending_events.sql",
                "V3__auth_uid_hardening.sql");
        String last = PgSchema.scriptNames().get(PgSchema.scriptNames().size() - 1);
        assertThat(PgSchema.requiredVersion()).isGreaterThanOrEqualTo(3)
                .isEqualTo(Integer.parseInt(last.substring(1, last.indexOf("__"))));
    }

    @Test
    void sqlForReviewFillsThePlaceholdersAndSkipsAppliedScripts() {
        String all = PgSchema.sqlAfter(0, "authenticated");
        assertThat(all).contains("-- V1__tenancy_and_data.sql").contains("CREATE TABLE memories")
                .contains("'authenticated'").contains("public.omega_schema_history")
                .doesNotContain("${app_role}").doesNotContain("${flyway:");
        assertThat(PgSchema.sqlAfter(1, "omega_app")).doesNotContain("V1__").contains("-- V2__");
        assertThat(PgSchema.sqlAfter(PgSchema.requiredVersion(), "omega_app")).isEmpty();
        assertThatThrownBy(() -> PgSchema.sqlAfter(0, "app; drop table x")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("plain identifier");
        assertThatThrownBy(() -> PgSchema.sqlAfter(-1, "omega_app")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> PgSchema.flyway(null, "omega_app")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void findsScriptsInsideJarsAndRejectsTwoScriptsWithOneVersion(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("schema.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String folder : new String[] {"x/", "x/migrations/"}) {   // as maven-jar-plugin writes them
                out.putNextEntry(new JarEntry(folder));
                out.closeEntry();
            }
            for (String name : new String[] {"V10__ten.sql", "V2__two.sql", "README.md", "sub/V99__deeper.sql"}) {
                out.putNextEntry(new JarEntry("x/migrations/" + name));
                out.write(("-- " + name).getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        Path folder = Files.createDirectories(dir.resolve("classes/x/migrations"));
        Files.writeString(folder.resolve("V2__duplicate.sql"), "-- other");
        try (URLClassLoader jarOnly = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            MigrationScripts scripts = new MigrationScripts("x/migrations", jarOnly);
            assertThat(scripts.all()).extracting(MigrationScripts.Script::version).containsExactly(2, 10);
            assertThat(scripts.read(scripts.all().get(1))).isEqualTo("-- V10__ten.sql");
        }
        try (URLClassLoader both = new URLClassLoader(new URL[] {jar.toUri().toURL(),
                dir.resolve("classes").toUri().toURL()}, null)) {
            assertThatThrownBy(() -> new MigrationScripts("x/migrations", both).all())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("two migrations with version 2");
        }
        try (URLClassLoader none = new URLClassLoader(new URL[0], null)) {
            assertThatThrownBy(() -> new MigrationScripts("x/migrations", none).all())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("no V<n>__*.sql migration");
        }
    }
}
