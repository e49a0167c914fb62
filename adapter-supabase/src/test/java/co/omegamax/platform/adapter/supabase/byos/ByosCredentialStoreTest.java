package co.omegamax.platform.adapter.supabase.byos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.omegamax.platform.adapter.supabase.SupabaseDataStore;
import co.omegamax.platform.adapter.supabase.SupabaseDataStoreSettings;
import co.omegamax.platform.adapter.supabase.byos.ByosCredentials.DatabaseConnection;
import co.omegamax.platform.adapter.supabase.byos.CredentialVaultException.Reason;
import co.omegamax.platform.adapter.supabase.gateway.LocalSupabase;
import co.omegamax.platform.spi.NotFoundException;
import co.omegamax.platform.spi.Plan;
import co.omegamax.platform.spi.UserAccountInput;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sealed credentials in user_accounts.settings of a real platform store (SupabaseDataStore on the local gateway). */
class ByosCredentialStoreTest {
    private static final ByosCredentials CREDENTIALS = new ByosCredentials("https://abcd.supabase.co",
            "anon-key-value-123", "service-role-value-456",
            new DatabaseConnection("jdbc:postgresql://db.abcd.supabase.co:5432/postgres", "postgres", "db-pass-789"));

    private SupabaseDataStore platform;
    private final String alice = "alice-" + UUID.randomUUID();
    private final String bob = "bob-" + UUID.randomUUID();
    private final byte[] key1 = key();
    private final byte[] key2 = key();

    private static byte[] key() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return k;
    }

    @BeforeEach
    void accounts() {
        LocalSupabase db = LocalSupabase.shared();
        platform = SupabaseDataStore.open(SupabaseDataStoreSettings.builder(db.url(), db.anonKey()).build(),
                db::accessTokenFor);
        platform.saveUserAccount(alice, new UserAccountInput(Plan.PRO, "LIC-1", Map.of("theme", "dark")));
        platform.saveUserAccount(bob, UserAccountInput.of(Plan.FREE));
    }

    @AfterEach
    void close() {
        platform.close();
    }

    private ByosCredentialStore store(byte[] current, byte[]... retired) {
        return new ByosCredentialStore(platform, new CredentialVault(new LocalMasterKeyProvider(current, List.of(retired))));
    }

    @Test
    void savesSealedNextToOtherSettingsAndLoadsBack() {
        ByosCredentialStore store = store(key1);
        assertThat(store.load(alice)).isEmpty();
        store.save(alice, CREDENTIALS);

        var account = platform.getUserAccount(alice).orElseThrow();
        assertThat(account.plan()).isEqualTo(Plan.PRO);
        assertThat(account.licenseKey()).isEqualTo("LIC-1");
        assertThat(account.settings()).containsEntry("theme", "dark");
        assertThat(account.settings().toString()).contains("https://abcd.supabase.co")
                .doesNotContain("anon-key-value-123", "service-role-value-456", "db-pass-789");
        assertThat(store.load(alice)).contains(CREDENTIALS);
        assertThat(store.storedUrl(alice)).contains("https://abcd.supabase.co");
        assertThat(store.load(bob)).isEmpty();
    }

    @Test
    void credentialsCopiedIntoAnotherAccountDoNotOpen() {
        ByosCredentialStore store = store(key1);
        store.save(alice, CREDENTIALS);
        Object entry = platform.getUserAccount(alice).orElseThrow().settings().get(ByosCredentialStore.SETTINGS_KEY);
        platform.saveUserAccount(bob, new UserAccountInput(Plan.FREE, null, Map.of(ByosCredentialStore.SETTINGS_KEY, entry)));

        assertThatThrownBy(() -> store.load(bob)).isInstanceOfSatisfying(CredentialVaultException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_OWNER)).hasMessageNotContaining("anon-key-value-123");
        assertThatThrownBy(() -> store.openDataStore(bob, uid -> "unused")).isInstanceOf(CredentialVaultException.class);
    }

    @Test
    void alteredCredentialsAreRefused() {
        ByosCredentialStore store = store(key1);
        store.save(alice, CREDENTIALS);
        Map<String, Object> settings = new LinkedHashMap<>(platform.getUserAccount(alice).orElseThrow().settings());
        @SuppressWarnings("unchecked")
        Map<String, Object> entry = new LinkedHashMap<>((Map<String, Object>) settings.get(ByosCredentialStore.SETTINGS_KEY));
        String sealed = (String) entry.get("sealed");
        int i = sealed.indexOf("\"ct\":\"") + 10;
        entry.put("sealed", sealed.substring(0, i) + (sealed.charAt(i) == 'A' ? 'B' : 'A') + sealed.substring(i + 1));
        settings.put(ByosCredentialStore.SETTINGS_KEY, entry);
        platform.saveUserAccount(alice, new UserAccountInput(Plan.PRO, "LIC-1", settings));

        assertThatThrownBy(() -> store.load(alice)).isInstanceOfSatisfying(CredentialVaultException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.TAMPERED));
    }

    @Test
    void afterARotationOldCredentialsOpenAndResealMovesThemToTheNewKey() {
        store(key1).save(alice, CREDENTIALS);
        ByosCredentialStore rotated = store(key2, key1);
        assertThat(rotated.load(alice)).contains(CREDENTIALS);
        assertThat(rotated.reseal(alice)).isTrue();
        assertThat(rotated.reseal(alice)).as("already on the current key").isFalse();
        assertThat(rotated.reseal(bob)).as("nothing stored").isFalse();
        assertThat(store(key2).load(alice)).as("the retired key is no longer needed").contains(CREDENTIALS);
        assertThatThrownBy(() -> store(key1).load(alice)).isInstanceOfSatisfying(CredentialVaultException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_KEY));
    }

    @Test
    void removeDeletesOnlyTheCredentials() {
        ByosCredentialStore store = store(key1);
        store.save(alice, CREDENTIALS);
        assertThat(store.remove(alice)).isTrue();
        assertThat(store.remove(alice)).isFalse();
        assertThat(store.load(alice)).isEmpty();
        assertThat(platform.getUserAccount(alice).orElseThrow().settings()).containsOnlyKeys("theme");
    }

    @Test
    void aUserWithoutAccountOrCredentialsGetsNotFound() {
        ByosCredentialStore store = store(key1);
        String nobody = "nobody-" + UUID.randomUUID();
        assertThatThrownBy(() -> store.save(nobody, CREDENTIALS)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining(nobody);
        assertThatThrownBy(() -> store.openDataStore(bob, uid -> "unused")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("stored Supabase credentials");
        assertThat(store.remove(nobody)).isFalse();
    }
}
