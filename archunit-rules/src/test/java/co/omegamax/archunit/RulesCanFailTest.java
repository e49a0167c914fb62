package co.omegamax.archunit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.omegamax.memory.archfixture.PlatformLeak;
import co.omegamax.memory.archfixture.ReflectiveLeak;
import co.omegamax.memory.archfixture.SneakyName;
import co.omegamax.memory.archfixture.UndeclaredLibrary;
import co.omegamax.memory.spi.archfixture.ApiWithThirdParty;
import co.omegamax.platform.adapter.archfixture.OtherAdapter;
import co.omegamax.platform.adapter.archfixture.PeeksInternals;
import co.omegamax.platform.adapter.archfixture.UsesOwnInternals;
import co.omegamax.platform.adapter.sqlite.SqliteDataStoreProvider;
import co.omegamax.platform.adapter.sqlite.archfixture.RawQuery;
import co.omegamax.platform.jdbi.archfixture.RawJdbiQuery;
import co.omegamax.platform.spi.archfixture.SpiNamesAdapter;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule is run against a small fixture that breaks it, and must report the fixture. */
class RulesCanFailTest {

    private static JavaClasses classes(Class<?>... types) {
        return new ClassFileImporter().importClasses(types);
    }

    private static void assertViolated(ArchRule rule, Class<?> offender, Class<?>... alsoImported) {
        Class<?>[] all = new Class<?>[alsoImported.length + 1];
        all[0] = offender;
        System.arraycopy(alsoImported, 0, all, 1, alsoImported.length);
        EvaluationResult result = rule.evaluate(classes(all));
        assertThat(result.hasViolation()).as(rule.getDescription() + " flags " + offender.getSimpleName()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anyMatch(d -> d.contains(offender.getName()));
    }

    private static void assertHolds(ArchRule rule, Class<?>... types) {
        assertThat(rule.evaluate(classes(types)).hasViolation()).as(rule.getDescription()).isFalse();
    }

    @Test
    void memoryMustNotDependOnPlatform() {
        assertViolated(OmegaArchitectureRules.MEMORY_DOES_NOT_DEPEND_ON_PLATFORM, PlatformLeak.class);
        assertHolds(OmegaArchitectureRules.MEMORY_DOES_NOT_DEPEND_ON_PLATFORM, ReflectiveLeak.class);
    }

    @Test
    void memoryMustNotReachPlatformByReflectionOrName() {
        ArchRule rule = OmegaArchitectureRules.MEMORY_USES_NO_REFLECTION_TO_REACH_PLATFORM;
        assertViolated(rule, ReflectiveLeak.class);
        assertViolated(rule, SneakyName.class);
        assertViolated(rule, PlatformLeak.class);
        assertHolds(rule, UndeclaredLibrary.class);
    }

    @Test
    void memoryMayUseOnlyDeclaredLibraries() {
        assertViolated(OmegaArchitectureRules.MEMORY_DEPENDS_ONLY_ON_JDK_ITSELF_AND_DECLARED_LIBRARIES, UndeclaredLibrary.class);
        assertViolated(OmegaArchitectureRules.MEMORY_DEPENDS_ONLY_ON_JDK_ITSELF_AND_DECLARED_LIBRARIES, PlatformLeak.class);
        assertHolds(OmegaArchitectureRules.memoryDependsOnlyOnJdkItselfAnd(List.of("org.assertj..")), UndeclaredLibrary.class);
    }

    @Test
    void memoryApiMustHaveNoThirdPartyDependencies() {
        assertViolated(OmegaArchitectureRules.MEMORY_API_HAS_NO_THIRD_PARTY_DEPENDENCIES, ApiWithThirdParty.class);
    }

    @Test
    void spiMustNotNameAnAdapter() {
        assertViolated(OmegaArchitectureRules.SPI_DEPENDS_ON_NO_ADAPTER, SpiNamesAdapter.class);
    }

    @Test
    void adaptersMustNotDependOnEachOther() {
        assertViolated(OmegaArchitectureRules.ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER, OtherAdapter.class,
                SqliteDataStoreProvider.class);
    }

    @Test
    void adaptersMustNotUseForeignInternals() {
        assertViolated(OmegaArchitectureRules.ADAPTERS_USE_NO_FOREIGN_INTERNALS, PeeksInternals.class);
        assertHolds(OmegaArchitectureRules.ADAPTERS_USE_NO_FOREIGN_INTERNALS, UsesOwnInternals.class);
    }

    @Test
    void sqliteAdapterMustQueryThroughTheTenantScope() {
        assertViolated(OmegaArchitectureRules.SQLITE_ADAPTER_QUERIES_GO_THROUGH_TENANT_SCOPE, RawQuery.class);
        assertViolated(OmegaArchitectureRules.SQLITE_ADAPTER_QUERIES_GO_THROUGH_TENANT_SCOPE, RawJdbiQuery.class);
    }

    @Test
    void aRuleThatMatchesNoClassesFails() {
        JavaClasses onlyPlatform = classes(SpiNamesAdapter.class);
        assertThatThrownBy(() -> OmegaArchitectureRules.MEMORY_DOES_NOT_DEPEND_ON_PLATFORM.check(onlyPlatform))
                .isInstanceOf(AssertionError.class).hasMessageContaining("failed to check any classes");
    }

    @Test
    void everyRuleIsCoveredByAFixture() {
        assertThat(OmegaArchitectureRules.ALL).hasSize(8);
    }
}
