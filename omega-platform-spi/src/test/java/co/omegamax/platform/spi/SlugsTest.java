package co.omegamax.platform.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SlugsTest {
    @Test
    void foldsUnicodeToAscii() {
        assertThat(Slugs.slugify("Acme Corp")).isEqualTo("acme-corp");
        assertThat(Slugs.slugify("Café Straße Ørsted")).isEqualTo("cafe-strasse-orsted");
        assertThat(Slugs.slugify("  Łódź -- Übermensch!! ")).isEqualTo("lodz-ubermensch");
        assertThat(Slugs.slugify("Ｆｕｌｌｗｉｄｔｈ １２３")).isEqualTo("fullwidth-123");
        assertThat(Slugs.slugify("Smith & Sons")).isEqualTo("smith-and-sons");
    }

    @Test
    void fallsBackWhenNothingIsLeft() {
        assertThat(Slugs.slugify("東京")).isEqualTo(Slugs.FALLBACK);
        assertThat(Slugs.slugify("!!!")).isEqualTo(Slugs.FALLBACK);
    }

    @Test
    void trimsToMaxLengthWithoutTrailingHyphen() {
        String slug = Slugs.slugify("a".repeat(62) + " b");
        assertThat(slug).hasSizeLessThanOrEqualTo(Slugs.MAX_LENGTH).doesNotEndWith("-");
        assertThat(Slugs.validate(slug)).isEqualTo(slug);
    }

    @Test
    void uniqueAppendsCounter() {
        assertThat(Slugs.unique("acme", Set.of()::contains)).isEqualTo("acme");
        assertThat(Slugs.unique("acme", Set.of("acme", "acme-2")::contains)).isEqualTo("acme-3");
        String longBase = "x".repeat(63);
        assertThat(Slugs.unique(longBase, Set.of(longBase)::contains)).hasSize(63).endsWith("-2");
    }

    @Test
    void validateRejectsMalformed() {
        for (String bad : new String[] {"", "Acme", "acme--corp", "-acme", "acme-", "acme corp", "a".repeat(64), "ümlaut"}) {
            assertThatThrownBy(() -> Slugs.validate(bad)).as(bad).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("slug");
        }
        assertThatThrownBy(() -> Slugs.validate(null)).isInstanceOf(InvalidInputException.class);
    }
}
