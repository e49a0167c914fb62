package co.omegamax.memory.sqlite.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TextAndContradictionTest {
    private final ContradictionDetector detector = new ContradictionDetector();

    @Test
    void canonicalTextIgnoresCaseWhitespaceAndMarkdown() {
        assertThat(Text.canonical("  **Use** `pnpm`\n\n for   the _web_ app. "))
                .isEqualTo(Text.canonical("use pnpm for the web app"));
        assertThat(Text.canonical("- first item")).isEqualTo("first item");
    }

    @Test
    void ftsExpressionsQuoteEveryToken() {
        assertThat(Fts.anyWord("NEAR(\"x\" OR y) AND *")).doesNotContain("NEAR(").contains("\"near\"");
        assertThat(Fts.anyWord("the of a")).isNull();
        assertThat(Fts.phrase("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    }

    @Test
    void detectsNegationAndChangedValues() {
        assertThat(detector.contradiction("I prefer tabs", "I no longer prefer tabs, use spaces")).isPresent();
        assertThat(detector.contradiction("Our office is in Bern", "We moved the office from Bern to Zurich"))
                .isPresent();
        assertThat(detector.contradiction("We use Jenkins for CI", "We replaced Jenkins with GitHub Actions"))
                .isPresent();
    }

    @Test
    void doesNotFlagCompatibleStatements() {
        assertThat(detector.contradiction("I prefer tabs", "I prefer tabs in Go files too")).isEmpty();
        assertThat(detector.contradiction("Use Postgres for orders", "Redis caches the product pages")).isEmpty();
        assertThat(detector.contradiction("Never commit secrets", "Never push directly to main")).isEmpty();
    }

    @Test
    void infersTimeRanges() {
        TemporalParser parser = new TemporalParser();
        Instant now = Instant.parse("2026-06-01T00:00:00Z");
        assertThat(parser.infer("what broke last week", now)).hasValueSatisfying(r -> {
            assertThat(r.from()).isEqualTo(now.minus(Duration.ofDays(7)));
            assertThat(r.to()).isEqualTo(now);
        });
        assertThat(parser.infer("deploys between 80 and 90 days ago", now)).hasValueSatisfying(r ->
                assertThat(r.from()).isEqualTo(now.minus(Duration.ofDays(90))));
        assertThat(parser.infer("the bug from 3 days ago", now)).hasValueSatisfying(r ->
                assertThat(r.from()).isBefore(now.minus(Duration.ofDays(3))));
        assertThat(parser.infer("how do we deploy", now)).isEmpty();
    }
}
