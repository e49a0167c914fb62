package co.omegamax.platform.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkspaceKeysTest {
    @Test
    void generatedKeysHaveThePrefixFortyBase62CharactersAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        int[] counts = new int[128];
        for (int i = 0; i < 2000; i++) {
            String k = WorkspaceKeys.generate();
            assertThat(k).matches("omk_live_[0-9A-Za-z]{40}");
            assertThat(WorkspaceKeys.isWellFormed(k)).isTrue();
            assertThat(seen.add(k)).isTrue();
            for (char c : k.substring(9).toCharArray()) {
                counts[c]++;
            }
        }
        // every base62 character shows up (80 000 draws, ~1290 expected each)
        for (char c : "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray()) {
            assertThat(counts[c]).as("count of %s", c).isBetween(1000, 1600);
        }
    }

    @Test
    void hashingAndComparison() {
        String k = WorkspaceKeys.generate();
        String h = WorkspaceKeys.hash(k);
        assertThat(h).hasSize(64).isLowerCase().doesNotContain(k.substring(9));
        assertThat(WorkspaceKeys.hashesEqual(h, WorkspaceKeys.hash(k))).isTrue();
        assertThat(WorkspaceKeys.hashesEqual(h, WorkspaceKeys.hash(WorkspaceKeys.generate()))).isFalse();
        assertThat(WorkspaceKeys.hashesEqual(h, null)).isFalse();
        assertThat(WorkspaceKeys.lastFour(k)).isEqualTo(k.substring(k.length() - 4));
        assertThat(WorkspaceKeys.isWellFormed("omk_live_short")).isFalse();
        assertThat(WorkspaceKeys.isWellFormed("omk_test_" + k.substring(9))).isFalse();
    }

    @Test
    void keysComeFromBearerHeaderOrConfig() {
        String k = WorkspaceKeys.generate();
        assertThat(WorkspaceKeys.fromRequest(AuthRequest.builder().bearer(k).build())).contains(k);
        assertThat(WorkspaceKeys.fromRequest(AuthRequest.builder().header("x-omega-workspace-key", k).build())).contains(k);
        assertThat(WorkspaceKeys.fromRequest(AuthRequest.builder().bearer("eyJhbGciOi.x.y").build())).isEmpty();
        PlatformConfig config = PlatformConfig.builder().environment(Map.of("OMEGA_WORKSPACE_KEY", k)).build();
        assertThat(WorkspaceKeys.fromConfig(config)).contains(k);
        assertThat(config.toString()).doesNotContain(k);
        NewWorkspaceKey created = new NewWorkspaceKey(new WorkspaceKey("id", "u", "w", "n", WorkspaceKeys.PREFIX,
                WorkspaceKeys.lastFour(k), java.time.Instant.EPOCH, null), k);
        assertThat(created.toString()).doesNotContain(k);
    }

    @Test
    void authenticationExceptionCarriesAReason() {
        assertThat(new AuthenticationException("x").reason()).isEqualTo(AuthFailureReason.OTHER);
        assertThat(new AuthenticationException(AuthFailureReason.EXPIRED, "x").reason()).isEqualTo(AuthFailureReason.EXPIRED);
    }
}
