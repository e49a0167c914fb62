package co.omegamax.platform.adapter.supabase;

import co.omegamax.platform.adapter.supabase.auth.SupabaseAuthProvider;
import co.omegamax.platform.adapter.supabase.auth.SupabaseAuthSettings;
import co.omegamax.platform.adapter.supabase.auth.SupabaseSession;
import co.omegamax.platform.spi.AuthenticationException;
import co.omegamax.platform.spi.ConfigurationException;
import co.omegamax.platform.spi.Credentials;
import co.omegamax.platform.spi.DataStore;
import co.omegamax.platform.spi.DataStoreProvider;
import co.omegamax.platform.spi.PlatformConfig;
import java.util.Optional;

/**
 * The {@code supabase} {@link DataStoreProvider} ({@code omega.datastore=supabase}), registered through
 * ServiceLoader. Project settings come from {@code omega.supabase.*} (see {@link SupabaseDataStoreSettings}); the
 * store acts as the user who signs in with one of:
 *
 * <pre>
 * omega.supabase.refresh-token   a Supabase refresh token (preferred: the session is refreshed before it expires)
 * omega.supabase.email           with omega.supabase.password: password sign-in at start-up
 * </pre>
 * Sign-in goes through {@link SupabaseAuthProvider} (tokens verified against the project's keys). For several users
 * (a server), build the store in code with {@link SupabaseDataStore#open} and a {@link SupabaseSessionTokens}.
 * Secrets never appear in messages.
 */
public final class SupabaseDataStoreProvider implements DataStoreProvider {
    /** Provider name for {@code omega.datastore}. */
    public static final String NAME = "supabase";
    /** A refresh token of the user the store acts as. */
    public static final String REFRESH_TOKEN = SupabaseDataStoreSettings.PREFIX + "refresh-token";
    /** E-mail of the user the store acts as (with {@link #PASSWORD}). */
    public static final String EMAIL = SupabaseDataStoreSettings.PREFIX + "email";
    /** Password of that user. */
    public static final String PASSWORD = SupabaseDataStoreSettings.PREFIX + "password";

    /** ServiceLoader constructor. */
    public SupabaseDataStoreProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void validate(PlatformConfig config) {
        SupabaseDataStoreSettings.from(config);
        SupabaseAuthSettings.from(config);
        credentials(config);
    }

    @Override
    public DataStore create(PlatformConfig config) {
        SupabaseDataStoreSettings settings = SupabaseDataStoreSettings.from(config);
        Credentials credentials = credentials(config);
        SupabaseAuthProvider auth = SupabaseAuthProvider.create(SupabaseAuthSettings.from(config));
        SupabaseSession session;
        try {
            session = auth.signInWithRefresh(credentials);
        } catch (AuthenticationException e) {
            auth.close();
            throw new AuthenticationException(e.reason(), "the supabase datastore could not sign in: " + e.getMessage()
                    + " (check " + (credentials instanceof Credentials.Token ? REFRESH_TOKEN : EMAIL + " / " + PASSWORD)
                    + ")", e);
        }
        SupabaseSessionTokens tokens = SupabaseSessionTokens.refreshingWith(auth);
        tokens.add(session);
        return SupabaseDataStore.open(settings, tokens).closing(auth);
    }

    private static Credentials credentials(PlatformConfig config) {
        Optional<String> refresh = config.get(REFRESH_TOKEN);
        if (refresh.isPresent()) {
            return new Credentials.Token(refresh.get());
        }
        Optional<String> email = config.get(EMAIL);
        Optional<String> password = config.get(PASSWORD);
        if (email.isPresent() && password.isPresent()) {
            return new Credentials.Password(email.get(), password.get());
        }
        throw new ConfigurationException("the supabase datastore acts as a signed-in user: set " + REFRESH_TOKEN
                + " (a Supabase refresh token), or " + EMAIL + " and " + PASSWORD + "; "
                + PlatformConfig.howToSet(REFRESH_TOKEN) + ". In code, pass an AccessTokenSource to SupabaseDataStore.open");
    }
}
