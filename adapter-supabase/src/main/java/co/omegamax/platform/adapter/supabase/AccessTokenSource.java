package co.omegamax.platform.adapter.supabase;

/**
 * Where {@link SupabaseDataStore} gets the access token it sends for a user: the acting user id of a DataStore call
 * goes in, a current Supabase access token (a JWT whose {@code sub} is that user) comes out. The store refuses a token
 * whose {@code sub} is another user, so a caller can never act as someone else; Supabase then applies its row-level
 * security policies to that user. The service-role key is never a valid answer.
 *
 * <p>{@link SupabaseSessionTokens} keeps signed-in sessions and refreshes them before they expire.
 */
@FunctionalInterface
public interface AccessTokenSource {
    /**
     * @param userId the acting user (already validated)
     * @return a current access token of that user
     * @throws co.omegamax.platform.spi.AuthenticationException if the user is not signed in or the session cannot
     *     be refreshed
     */
    String accessToken(String userId);
}
