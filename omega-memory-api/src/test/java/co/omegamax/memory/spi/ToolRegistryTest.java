package co.omegamax.memory.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolRegistryTest {
    private static final String SCHEMA = "{\"type\": \"object\", \"properties\": {}}";

    static Tool tool(String name) {
        return new Tool(name, "does " + name, SCHEMA, call -> Map.of("tool", name));
    }

    static ToolProvider provider(String name, int order, String... tools) {
        return new ToolProvider() {
            @Override
            public List<Tool> tools() {
                return java.util.Arrays.stream(tools).map(ToolRegistryTest::tool).toList();
            }

            @Override
            public int order() {
                return order;
            }

            @Override
            public String name() {
                return name;
            }
        };
    }

    /** Registered in META-INF/services. */
    public static final class EchoProvider implements ToolProvider {
        @Override
        public List<Tool> tools() {
            return List.of(tool("echo"));
        }
    }

    /** Registered in META-INF/services; cannot be instantiated. */
    public static final class ExplodingProvider implements ToolProvider {
        public ExplodingProvider() {
            throw new IllegalStateException("boom in constructor");
        }

        @Override
        public List<Tool> tools() {
            return List.of();
        }
    }

    private final ToolProvider core = provider("core", 0, "omega_store", "omega_query");

    @Test
    void coreToolsComeFirstThenProvidersByOrderThenName() {
        ToolRegistry r = ToolRegistry.of(core, List.of(provider("zeta", 0, "z1"), provider("alpha", 0, "a1", "a2"),
                provider("early", -5, "e1")));

        assertThat(r.tools()).extracting(Tool::name).containsExactly("omega_store", "omega_query", "e1", "a1", "a2", "z1");
        assertThat(r.providers()).containsExactly("core tools (core)", "early", "alpha", "zeta");
        assertThat(r.owner("a2")).contains("alpha");
        assertThat(r.failures()).isEmpty();
    }

    @Test
    void duplicateToolNameFailsNamingBothProviders() {
        assertThatThrownBy(() -> ToolRegistry.of(core, List.of(provider("first", 0, "x"), provider("second", 1, "x"))))
                .isInstanceOf(ExtensionConflictException.class)
                .hasMessageContaining("'x'").hasMessageContaining("first").hasMessageContaining("second");
        assertThatThrownBy(() -> ToolRegistry.of(core, List.of(provider("sneaky", 0, "omega_query"))))
                .isInstanceOf(ExtensionConflictException.class)
                .hasMessageContaining("core tools (core)").hasMessageContaining("sneaky");
    }

    @Test
    void providerWhoseToolsThrowIsReportedAndSkipped() {
        ToolProvider broken = new ToolProvider() {
            @Override
            public List<Tool> tools() {
                throw new IllegalStateException("no tools today");
            }

            @Override
            public String name() {
                return "broken";
            }
        };
        ToolRegistry r = ToolRegistry.of(core, List.of(broken, provider("fine", 0, "ok")));

        assertThat(r.tools()).extracting(Tool::name).containsExactly("omega_store", "omega_query", "ok");
        assertThat(r.failures()).singleElement().satisfies(f -> {
            assertThat(f.provider()).isEqualTo("broken");
            assertThat(f.message()).contains("no tools today");
        });
    }

    @Test
    void serviceLoaderDiscoveryKeepsGoodProvidersAndReportsBrokenOnes() {
        ToolRegistry r = ToolRegistry.discover(core, getClass().getClassLoader());

        assertThat(r.tools()).extracting(Tool::name).containsExactly("omega_store", "omega_query", "echo");
        assertThat(r.failures()).hasSize(2);
        assertThat(r.failures()).anySatisfy(f -> assertThat(f.message()).contains("boom in constructor"));
        assertThat(r.failures()).anySatisfy(f -> assertThat(f.message()).contains("NoSuchProvider"));
    }

    @Test
    void toolValidatesNameAndSchema() {
        assertThatThrownBy(() -> new Tool("bad name", "d", SCHEMA, c -> null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad name");
        assertThatThrownBy(() -> new Tool("t", "d", "{\"type\": \"string\"}", c -> null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("object");
    }

    @Test
    void argumentsGiveTypedValuesAndNameTheBadArgument() {
        ToolArguments a = ToolArguments.of(Map.of("text", "hi", "limit", 5, "tags", List.of("a", "b"),
                "when", "2026-05-01", "flag", true, "bad", 2.5));

        assertThat(a.string("text")).isEqualTo("hi");
        assertThat(a.integer("limit", 10, 1, 200)).isEqualTo(5);
        assertThat(a.integer("missing", 10, 1, 200)).isEqualTo(10);
        assertThat(a.strings("tags")).containsExactly("a", "b");
        assertThat(a.instant("when")).hasValueSatisfying(i -> assertThat(i).hasToString("2026-05-01T00:00:00Z"));
        assertThat(a.bool("flag", false)).isTrue();
        assertThatThrownBy(() -> a.integer("bad", 1, 1, 10)).isInstanceOf(ToolArgumentException.class)
                .hasMessageContaining("'bad'").hasMessageContaining("integer");
        assertThatThrownBy(() -> a.integer("limit", 1, 1, 3)).hasMessageContaining("between 1 and 3");
        assertThatThrownBy(() -> a.string("nope")).hasMessageContaining("'nope' is required");
        assertThatThrownBy(() -> a.bool("text", false)).hasMessageContaining("true or false");
        assertThatThrownBy(() -> a.allowOnly(java.util.Set.of("text"))).hasMessageContaining("unknown argument");
        assertThatThrownBy(() -> ToolArguments.of(Map.of("when", "yesterday")).instant("when"))
                .hasMessageContaining("ISO-8601");
    }
}
