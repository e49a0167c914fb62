package co.omegamax.platform.adapter.supabase.byos;

import co.omegamax.platform.adapter.supabase.AccessTokenSource;
import co.omegamax.platform.adapter.supabase.SupabaseDataStore;
import co.omegamax.platform.adapter.supabase.byos.internal.CredentialsCodec;
import co.omegamax.platform.adapter.supabase.byos.internal.UserStores;
import co.omegamax.platform.spi.DataStore;
import co.omegamax.platform.spi.NotFoundException;
import co.omegamax.platform.spi.UserAccount;
import co.omegamax.platform.spi.UserAccountInput;
import co.omegamax.platform.spi.Validate;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps a user's bring-your-own-Supabase credentials on the managed platform (spec §5.6): sealed by a
 * {@link CredentialVault} (bound to the user id and purpose {@value #PURPOSE}) inside the user's
 * {@code user_accounts.settings} under {@value #SETTINGS_KEY}, through any {@link DataStore}. Only the sealed text
 * and the (non-secret) project URL are stored; other settings, the plan and the license key are kept as they are.
 *
 * <p>Saving is a read-modify-write of the settings: concurrent writers of the same account's settings may overwrite
 * each other.
 */
public final class ByosCredentialStore {
    /** Key in {@code user_accounts.settings}. */
    public static final String SETTINGS_KEY = "byos_supabase";
    /** Vault purpose the secrets are bound to. */
    public static final String PURPOSE = "byos.supabase";

    private final DataStore platform;
    private final CredentialVault vault;
    private final Clock clock;

    /** @param platform the managed platform's store; @param vault seals and opens the credentials */
    public ByosCredentialStore(DataStore platform, CredentialVault vault) {
        this(platform, vault, Clock.systemUTC());
    }

    /** @param platform the managed platform's store; @param vault the vault; @param clock stamps {@code stored_at} */
    public ByosCredentialStore(DataStore platform, CredentialVault vault, Clock clock) {
        this.platform = Validate.notNull("platform", platform);
        this.vault = Validate.notNull("vault", vault);
        this.clock = Validate.notNull("clock", clock);
    }

    /**
     * Seals and saves the credentials in the user's account settings (replacing earlier ones).
     *
     * @throws NotFoundException if the user has no account yet (create it at sign-up first)
     */
    public void save(String userId, ByosCredentials credentials) {
        Validate.userId(userId);
        Validate.notNull("credentials", credentials);
        UserAccount account = account(userId);
        byte[] plain = CredentialsCodec.encode(credentials);
        String sealed;
        try {
            sealed = vault.seal(userId, PURPOSE, plain);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("sealed", sealed);
        entry.put("supabase_url", credentials.supabaseUrl());
        entry.put("stored_at", clock.instant().toString());
        Map<String, Object> settings = new LinkedHashMap<>(account.settings());
        settings.put(SETTINGS_KEY, entry);
        platform.saveUserAccount(userId, new UserAccountInput(account.plan(), account.licenseKey(), settings));
    }

    /**
     * @return the user's credentials, or empty if none are stored
     * @throws CredentialVaultException if stored ones cannot be opened (altered, moved from another account, unknown
     *                                  master key); nothing is returned then
     */
    public Optional<ByosCredentials> load(String userId) {
        Validate.userId(userId);
        Optional<String> sealed = sealedText(userId);
        if (sealed.isEmpty()) {
            return Optional.empty();
        }
        byte[] plain = vault.open(userId, PURPOSE, sealed.get());
        try {
            return Optional.of(CredentialsCodec.decode(plain).orElseThrow(() -> new CredentialVaultException(
                    CredentialVaultException.Reason.MALFORMED, "the stored Supabase credentials of user '" + userId
                    + "' opened but are not in a format this version reads; enter them again")));
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** @return the non-secret project URL of the stored credentials, without opening them */
    public Optional<String> storedUrl(String userId) {
        Validate.userId(userId);
        return entry(userId).map(e -> e.get("supabase_url")).filter(String.class::isInstance).map(String.class::cast);
    }

    /** Re-seals the stored credentials under the current master key (after a rotation). @return true if re-sealed */
    public boolean reseal(String userId) {
        Optional<String> sealed = sealedText(Validate.userId(userId));
        if (sealed.isEmpty() || !vault.needsReseal(sealed.get())) {
            return false;
        }
        save(userId, load(userId).orElseThrow());
        return true;
    }

    /**
     * Opens the {@link SupabaseDataStore} on the user's own Supabase from the stored credentials (spec §5.6: "all
     * subsequent data queries for that user create a SupabaseStore with the user's credentials"). It uses the URL and
     * anon key only; the service-role key, even if stored, is never used. Data calls act as users of that project's
     * own Supabase Auth, whose access tokens {@code tokens} supplies.
     *
     * @param platformUserId the user on the managed platform whose credentials to use
     * @param tokens         access tokens of the project's signed-in users (e.g. {@code SupabaseSessionTokens})
     * @throws NotFoundException        if the user has stored no credentials
     * @throws CredentialVaultException if they cannot be opened
     */
    public SupabaseDataStore openDataStore(String platformUserId, AccessTokenSource tokens) {
        Validate.notNull("tokens", tokens);
        ByosCredentials c = load(platformUserId).orElseThrow(() -> new NotFoundException("stored Supabase"
                + " credentials of user", platformUserId));
        return UserStores.open(c, tokens);
    }

    /** Removes the stored credentials. @return true if there were any */
    public boolean remove(String userId) {
        Validate.userId(userId);
        Optional<UserAccount> account = platform.getUserAccount(userId);
        if (account.isEmpty() || !account.get().settings().containsKey(SETTINGS_KEY)) {
            return false;
        }
        Map<String, Object> settings = new LinkedHashMap<>(account.get().settings());
        settings.remove(SETTINGS_KEY);
        platform.saveUserAccount(userId, new UserAccountInput(account.get().plan(), account.get().licenseKey(), settings));
        return true;
    }

    private UserAccount account(String userId) {
        return platform.getUserAccount(userId).orElseThrow(() -> new NotFoundException("user account", userId));
    }

    private Optional<Map<?, ?>> entry(String userId) {
        return platform.getUserAccount(userId).map(a -> a.settings().get(SETTINGS_KEY))
                .filter(Map.class::isInstance).map(m -> (Map<?, ?>) m);
    }

    private Optional<String> sealedText(String userId) {
        return entry(userId).map(e -> e.get("sealed")).filter(String.class::isInstance).map(String.class::cast);
    }

    @Override
    public String toString() {
        return "ByosCredentialStore[" + Objects.toString(platform.getClass().getSimpleName()) + "]";
    }
}
