package co.omegamax.platform.adapter.supabase.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Backoff bounds, jitter range and Retry-After parsing. */
class RetryPolicyTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

    private static RetryPolicy policy(java.util.function.LongUnaryOperator random) {
        return new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(30), random, CLOCK);
    }

    @Test
    @DisplayName("attempt n waits between half and all of min(cap, base * 2^(n-1))")
    void backoffRange() {
        RetryPolicy low = policy(b -> 0);
        RetryPolicy high = policy(b -> b - 1);
        long[] caps = {200, 400, 800, 1000, 1000};
        for (int n = 1; n <= 5; n++) {
            assertThat(low.delay(n, null)).hasValue(Duration.ofMillis(caps[n - 1] / 2));
            assertThat(high.delay(n, null)).hasValue(Duration.ofMillis(caps[n - 1]));
        }
        RetryPolicy real = policy(RetryPolicy.uniformJitter());
        for (int i = 0; i < 200; i++) {
            assertThat(real.delay(3, null).orElseThrow()).isBetween(Duration.ofMillis(400), Duration.ofMillis(800));
        }
    }

    @Test
    @DisplayName("Retry-After: seconds, HTTP dates (past ones mean now), unreadable values fall back to the backoff")
    void retryAfter() {
        RetryPolicy p = policy(b -> 0);
        assertThat(p.delay(1, "12")).hasValue(Duration.ofSeconds(12));
        assertThat(p.delay(1, "Sun, 01 Mar 2026 10:00:05 GMT")).hasValue(Duration.ofSeconds(5));
        assertThat(p.delay(1, "Sun, 01 Mar 2026 09:00:00 GMT")).hasValue(Duration.ZERO);
        assertThat(p.delay(1, "soon")).hasValue(Duration.ofMillis(100));
        assertThat(p.delay(1, "31")).as("longer than the limit: no retry").isEmpty();
        assertThat(RetryPolicy.retryableStatus(429)).isTrue();
        assertThat(RetryPolicy.retryableStatus(503)).isTrue();
        assertThat(RetryPolicy.retryableStatus(501)).isFalse();
        assertThat(RetryPolicy.retryableStatus(409)).isFalse();
    }
}
