package co.omegamax.archunit;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** The aggregator: imports the production classes of every module on the test classpath and applies every rule. */
class ArchitectureTest {
    private static JavaClasses production;

    @BeforeAll
    static void importAll() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("co.omegamax");
    }

    @Test
    void importsEveryModule() {
        assertThat(production.containPackage("co.omegamax.memory")).as("omega-memory-api").isTrue();
        assertThat(production.containPackage("co.omegamax.memory.sqlite")).as("omega-memory-sqlite").isTrue();
        assertThat(production.containPackage("co.omegamax.memory.server")).as("omega-memory-server").isTrue();
        assertThat(production.containPackage("co.omegamax.platform.spi")).as("omega-platform-spi").isTrue();
        assertThat(production.containPackage("co.omegamax.platform.tck")).as("omega-platform-tck").isTrue();
        assertThat(production.containPackage("co.omegamax.platform.jdbi")).as("omega-platform-jdbi").isTrue();
        assertThat(production.containPackage("co.omegamax.platform.jwt")).as("omega-platform-jwt").isTrue();
        assertThat(production.containPackage("co.omegamax.platform.adapter.sqlite")).as("adapter-sqlite").isTrue();
        assertThat(production.containPackage("co.omegamax.platform.adapter.postgres")).as("adapter-postgres").isTrue();
        assertThat(production.containPackage("co.omegamax.platform.adapter.oidc")).as("adapter-oidc").isTrue();
        assertThat(production.containPackage("co.omegamax.platform.adapter.supabase.auth")).as("adapter-supabase").isTrue();
        assertThat(production.stream().map(c -> c.getPackageName())).noneMatch(p -> p.contains("archfixture"));
    }

    @TestFactory
    Stream<DynamicTest> everyRuleHolds() {
        return OmegaArchitectureRules.ALL.stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> check(rule)));
    }

    private static void check(ArchRule rule) {
        rule.check(production);
    }
}
