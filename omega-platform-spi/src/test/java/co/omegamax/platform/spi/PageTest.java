package co.omegamax.platform.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PageTest {
    @Test
    void acceptsBounds() {
        assertThat(Page.of(1, 0)).isEqualTo(new Page(1, 0));
        assertThat(Page.of(500, 10_000).limit()).isEqualTo(500);
        assertThat(Page.first()).isEqualTo(new Page(50, 0));
        assertThat(Page.first(20).next()).isEqualTo(new Page(20, 20));
    }

    @Test
    void rejectsOutOfRange() {
        assertThatThrownBy(() -> Page.of(0, 0)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("page.limit").hasMessageContaining("between 1 and 500");
        assertThatThrownBy(() -> Page.of(501, 0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Page.of(10, -1)).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("page.offset");
        assertThatThrownBy(() -> Page.of(500, Integer.MAX_VALUE - 10).next()).isInstanceOf(InvalidInputException.class);
    }
}
