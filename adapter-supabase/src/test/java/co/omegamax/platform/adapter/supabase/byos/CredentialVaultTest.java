package co.omegamax.platform.adapter.supabase.byos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.omegamax.platform.adapter.supabase.byos.CredentialVaultException.Reason;
import co.omegamax.platform.spi.ConfigurationException;
import co.omegamax.platform.spi.InvalidInputException;
import co.omegamax.platform.tck.SecretCapture;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialVaultTest {
    private static final String SECRET = "anon-key-eyJhbGciOi.super-secret-value";
    private static final byte[] PLAIN = SECRET.getBytes(StandardCharsets.UTF_8);

    private static byte[] key() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return k;
    }

    private static String b64(byte[] k) {
        return Base64.getEncoder().encodeToString(k);
    }

    private static CredentialVault vault(byte[] current, byte[]... retired) {
        return new CredentialVault(new LocalMasterKeyProvider(current, List.of(retired)));
    }

    @Test
    void roundTripUsesAFreshDataKeyAndIvEveryTime() throws Exception {
        CredentialVault v = vault(key());
        String a = v.seal("user-a", "byos.supabase", PLAIN);
        String b = v.seal("user-a", "byos.supabase", PLAIN);

        assertThat(v.open("user-a", "byos.supabase", a)).isEqualTo(PLAIN);
        assertThat(v.open("user-a", "byos.supabase", b)).isEqualTo(PLAIN);
        assertThat(a).isNotEqualTo(b).doesNotContain(SECRET).doesNotContain("user-a");
        Map<String, Object> ja = JSONObjectUtils.parse(a);
        Map<String, Object> jb = JSONObjectUtils.parse(b);
        assertThat(ja).containsEntry("omega_sealed", 1L).containsEntry("alg", "A256GCM")
                .containsKeys("kid", "owner", "wk", "ct");
        assertThat(ja.get("wk")).isNotEqualTo(jb.get("wk"));
        // 12-byte IV + payload + 16-byte tag
        assertThat(Base64.getUrlDecoder().decode((String) ja.get("ct"))).hasSize(12 + PLAIN.length + 16);
    }

    @Test
    void anyChangedByteIsRefusedWithoutPlaintext() throws Exception {
        CredentialVault v = vault(key());
        String sealed = v.seal("user-a", "byos.supabase", PLAIN);
        for (String field : List.of("ct", "wk")) {
            Map<String, Object> m = new HashMap<>(JSONObjectUtils.parse(sealed));
            byte[] bytes = Base64.getUrlDecoder().decode((String) m.get(field));
            for (int i : new int[] {0, bytes.length / 2, bytes.length - 1}) {
                byte[] copy = bytes.clone();
                copy[i] ^= 0x01;
                m.put(field, Base64.getUrlEncoder().withoutPadding().encodeToString(copy));
                String tampered = JSONObjectUtils.toJSONString(m);
                assertThatThrownBy(() -> v.open("user-a", "byos.supabase", tampered))
                        .isInstanceOfSatisfying(CredentialVaultException.class,
                                e -> assertThat(e.reason()).isEqualTo(Reason.TAMPERED))
                        .hasMessageContaining("enter the credentials again")
                        .hasMessageNotContaining(SECRET);
            }
        }
        Map<String, Object> m = new HashMap<>(JSONObjectUtils.parse(sealed));
        byte[] ct = Base64.getUrlDecoder().decode((String) m.get("ct"));
        m.put("ct", Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(ct, ct.length - 1)));
        assertThatThrownBy(() -> v.open("user-a", "byos.supabase", JSONObjectUtils.toJSONString(m)))
                .isInstanceOfSatisfying(CredentialVaultException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TAMPERED));
    }

    @Test
    void malformedAndFutureVersionsAreTyped() {
        CredentialVault v = vault(key());
        String sealed = v.seal("user-a", "byos.supabase", PLAIN);
        assertThatThrownBy(() -> v.open("user-a", "byos.supabase", "not json"))
                .isInstanceOfSatisfying(CredentialVaultException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED))
                .hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> v.open("user-a", "byos.supabase", sealed.replace("\"omega_sealed\":1", "\"omega_sealed\":2")))
                .isInstanceOfSatisfying(CredentialVaultException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_VERSION))
                .hasMessageContaining("version 2");
        assertThatThrownBy(() -> v.open("user-a", "byos.supabase", sealed.replaceAll("\"wk\":\"[^\"]*\",?", "")))
                .isInstanceOfSatisfying(CredentialVaultException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED))
                .hasMessageContaining("\"wk\"");
    }

    @Test
    void aBlobMovedToAnotherUserOrPurposeDoesNotOpen() throws Exception {
        CredentialVault v = vault(key());
        String sealed = v.seal("user-a", "byos.supabase", PLAIN);
        assertThatThrownBy(() -> v.open("user-b", "byos.supabase", sealed))
                .isInstanceOfSatisfying(CredentialVaultException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_OWNER))
                .hasMessageContaining("another user");
        assertThatThrownBy(() -> v.open("user-a", "other.purpose", sealed))
                .isInstanceOfSatisfying(CredentialVaultException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_OWNER));

        // forging the owner fingerprint does not help: the AES-GCM associated data still differs
        String forOther = v.seal("user-b", "byos.supabase", "x".getBytes(StandardCharsets.UTF_8));
        Map<String, Object> m = new HashMap<>(JSONObjectUtils.parse(sealed));
        m.put("owner", JSONObjectUtils.parse(forOther).get("owner"));
        assertThatThrownBy(() -> v.open("user-b", "byos.supabase", JSONObjectUtils.toJSONString(m)))
                .isInstanceOfSatisfying(CredentialVaultException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TAMPERED));
    }

    @Test
    void wrongMasterKeyIsAnUnknownKeyAndNeverOpens() {
        String sealed = vault(key()).seal("user-a", "byos.supabase", PLAIN);
        CredentialVault other = vault(key());
        assertThatThrownBy(() -> other.open("user-a", "byos.supabase", sealed))
                .isInstanceOfSatisfying(CredentialVaultException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_KEY))
                .hasMessageContaining("retired key");
    }

    @Test
    void aKeyClaimingAnotherKeysIdFailsAuthentication() {
        byte[] k1 = key();
        byte[] k2 = key();
        CredentialVault v1 = vault(k1);
        String sealed = v1.seal("user-a", "byos.supabase", PLAIN);
        // a provider that reports k1's id but holds k2 (misconfigured KMS alias)
        LocalMasterKeyProvider real = new LocalMasterKeyProvider(k2, List.of());
        MasterKeyProvider liar = new MasterKeyProvider() {
            public String currentKeyId() {
                return LocalMasterKeyProvider.keyIdOf(k1);
            }

            public WrappedKey wrap(byte[] dataKey, byte[] aad) {
                throw new UnsupportedOperationException();
            }

            public byte[] unwrap(String keyId, byte[] wrapped, byte[] aad) {
                return real.unwrap(real.currentKeyId(), wrapped, aad);
            }
        };
        assertThatThrownBy(() -> new CredentialVault(liar).open("user-a", "byos.supabase", sealed))
                .isInstanceOfSatisfying(CredentialVaultException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TAMPERED));
    }

    @Test
    void rotationKeepsOldSecretsOpenAndResealMovesThemToTheNewKey() {
        byte[] old = key();
        byte[] fresh = key();
        String before = vault(old).seal("user-a", "byos.supabase", PLAIN);

        Map<String, String> env = Map.of("OMEGA_MASTER_KEY", b64(fresh), "OMEGA_MASTER_KEY_RETIRED", " " + b64(old) + " ");
        EnvironmentMasterKeyProvider provider = new EnvironmentMasterKeyProvider("OMEGA_MASTER_KEY", env::get);
        CredentialVault rotated = new CredentialVault(provider);
        assertThat(provider.knownKeyIds()).containsExactly(LocalMasterKeyProvider.keyIdOf(fresh),
                LocalMasterKeyProvider.keyIdOf(old));
        assertThat(rotated.keyIdOf(before)).isEqualTo(LocalMasterKeyProvider.keyIdOf(old));
        assertThat(rotated.needsReseal(before)).isTrue();
        assertThat(rotated.open("user-a", "byos.supabase", before)).isEqualTo(PLAIN);

        String after = rotated.reseal("user-a", "byos.supabase", before);
        assertThat(rotated.keyIdOf(after)).isEqualTo(provider.currentKeyId());
        assertThat(rotated.needsReseal(after)).isFalse();
        // once the old key is dropped, the resealed secret still opens and the old one does not
        CredentialVault onlyNew = vault(fresh);
        assertThat(onlyNew.open("user-a", "byos.supabase", after)).isEqualTo(PLAIN);
        assertThatThrownBy(() -> onlyNew.open("user-a", "byos.supabase", before))
                .isInstanceOfSatisfying(CredentialVaultException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_KEY));
    }

    @Test
    void environmentProviderExplainsMissingAndBadKeysWithoutPrintingThem() {
        assertThatThrownBy(() -> new EnvironmentMasterKeyProvider("OMEGA_MASTER_KEY", name -> null))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("OMEGA_MASTER_KEY is not set").hasMessageContaining("openssl rand -base64 32");
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> new EnvironmentMasterKeyProvider("OMEGA_MASTER_KEY", Map.of("OMEGA_MASTER_KEY", shortKey)::get))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("decodes to 16 bytes").hasMessageContaining("exactly 32")
                .hasMessageNotContaining(shortKey);
        assertThatThrownBy(() -> new EnvironmentMasterKeyProvider("OMEGA_MASTER_KEY", Map.of("OMEGA_MASTER_KEY", "s3cr3t!pass word")::get))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("not valid base64").hasMessageNotContaining("s3cr3t");
        assertThatThrownBy(() -> new EnvironmentMasterKeyProvider("MY_KEY", Map.of("MY_KEY", b64(key()),
                "MY_KEY_RETIRED", b64(key()) + ",AAAA")::get))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("MY_KEY_RETIRED (entry 2)");
        assertThatThrownBy(() -> new EnvironmentMasterKeyProvider("not a name", name -> null))
                .isInstanceOf(ConfigurationException.class);
    }

    @Test
    void badArgumentsAreInvalidInput() {
        CredentialVault v = vault(key());
        assertThatThrownBy(() -> v.seal(" ", "byos.supabase", PLAIN)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> v.seal("user-a", "Bad Purpose", PLAIN)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("purpose");
        assertThatThrownBy(() -> v.seal("user-a", "byos.supabase", null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new LocalMasterKeyProvider(new byte[31], List.of())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("32 bytes");
    }

    @Test
    void noKeyOrPlaintextInMessagesOrLogs() {
        byte[] master = key();
        String masterB64 = b64(master);
        try (SecretCapture capture = SecretCapture.start()) {
            CredentialVault v = new CredentialVault(new EnvironmentMasterKeyProvider("OMEGA_MASTER_KEY",
                    Map.of("OMEGA_MASTER_KEY", masterB64)::get));
            String sealed = v.seal("user-a", "byos.supabase", PLAIN);
            StringBuilder messages = new StringBuilder(v.toString());
            for (String attempt : List.of(sealed.replace("\"ct\":\"", "\"ct\":\"AB"), "{}", sealed)) {
                for (String user : List.of("user-a", "user-b")) {
                    try {
                        v.open(user, "byos.supabase", attempt);
                    } catch (RuntimeException e) {
                        messages.append(e).append(e.getCause());
                    }
                }
            }
            String all = messages + capture.text();
            assertThat(all).doesNotContain(SECRET).doesNotContain(masterB64)
                    .doesNotContain(Base64.getUrlEncoder().withoutPadding().encodeToString(master));
            assertThat(messages).contains("failed authentication").contains("another user");
        }
    }
}
