package co.omegamax.platform.adapter.supabase.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When and how long to wait before repeating an idempotent PostgREST call: on HTTP 429, 500, 502, 503, 504 and I/O
 * errors, at most {@code maxRetries} times, waiting {@code Retry-After} when the server sends one (seconds or an HTTP
 * date, up to {@code maxRetryAfter}; a longer wish ends the retries) and otherwise an exponential backoff with jitter:
 * attempt n waits between half and all of {@code min(maxDelay, baseDelay * 2^n)}.
 *
 * @param maxRetries    retries after the first attempt (0 disables retrying)
 * @param baseDelay     backoff of the first retry
 * @param maxDelay      cap of the exponential backoff
 * @param maxRetryAfter longest Retry-After that is honoured
 * @param random        source of jitter: returns a value in [0, bound) for a bound
 * @param clock         time source (for HTTP-date Retry-After values)
 */
public record RetryPolicy(int maxRetries, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter,
                          java.util.function.LongUnaryOperator random, Clock clock) {

    /** @return whether an answer with this status may be retried (for idempotent calls) */
    public static boolean retryableStatus(int status) {
        return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
    }

    /**
     * @param retry      the retry about to happen, 1 for the first
     * @param retryAfter the answer's Retry-After header, or null
     * @return how long to wait, or empty if the server asks for a longer wait than {@code maxRetryAfter}
     */
    public Optional<Duration> delay(int retry, String retryAfter) {
        Optional<Duration> asked = parseRetryAfter(retryAfter);
        if (asked.isPresent()) {
            return asked.get().compareTo(maxRetryAfter) <= 0 ? asked : Optional.empty();
        }
        long base = Math.max(1, baseDelay.toMillis());
        long exp = retry >= 30 ? Long.MAX_VALUE : base << Math.min(retry - 1, 30);
        long cap = Math.min(maxDelay.toMillis(), exp < 0 ? Long.MAX_VALUE : exp);
        long half = cap / 2;
        return Optional.of(Duration.ofMillis(half + random.applyAsLong(cap - half + 1)));
    }

    /** @return the wait a Retry-After value asks for (delta-seconds or an HTTP date), or empty if absent or unreadable */
    public Optional<Duration> parseRetryAfter(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(clock.instant(), at.toInstant());
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    /** @return a uniform jitter source in [0, bound) */
    public static java.util.function.LongUnaryOperator uniformJitter() {
        return bound -> bound <= 1 ? 0 : java.util.concurrent.ThreadLocalRandom.current().nextLong(bound);
    }
}
