package co.omegamax.memory.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.omegamax.memory.EventType;
import co.omegamax.memory.Memory;
import co.omegamax.memory.MemoryQuery;
import co.omegamax.memory.MemoryStatus;
import co.omegamax.memory.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetrievalPluginsTest {
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    static Memory memory(EventType type, Instant validFrom) {
        return new Memory("id", "content", type, List.of(), Map.of(), null, null, null, Scope.GLOBAL, 3, validFrom,
                validFrom, null, 0, MemoryStatus.ACTIVE, validFrom, null, null, null, 0, false);
    }

    static RetrievalProvider provider(String name, List<RetrievalProfile> profiles) {
        return new RetrievalProvider() {
            @Override
            public List<RetrievalProfile> profiles() {
                return profiles;
            }

            @Override
            public String name() {
                return name;
            }
        };
    }

    @Test
    void profileWeighsAndDecaysOnlyItsEventType() {
        RetrievalPlugins plugins = RetrievalPlugins.of(List.of(provider("p",
                List.of(new RetrievalProfile(EventType.DECISION, 2.0, Duration.ofDays(10), 0.25)))));
        ScoreModifier m = plugins.modifiers().get(0);
        MemoryQuery q = MemoryQuery.text("x");

        assertThat(m.adjust(memory(EventType.DECISION, NOW), q, NOW).factor()).isEqualTo(2.0);
        assertThat(m.adjust(memory(EventType.DECISION, NOW.minus(Duration.ofDays(10))), q, NOW).factor())
                .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(m.adjust(memory(EventType.DECISION, NOW.minus(Duration.ofDays(1000))), q, NOW).factor())
                .isEqualTo(0.5);
        assertThat(m.adjust(memory(EventType.LESSON_LEARNED, NOW), q, NOW)).isEqualTo(ScoreAdjustment.NONE);
    }

    @Test
    void twoProfilesForOneTypeFailNamingBothProviders() {
        assertThatThrownBy(() -> RetrievalPlugins.of(List.of(
                provider("one", List.of(RetrievalProfile.weight(EventType.DECISION, 2))),
                provider("two", List.of(RetrievalProfile.weight(EventType.DECISION, 3))))))
                .isInstanceOf(ExtensionConflictException.class)
                .hasMessageContaining("one").hasMessageContaining("two").hasMessageContaining("decision");
    }

    @Test
    void adjustmentRejectsUnboundedFactors() {
        assertThatThrownBy(() -> ScoreAdjustment.of(Double.NaN, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScoreAdjustment.of(11, "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
