package co.omegamax.platform.adapter.supabase;

import co.omegamax.platform.adapter.supabase.auth.SupabaseAuthProvider;
import co.omegamax.platform.adapter.supabase.auth.SupabaseSession;
import co.omegamax.platform.spi.AuthFailureReason;
import co.omegamax.platform.spi.AuthenticationException;
import co.omegamax.platform.spi.Credentials;
import co.omegamax.platform.spi.Validate;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@link AccessTokenSource} over signed-in Supabase sessions: {@link #add} a session (from
 * {@link SupabaseAuthProvider#signInWithRefresh}), and each {@link #accessToken} call returns that user's access
 * token, refreshing the session first when it expires within the refresh margin (default 60 s). Supabase refresh
 * tokens are single-use, so refreshes of one user are serialised. Thread-safe; tokens never appear in
 * {@link #toString()} or messages.
 */
public final class SupabaseSessionTokens implements AccessTokenSource {
    /** Default: refresh a session that expires within this time. */
    public static final Duration DEFAULT_REFRESH_MARGIN = Duration.ofSeconds(60);

    /** Exchanges a refresh token for a new session (Supabase's {@code grant_type=refresh_token}). */
    @FunctionalInterface
    public interface Refresher {
        /** @return the new session; @throws AuthenticationException if the refresh token is refused */
        SupabaseSession refresh(String refreshToken);
    }

    private final Refresher refresher;
    private final Duration margin;
    private final Clock clock;
    private final Map<String, SupabaseSession> sessions = new ConcurrentHashMap<>();

    /**
     * @param refresher exchanges refresh tokens
     * @param margin    refresh when the access token expires within this time (0..1 h)
     * @param clock     time source
     */
    public SupabaseSessionTokens(Refresher refresher, Duration margin, Clock clock) {
        this.refresher = Validate.notNull("refresher", refresher);
        Validate.notNull("margin", margin);
        if (margin.isNegative() || margin.compareTo(Duration.ofHours(1)) > 0) {
            throw new co.omegamax.platform.spi.InvalidInputException("margin", "must be between 0 and 1 hour");
        }
        this.margin = margin;
        this.clock = Validate.notNull("clock", clock);
    }

    /** @return tokens refreshed through Supabase Auth with the default margin */
    public static SupabaseSessionTokens refreshingWith(SupabaseAuthProvider auth) {
        Validate.notNull("auth", auth);
        return new SupabaseSessionTokens(rt -> auth.signInWithRefresh(new Credentials.Token(rt)), DEFAULT_REFRESH_MARGIN,
                Clock.systemUTC());
    }

    /** Adds (or replaces) the session of its user. @return the user id */
    public String add(SupabaseSession session) {
        Validate.notNull("session", session);
        String userId = session.session().user().id();
        sessions.put(userId, session);
        return userId;
    }

    /** Forgets a user's session (after sign-out). */
    public void remove(String userId) {
        sessions.remove(Validate.userId(userId));
    }

    @Override
    public String accessToken(String userId) {
        Validate.userId(userId);
        SupabaseSession current = sessions.computeIfPresent(userId, (id, s) -> fresh(id, s));
        if (current == null) {
            throw new AuthenticationException(AuthFailureReason.MISSING_TOKEN, "user '" + userId + "' has no signed-in"
                    + " Supabase session; sign in (SupabaseAuthProvider.signInWithRefresh) and add the session first");
        }
        return current.session().accessToken();
    }

    private SupabaseSession fresh(String userId, SupabaseSession s) {
        if (clock.instant().plus(margin).isBefore(s.session().expiresAt())) {
            return s;
        }
        if (s.refreshToken() == null) {
            throw new AuthenticationException(AuthFailureReason.EXPIRED, "the Supabase session of user '" + userId
                    + "' expires at " + s.session().expiresAt() + " and has no refresh token; sign in again");
        }
        SupabaseSession renewed = refresher.refresh(s.refreshToken());
        if (!renewed.session().user().id().equals(userId)) {
            throw new AuthenticationException(AuthFailureReason.INVALID_CREDENTIALS, "refreshing the session of user '"
                    + userId + "' returned another user's session; sign in again");
        }
        return renewed;
    }

    @Override
    public String toString() {
        return "SupabaseSessionTokens[users=" + sessions.size() + ", margin=" + margin + "]";
    }
}
