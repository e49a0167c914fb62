package co.omegamax.archunit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.Source;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reusable ArchUnit rules that keep OMEGA's two halves apart and its modules honest. Apply them to classes
 * imported from {@code co.omegamax..} (production classes only), e.g. {@code rule.check(classes)}; every rule
 * fails on an empty selection (ArchUnit's {@code failOnEmptyShould}), so a rule cannot pass by matching nothing.
 */
public final class OmegaArchitectureRules {
    /** Root package of the open-source memory half. */
    public static final String MEMORY = "co.omegamax.memory..";
    /** Root package of the commercial platform half. */
    public static final String PLATFORM = "co.omegamax.platform..";
    /** Packages of the memory API module: the model/facade package and its extension points. */
    public static final String[] MEMORY_API = {"co.omegamax.memory", "co.omegamax.memory.spi.."};
    /** Package of the platform SPI. */
    public static final String PLATFORM_SPI = "co.omegamax.platform.spi..";
    /** Packages of all adapters; each adapter is one sub-package. */
    public static final String ADAPTERS = "co.omegamax.platform.adapter..";

    /**
     * Third-party packages the memory modules declare in their poms (SQLite driver, ONNX runtime, tokenizers,
     * SLF4J, Jackson, MCP SDK with Reactor, picocli). A new library in a memory module must be added here.
     */
    public static final List<String> MEMORY_DECLARED_LIBRARIES = List.of(
            "org.sqlite..", "ai.onnxruntime..", "ai.djl..", "org.slf4j..", "tools.jackson..",
            "com.fasterxml.jackson.annotation..", "io.modelcontextprotocol..", "reactor..", "org.reactivestreams..",
            "picocli..");

    /** The memory half never references the platform half, not even in a signature or annotation. */
    public static final ArchRule MEMORY_DOES_NOT_DEPEND_ON_PLATFORM = noClasses()
            .that().resideInAPackage(MEMORY)
            .should().dependOnClassesThat().resideInAPackage(PLATFORM)
            .because("the memory half must build and ship without any platform module (DESIGN §1)");

    /**
     * The memory half does not reach the platform by name: no {@code Class.forName}, {@code ClassLoader.loadClass}
     * or {@code Lookup.findClass} calls, no {@code ClassNotFoundException} fallbacks, and no
     * {@code co.omegamax.platform} string anywhere in its class files.
     */
    public static final ArchRule MEMORY_USES_NO_REFLECTION_TO_REACH_PLATFORM = classes()
            .that().resideInAPackage(MEMORY)
            .should(notLoadClassesByName())
            .andShould(notMentionInClassFile("co.omegamax.platform", "co/omegamax/platform", "java/lang/ClassNotFoundException"))
            .because("reflection or strings would hide a dependency on the platform half (DESIGN §1)");

    /** The memory half depends only on the JDK, itself and {@link #MEMORY_DECLARED_LIBRARIES}. */
    public static final ArchRule MEMORY_DEPENDS_ONLY_ON_JDK_ITSELF_AND_DECLARED_LIBRARIES =
            memoryDependsOnlyOnJdkItselfAnd(MEMORY_DECLARED_LIBRARIES);

    /** The memory API module has no third-party imports: JDK and its own packages only. */
    public static final ArchRule MEMORY_API_HAS_NO_THIRD_PARTY_DEPENDENCIES = classes()
            .that().resideInAnyPackage(MEMORY_API)
            .should().onlyDependOnClassesThat().resideInAnyPackage(concat(jdk(), MEMORY_API))
            .because("omega-memory-api has zero third-party dependencies");

    /** The platform SPI depends on no adapter (and not on the TCK): adapters plug in, the SPI never names one. */
    public static final ArchRule SPI_DEPENDS_ON_NO_ADAPTER = noClasses()
            .that().resideInAPackage(PLATFORM_SPI)
            .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS, "co.omegamax.platform.tck..")
            .because("the ports must not know their implementations");

    /** No adapter depends on another adapter. */
    public static final ArchRule ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER = slices()
            .matching("co.omegamax.platform.adapter.(*)..")
            .should().notDependOnEachOther()
            .because("adapters are alternatives selected by configuration");

    /** Adapters use no {@code internal} package of another module (their own internals are fine). */
    public static final ArchRule ADAPTERS_USE_NO_FOREIGN_INTERNALS = classes()
            .that().resideInAPackage(ADAPTERS)
            .should(useOnlyOwnInternalPackages())
            .because("internal packages are not an API and may change in any release");

    /**
     * In adapter-sqlite and in the shared JDBI support it uses (omega-platform-jdbi) only the tenant scope, the
     * user-scoped statements and the schema setup touch JDBI handles or JDBC: every other class goes through
     * {@code TenantScope}, so no query can miss the user filter.
     */
    public static final ArchRule SQLITE_ADAPTER_QUERIES_GO_THROUGH_TENANT_SCOPE = noClasses()
            .that().resideInAnyPackage("co.omegamax.platform.adapter.sqlite..", "co.omegamax.platform.jdbi..")
            .and().doNotHaveFullyQualifiedName("co.omegamax.platform.adapter.sqlite.internal.TenantScope")
            .and().doNotHaveFullyQualifiedName("co.omegamax.platform.adapter.sqlite.internal.Migrator")
            .and().doNotHaveFullyQualifiedName("co.omegamax.platform.adapter.sqlite.internal.Database")
            .and().doNotHaveFullyQualifiedName("co.omegamax.platform.jdbi.UserScopedHandle")
            .and().doNotHaveFullyQualifiedName("co.omegamax.platform.jdbi.ScopedQuery")
            .should().dependOnClassesThat().haveFullyQualifiedName("org.jdbi.v3.core.Handle")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.jdbi.v3.core.Jdbi")
            .orShould().dependOnClassesThat().resideInAPackage("org.jdbi.v3.core.statement..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.sql.Connection")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.sql.PreparedStatement")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.sql.Statement")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.sql.DriverManager")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("javax.sql.DataSource")
            .because("the user filter is added in exactly one place (issue 4)");

    /** Every rule above, for an aggregator test. */
    public static final List<ArchRule> ALL = List.of(
            MEMORY_DOES_NOT_DEPEND_ON_PLATFORM,
            MEMORY_USES_NO_REFLECTION_TO_REACH_PLATFORM,
            MEMORY_DEPENDS_ONLY_ON_JDK_ITSELF_AND_DECLARED_LIBRARIES,
            MEMORY_API_HAS_NO_THIRD_PARTY_DEPENDENCIES,
            SPI_DEPENDS_ON_NO_ADAPTER,
            ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER,
            ADAPTERS_USE_NO_FOREIGN_INTERNALS,
            SQLITE_ADAPTER_QUERIES_GO_THROUGH_TENANT_SCOPE);

    private OmegaArchitectureRules() {
    }

    /**
     * @param libraryPackages ArchUnit package patterns of the libraries the memory modules declare
     * @return a rule that the memory half depends only on the JDK, itself and these libraries
     */
    public static ArchRule memoryDependsOnlyOnJdkItselfAnd(List<String> libraryPackages) {
        List<String> allowed = new ArrayList<>(List.of(jdk()));
        allowed.add(MEMORY);
        allowed.addAll(libraryPackages);
        return classes().that().resideInAPackage(MEMORY)
                .should().onlyDependOnClassesThat().resideInAnyPackage(allowed.toArray(String[]::new))
                .because("the memory half may use only the JDK, itself and the libraries its poms declare");
    }

    private static String[] jdk() {
        return new String[] {"java..", "javax..", "jdk.."};
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** @return a condition that a class calls none of the class-loading-by-name methods */
    public static ArchCondition<JavaClass> notLoadClassesByName() {
        Set<String> banned = Set.of("java.lang.Class.forName", "java.lang.ClassLoader.loadClass",
                "java.lang.invoke.MethodHandles$Lookup.findClass");
        return new ArchCondition<>("not load classes by name (Class.forName, ClassLoader.loadClass, Lookup.findClass)") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                for (JavaMethodCall call : item.getMethodCallsFromSelf()) {
                    String target = call.getTarget().getOwner().getName() + "." + call.getTarget().getName();
                    boolean isBanned = banned.contains(target)
                            || (call.getTarget().getName().equals("loadClass")
                                && call.getTarget().getOwner().isAssignableTo(ClassLoader.class));
                    if (isBanned) {
                        events.add(SimpleConditionEvent.violated(call, call.getDescription()));
                    }
                }
            }
        };
    }

    /** @return a condition that a class file's bytes (constant pool included) contain none of {@code needles} */
    public static ArchCondition<JavaClass> notMentionInClassFile(String... needles) {
        return new ArchCondition<>("not mention " + String.join(" or ", needles) + " in its class file") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                Optional<Source> source = item.getSource();
                if (source.isEmpty()) {
                    events.add(SimpleConditionEvent.violated(item, item.getName() + " has no class file to inspect"));
                    return;
                }
                String text;
                try (InputStream in = source.get().getUri().toURL().openStream()) {
                    text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                } catch (IOException e) {
                    events.add(SimpleConditionEvent.violated(item, "cannot read class file of " + item.getName() + ": " + e));
                    return;
                }
                for (String needle : needles) {
                    if (text.contains(needle)) {
                        events.add(SimpleConditionEvent.violated(item, item.getName() + " mentions '" + needle
                                + "' in its class file (" + item.getSourceCodeLocation() + ")"));
                    }
                }
            }
        };
    }

    /**
     * @return a condition that a class depends on an {@code …internal…} package only when the class lives under
     *     the package that owns it (the part before {@code .internal})
     */
    public static ArchCondition<JavaClass> useOnlyOwnInternalPackages() {
        return new ArchCondition<>("use only their own module's internal packages") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                for (Dependency d : item.getDirectDependenciesFromSelf()) {
                    String target = d.getTargetClass().getBaseComponentType().getPackageName();
                    int i = (target + ".").indexOf(".internal.");
                    if (i < 0 || !target.startsWith("co.omegamax.")) {
                        continue;
                    }
                    String owner = target.substring(0, i);
                    String origin = item.getPackageName();
                    if (!(origin.equals(owner) || origin.startsWith(owner + "."))) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        };
    }

    /** @return a predicate for classes in any of these ArchUnit package patterns (for custom rules) */
    public static DescribedPredicate<JavaClass> inPackages(String... patterns) {
        return JavaClass.Predicates.resideInAnyPackage(patterns);
    }
}
