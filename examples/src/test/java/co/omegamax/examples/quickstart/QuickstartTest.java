package co.omegamax.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import co.omegamax.memory.MemoryHit;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuickstartTest {
    @TempDir
    Path dir;

    @Test
    void recallsEachAnswerByMeaning() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        List<MemoryHit> answers = Quickstart.run(dir.resolve("memory.db"),
                new PrintStream(buffer, true, StandardCharsets.UTF_8));
        String printed = buffer.toString(StandardCharsets.UTF_8);

        assertThat(printed).contains("with embeddings").doesNotContain("DEGRADED");
        assertThat(answers).hasSize(3);
        assertThat(answers.get(0).memory().content()).contains("spaces over tabs");
        assertThat(answers.get(1).memory().content()).contains("PostgreSQL 16");
        assertThat(answers.get(2).memory().content()).contains("nightly export");
        assertThat(answers).allSatisfy(hit -> assertThat(hit.rankingReasons()).anyMatch(r -> r.startsWith("vector rank")));
    }

    @Test
    void runningTwiceDeduplicatesInsteadOfDuplicating() {
        Path db = dir.resolve("twice.db");
        Quickstart.run(db, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        Quickstart.run(db, new PrintStream(second, true, StandardCharsets.UTF_8));
        assertThat(second.toString(StandardCharsets.UTF_8)).contains("DEDUPED").doesNotContain("CREATED");
    }
}
