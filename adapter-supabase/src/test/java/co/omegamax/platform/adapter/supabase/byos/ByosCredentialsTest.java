package co.omegamax.platform.adapter.supabase.byos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.omegamax.platform.adapter.supabase.byos.ByosCredentials.DatabaseConnection;
import co.omegamax.platform.adapter.supabase.byos.internal.CredentialsCodec;
import co.omegamax.platform.spi.InvalidInputException;
import org.junit.jupiter.api.Test;

class ByosCredentialsTest {
    @Test
    void acceptsHttpsAndLoopbackHttpOnly() {
        assertThat(ByosCredentials.of(" https://abcd.supabase.co/ ", "anon").supabaseUrl()).isEqualTo("https://abcd.supabase.co");
        assertThat(ByosCredentials.of("http://127.0.0.1:54321", "anon").restEndpoint()).isEqualTo("http://127.0.0.1:54321/rest/v1");
        assertThat(ByosCredentials.of("http://localhost:54321", "anon").supabaseUrl()).isEqualTo("http://localhost:54321");
        for (String bad : new String[] {"http://abcd.supabase.co", "ftp://127.0.0.1", "abcd.supabase.co", "https://u:p@abcd.supabase.co",
                "https://abcd.supabase.co?x=1", "https://exa mple.com", ""}) {
            assertThatThrownBy(() -> ByosCredentials.of(bad, "anon")).as(bad).isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("supabaseUrl"))
                    .hasMessageNotContaining("p@");
        }
    }

    @Test
    void rejectsMissingOrMultiLineKeysWithoutEchoingThem() {
        assertThatThrownBy(() -> ByosCredentials.of("https://a.supabase.co", " ")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("anonKey").hasMessageContaining("Project Settings");
        assertThatThrownBy(() -> ByosCredentials.of("https://a.supabase.co", "secret-part\nsecond")).isInstanceOf(InvalidInputException.class)
                .hasMessageNotContaining("secret-part");
    }

    @Test
    void databaseConnectionNeedsPostgresUrlAndKeepsThePasswordOutOfUrlAndText() {
        assertThatThrownBy(() -> new DatabaseConnection("jdbc:mysql://x/y", "postgres", "pw")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("jdbc:postgresql://");
        assertThatThrownBy(() -> new DatabaseConnection("jdbc:postgresql://x/y?password=hunter2", "postgres", "pw"))
                .isInstanceOf(InvalidInputException.class).hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> new DatabaseConnection("jdbc:postgresql://x/y", "postgres", "")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("database.password");
        DatabaseConnection db = new DatabaseConnection("jdbc:postgresql://db.x.supabase.co:5432/postgres?sslmode=require", "postgres", "pw-secret");
        ByosCredentials c = new ByosCredentials("https://x.supabase.co", "anon-secret", "service-secret", db);
        assertThat(c.toString()).doesNotContain("pw-secret", "anon-secret", "service-secret", "sslmode")
                .contains("https://x.supabase.co", "db.x.supabase.co:5432/postgres");
        assertThat(c.withDatabase(null).database()).isNull();
    }

    @Test
    void codecRoundTripsEveryFieldAndRejectsOtherJson() {
        DatabaseConnection db = new DatabaseConnection("jdbc:postgresql://db.x.supabase.co:5432/postgres", "postgres", "pw\"with'quotes");
        ByosCredentials full = new ByosCredentials("https://x.supabase.co", "anon", "service", db);
        assertThat(CredentialsCodec.decode(CredentialsCodec.encode(full))).contains(full);
        ByosCredentials minimal = ByosCredentials.of("https://x.supabase.co", "anon");
        assertThat(CredentialsCodec.decode(CredentialsCodec.encode(minimal))).contains(minimal);
        assertThat(CredentialsCodec.decode("{\"v\":2}".getBytes())).isEmpty();
        assertThat(CredentialsCodec.decode("{\"v\":1,\"url\":\"http://evil.example\",\"anon_key\":\"k\"}".getBytes())).isEmpty();
        assertThat(CredentialsCodec.decode("nope".getBytes())).isEmpty();
    }
}
