package co.omegamax.platform.coordination;

import co.omegamax.platform.spi.ConfigurationException;
import co.omegamax.platform.spi.InvalidInputException;
import co.omegamax.platform.spi.PlatformConfig;
import java.time.Duration;

/**
 * Tunables of the coordination service.
 *
 * @param sessionTtl how long a session stays live after its last heartbeat (or registration); afterwards it is
 *                   reported as stale and its claims may be taken over by other sessions. 10 s .. 24 h.
 * @param intentTtl  how long an announced intent counts for overlap checks unless the announcement says
 *                   otherwise. 1 min .. 7 days.
 */
public record CoordinationSettings(Duration sessionTtl, Duration intentTtl) {
    /** Config key of the session TTL in seconds ({@code OMEGA_COORDINATION_SESSION_TTL_SECONDS}). */
    public static final String SESSION_TTL_SECONDS = "omega.coordination.session-ttl-seconds";
    /** Config key of the default intent TTL in minutes ({@code OMEGA_COORDINATION_INTENT_TTL_MINUTES}). */
    public static final String INTENT_TTL_MINUTES = "omega.coordination.intent-ttl-minutes";
    /** Default session TTL: 10 minutes. */
    public static final Duration DEFAULT_SESSION_TTL = Duration.ofMinutes(10);
    /** Default intent TTL: 1 hour. */
    public static final Duration DEFAULT_INTENT_TTL = Duration.ofHours(1);

    /** Checks the bounds. */
    public CoordinationSettings {
        if (sessionTtl == null || sessionTtl.compareTo(Duration.ofSeconds(10)) < 0
                || sessionTtl.compareTo(Duration.ofHours(24)) > 0) {
            throw new InvalidInputException("sessionTtl", "must be between 10 seconds and 24 hours, was " + sessionTtl);
        }
        if (intentTtl == null || intentTtl.compareTo(Duration.ofMinutes(1)) < 0
                || intentTtl.compareTo(Duration.ofDays(7)) > 0) {
            throw new InvalidInputException("intentTtl", "must be between 1 minute and 7 days, was " + intentTtl);
        }
    }

    /** @return the defaults (session TTL 10 min, intent TTL 1 h) */
    public static CoordinationSettings defaults() {
        return new CoordinationSettings(DEFAULT_SESSION_TTL, DEFAULT_INTENT_TTL);
    }

    /**
     * Reads {@value #SESSION_TTL_SECONDS} and {@value #INTENT_TTL_MINUTES}; unset keys keep their defaults.
     *
     * @throws ConfigurationException naming the key when a value is out of range
     */
    public static CoordinationSettings from(PlatformConfig config) {
        int ttl = config.getInt(SESSION_TTL_SECONDS, (int) DEFAULT_SESSION_TTL.toSeconds());
        int intent = config.getInt(INTENT_TTL_MINUTES, (int) DEFAULT_INTENT_TTL.toMinutes());
        try {
            return new CoordinationSettings(Duration.ofSeconds(ttl), Duration.ofMinutes(intent));
        } catch (InvalidInputException e) {
            throw new ConfigurationException("coordination settings are out of range (" + e.getMessage() + "); fix "
                    + SESSION_TTL_SECONDS + " (10..86400 seconds) or " + INTENT_TTL_MINUTES
                    + " (1..10080 minutes) in " + config.sourceOf(SESSION_TTL_SECONDS));
        }
    }
}
