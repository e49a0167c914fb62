package co.omegamax.platform.adapter.supabase.auth;

import co.omegamax.platform.spi.AuthSession;
import java.util.Objects;

/**
 * A Supabase session: the verified access token and the refresh token GoTrue issued with it.
 *
 * @param session      user, access token and expiry
 * @param refreshToken refresh token, or null; never printed by {@link #toString()}
 */
public record SupabaseSession(AuthSession session, String refreshToken) {
    /** Checks the components. */
    public SupabaseSession {
        Objects.requireNonNull(session, "session");
    }

    @Override
    public String toString() {
        return "SupabaseSession[session=" + session + ", refreshToken=" + (refreshToken == null ? "none" : "***") + "]";
    }
}
