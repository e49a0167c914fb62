package co.omegamax.platform.sync;

import static org.assertj.core.api.Assertions.assertThat;

import co.omegamax.platform.sync.internal.Backoff;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Exponential growth, the cap, and the jitter band of the retry waits. */
class BackoffTest {
    @Test
    void doublesPerFailureUpToTheCapWithJitterBetweenHalfAndFull() {
        Backoff full = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), () -> 0.999_999);
        Backoff half = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), () -> 0.0);
        assertThat(full.delay(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(full.delay(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(full.delay(4)).isEqualTo(Duration.ofMillis(800));
        assertThat(full.delay(10)).isEqualTo(Duration.ofSeconds(5));
        assertThat(full.delay(1_000)).isEqualTo(Duration.ofSeconds(5));
        assertThat(half.delay(3)).isEqualTo(Duration.ofMillis(200));
        assertThat(half.delay(0)).isEqualTo(Duration.ofMillis(50));
    }
}
