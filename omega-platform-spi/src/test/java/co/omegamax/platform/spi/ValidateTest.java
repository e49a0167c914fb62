package co.omegamax.platform.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidateTest {
    @Test
    void ids() {
        assertThat(Validate.userId("user-1")).isEqualTo("user-1");
        assertThatThrownBy(() -> Validate.userId(null)).isInstanceOf(InvalidInputException.class).hasMessage("userId: is required");
        assertThatThrownBy(() -> Validate.userId("")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Validate.userId("a b")).hasMessageContaining("whitespace");
        assertThatThrownBy(() -> Validate.userId("x".repeat(129))).hasMessageContaining("128");
    }

    @Test
    void namesAreStrippedAndBounded() {
        assertThat(Validate.name("name", "  Acme ")).isEqualTo("Acme");
        assertThatThrownBy(() -> Validate.name("name", " ")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Validate.name("name", "a\u0000b")).hasMessageContaining("control");
        assertThatThrownBy(() -> Validate.name("name", "x".repeat(201))).hasMessageContaining("200");
    }

    @Test
    void tokensAndEnums() {
        assertThat(Validate.token("t", "lesson_learned")).isEqualTo("lesson_learned");
        assertThatThrownBy(() -> Validate.token("t", "Decision")).hasMessageContaining("lower case");
        assertThat(Validate.enumValue("status", TaskStatus.class, "in_progress")).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(Validate.wireName(TaskStatus.IN_PROGRESS)).isEqualTo("in_progress");
        assertThatThrownBy(() -> Validate.enumValue("status", TaskStatus.class, "done"))
                .hasMessageContaining("[pending, in_progress, blocked, completed, cancelled, failed]");
    }

    @Test
    void jsonObjectsAreNormalisedDeepCopies() {
        Map<String, Object> nested = new HashMap<>();
        nested.put("n", 3);
        List<Object> list = new ArrayList<>(List.of(1.5f, "x", true));
        Map<String, Object> in = new HashMap<>(Map.of("a", nested, "l", list, "big", new BigDecimal("10.0")));
        Map<String, Object> out = Validate.jsonObject("settings", in);
        nested.put("n", 4);
        list.clear();
        assertThat(out).isEqualTo(Map.of("a", Map.of("n", 3L), "l", List.of(1.5d, "x", true), "big", 10L));
        assertThatThrownBy(() -> out.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(Validate.jsonObject("s", null)).isEmpty();
    }

    @Test
    void jsonObjectsRejectNonJson() {
        assertThatThrownBy(() -> Validate.jsonObject("settings", Collections.singletonMap("k", null)))
                .hasMessageContaining("settings.k");
        assertThatThrownBy(() -> Validate.jsonObject("settings", Map.of("k", new Object())))
                .hasMessageContaining("must be a string");
        assertThatThrownBy(() -> Validate.jsonObject("settings", Map.of("k", Double.NaN))).hasMessageContaining("finite");
        assertThatThrownBy(() -> Validate.jsonObject("settings", Map.of(" ", 1))).hasMessageContaining("keys");
    }

    @Test
    void batchesAreBounded() {
        assertThatThrownBy(() -> Validate.batch("memories", List.of())).hasMessageContaining("at least one");
        assertThatThrownBy(() -> Validate.batch("memories", Collections.nCopies(501, "x"))).hasMessageContaining("at most 500");
        assertThatThrownBy(() -> Validate.batch("memories", Arrays.asList("a", null))).hasMessageContaining("null");
        assertThat(Validate.batch("memories", List.of("a"))).containsExactly("a");
    }

    @Test
    void recordsValidateTheirInput() {
        assertThatThrownBy(() -> CreateWorkspaceInput.named(" ")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new CreateWorkspaceInput("Acme", null, "Bad Slug", null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("slug");
        assertThatThrownBy(() -> new UpdateWorkspaceInput(null, null, null, null)).hasMessageContaining("sets nothing");
        assertThatThrownBy(() -> MemoryInput.of("m", "w", "Decision", "x")).hasMessageContaining("memory.eventType");
        assertThatThrownBy(() -> MemoryInput.of("m", "w", "decision", " ")).hasMessageContaining("memory.content");
        assertThatThrownBy(() -> new GraphLink("a", "a", "related", 1)).hasMessageContaining("self");
        assertThatThrownBy(() -> new GraphLink("a", "b", "related", 1.5)).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> new TaskInput("t", "w", null, null, "T", null, TaskStatus.PENDING, 11, null))
                .hasMessageContaining("task.priority");
        assertThat(MemoryInput.of("m", "w", "decision", "x").tags()).isEmpty();
        assertThat(new MemoryInput("m", "w", null, "decision", null, "x", List.of("A", "a", "b"), null, null).tags())
                .containsExactly("a", "b");
    }

    @Test
    void secretsAreNotPrinted() {
        assertThat(new Credentials.Password("a@b.c", "hunter2").toString()).doesNotContain("hunter2");
        assertThat(new Credentials.Token("tok-123").toString()).doesNotContain("tok-123");
        AuthSession s = new AuthSession(new AuthUser("u1", "a@b.c", null, null), "secret-token", java.time.Instant.EPOCH);
        assertThat(s.toString()).doesNotContain("secret-token");
    }

    @Test
    void authRequestHeadersAreCaseInsensitive() {
        AuthRequest r = AuthRequest.builder().bearer("abc").header("X-Trace", "1").header("x-trace", "2")
                .cookie("sb-access", "c").build();
        assertThat(r.bearerToken()).contains("abc");
        assertThat(r.header("authorization")).contains("Bearer abc");
        assertThat(r.headers("X-TRACE")).containsExactly("1", "2");
        assertThat(r.cookie("sb-access")).contains("c");
        assertThat(r.cookie("missing")).isEmpty();
        assertThat(AuthRequest.builder().header("Authorization", "Basic x").build().bearerToken()).isEmpty();
    }
}
