package co.omegamax.platform.adapter.supabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.omegamax.platform.adapter.supabase.auth.SupabaseSession;
import co.omegamax.platform.spi.AuthFailureReason;
import co.omegamax.platform.spi.AuthSession;
import co.omegamax.platform.spi.AuthUser;
import co.omegamax.platform.spi.AuthenticationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Signed-in sessions as a token source: refresh near expiry, single-use refresh tokens, unknown users. */
class SupabaseSessionTokensTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private final List<String> refreshed = new ArrayList<>();

    private static SupabaseSession session(String user, String token, Instant expires, String refresh) {
        return new SupabaseSession(new AuthSession(new AuthUser(user, user + "@x.io", null, null), token, expires), refresh);
    }

    private SupabaseSessionTokens tokens(Instant now, String renewedUser) {
        return new SupabaseSessionTokens(rt -> {
            refreshed.add(rt);
            return session(renewedUser, "access-" + (refreshed.size() + 1), now.plusSeconds(3600), "refresh-" + (refreshed.size() + 1));
        }, Duration.ofSeconds(60), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    @DisplayName("a fresh session's token is returned as is; one expiring within the margin is refreshed once")
    void refreshNearExpiry() {
        SupabaseSessionTokens t = tokens(NOW, "user-a");
        assertThat(t.add(session("user-a", "access-1", NOW.plusSeconds(61), "refresh-1"))).isEqualTo("user-a");
        assertThat(t.accessToken("user-a")).isEqualTo("access-1");
        assertThat(refreshed).isEmpty();
        t.add(session("user-a", "access-1", NOW.plusSeconds(59), "refresh-1"));
        assertThat(t.accessToken("user-a")).isEqualTo("access-2");
        assertThat(t.accessToken("user-a")).as("the renewed session is kept").isEqualTo("access-2");
        assertThat(refreshed).containsExactly("refresh-1");
        assertThat(t.toString()).doesNotContain("access-2").doesNotContain("refresh");
    }

    @Test
    @DisplayName("unknown users, expired sessions without refresh token and refreshes to another user are refused")
    void refusals() {
        SupabaseSessionTokens t = tokens(NOW, "user-b");
        assertThatThrownBy(() -> t.accessToken("user-a")).isInstanceOf(AuthenticationException.class)
                .satisfies(e -> assertThat(((AuthenticationException) e).reason()).isEqualTo(AuthFailureReason.MISSING_TOKEN));
        t.add(session("user-a", "access-1", NOW.minusSeconds(1), null));
        assertThatThrownBy(() -> t.accessToken("user-a")).isInstanceOf(AuthenticationException.class)
                .satisfies(e -> assertThat(((AuthenticationException) e).reason()).isEqualTo(AuthFailureReason.EXPIRED));
        t.add(session("user-a", "access-1", NOW.minusSeconds(1), "refresh-1"));
        assertThatThrownBy(() -> t.accessToken("user-a")).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("another user");
        t.remove("user-a");
        assertThatThrownBy(() -> t.accessToken("user-a")).isInstanceOf(AuthenticationException.class);
    }
}
