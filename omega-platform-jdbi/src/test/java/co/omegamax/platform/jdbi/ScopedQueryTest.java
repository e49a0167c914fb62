package co.omegamax.platform.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScopedQueryTest {
    @Test
    void acceptsPlainConditions() {
        assertThat(ScopedQuery.checkCondition("content LIKE :search ESCAPE '\\'")).isNotEmpty();
        assertThat(ScopedQuery.checkCondition("status IN (<open>)")).isNotEmpty();
    }

    @Test
    void refusesConditionsThatCouldEscapeTheUserFilter() {
        for (String bad : new String[] {"1=1) OR (1=1", "x = 1; DELETE FROM memories", "x = 1 -- ", "user_id = 'bob'",
                "x = :__uid", "a /* c */ = 1", ")("}) {
            assertThatThrownBy(() -> ScopedQuery.checkCondition(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void columnsAreCheckedAndUserIdIsNeverWritable() {
        assertThatThrownBy(() -> ScopedQuery.checkWritableColumn("user_id")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScopedQuery.checkColumn("name; drop")).isInstanceOf(IllegalArgumentException.class);
    }
}
