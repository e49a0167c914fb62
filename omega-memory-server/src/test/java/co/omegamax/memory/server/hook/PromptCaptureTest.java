package co.omegamax.memory.server.hook;

import static org.assertj.core.api.Assertions.assertThat;

import co.omegamax.memory.EventType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PromptCaptureTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "I prefer tabs over spaces in Java code.                       | USER_PREFERENCE | I prefer tabs over spaces in Java code.",
        "i really prefer small commits with clear messages             | USER_PREFERENCE | i really prefer small commits with clear messages",
        "My preference is AssertJ over Hamcrest                        | USER_PREFERENCE | My preference is AssertJ over Hamcrest",
        "Always run the tests before committing.                       | USER_PREFERENCE | Always run the tests before committing.",
        "Please never push directly to main.                           | USER_PREFERENCE | Please never push directly to main.",
        "From now on, always use records for DTOs.                     | USER_PREFERENCE | From now on, always use records for DTOs.",
        "I don't like it when you add comments to every line.          | USER_PREFERENCE | I don't like it when you add comments to every line.",
        "We decided to use SQLite instead of Postgres.                 | DECISION        | We decided to use SQLite instead of Postgres.",
        "We've agreed on Maven 4 for the build.                        | DECISION        | We've agreed on Maven 4 for the build.",
        "Let's use Jackson 3 instead of Gson.                          | DECISION        | Let's use Jackson 3 instead of Gson.",
        "ok, let's go with picocli rather than JCommander              | DECISION        | ok, let's go with picocli rather than JCommander",
        "Decision: the CLI is called omega                              | DECISION        | The CLI is called omega",
        "Remember that the staging database is read-only.              | USER_FACT       | The staging database is read-only.",
        "Lesson: mock the clock, never sleep in tests                   | LESSON_LEARNED  | Mock the clock, never sleep in tests",
        "Lesson learned: WAL mode needs the -shm file next to the db    | LESSON_LEARNED  | WAL mode needs the -shm file next to the db",
        "We learned that Unix socket paths must stay under 108 bytes    | LESSON_LEARNED  | Unix socket paths must stay under 108 bytes",
    })
    void recognisesStatements(String prompt, EventType type, String stored) {
        List<PromptCapture.Capture> c = PromptCapture.recognise(prompt);
        assertThat(c).hasSize(1);
        assertThat(c.get(0).type()).isEqualTo(type);
        assertThat(c.get(0).content()).isEqualTo(stored);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Fix the failing test in CliTest.",
        "It always fails on the second run.",
        "Do you prefer tabs or spaces?",
        "Can you remember that file we edited yesterday?",
        "I want you to refactor this class.",
        "Why did we decide to use SQLite?",
        "Always.",
        "never mind",
        "",
    })
    void ignoresOrdinaryPromptsAndQuestions(String prompt) {
        assertThat(PromptCapture.recognise(prompt)).isEmpty();
    }

    @Test
    void findsSeveralStatementsInOnePromptButAtMostThree() {
        String prompt = """
                Please add the hook subcommands. I prefer small focused classes.
                We decided to use Unix sockets instead of TCP. Remember that the socket must be 0600.
                Lesson: measure before optimising. Always write tests first.""";
        List<PromptCapture.Capture> c = PromptCapture.recognise(prompt);
        assertThat(c).extracting(PromptCapture.Capture::type).containsExactly(EventType.USER_PREFERENCE,
                EventType.DECISION, EventType.USER_FACT);
    }

    @Test
    void cutsVeryLongStatements() {
        String prompt = "I prefer " + "very ".repeat(200) + "long sentences";
        assertThat(PromptCapture.recognise(prompt).get(0).content()).hasSize(PromptCapture.MAX_LENGTH).endsWith("...");
    }
}
