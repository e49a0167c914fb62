package co.omegamax.platform.adapter.supabase.internal;

import static org.assertj.core.api.Assertions.assertThat;

import co.omegamax.platform.adapter.supabase.PermissionDeniedException;
import co.omegamax.platform.spi.AuthFailureReason;
import co.omegamax.platform.spi.AuthenticationException;
import co.omegamax.platform.spi.ConflictException;
import co.omegamax.platform.spi.DataStoreException;
import co.omegamax.platform.spi.InvalidInputException;
import co.omegamax.platform.spi.NotFoundException;
import co.omegamax.platform.spi.PlatformException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** PostgREST error codes and SQLSTATEs to the SPI's exceptions. */
class ErrorMapperTest {
    private final ErrorMapper mapper = new ErrorMapper(new Json());

    private PlatformException map(int status, String code, String message) {
        String body = "{\"code\":\"" + code + "\",\"message\":\"" + message + "\",\"details\":\"Failing row contains"
                + " (row-secret)\",\"hint\":null}";
        return mapper.toException(mapper.parse(status, body), "POST memories");
    }

    @Test
    @DisplayName("each documented code maps to its typed exception, with code and message but never details")
    void codes() {
        assertThat(map(406, "PGRST116", "JSON object requested, multiple (or no) rows returned")).isInstanceOf(NotFoundException.class);
        assertThat(map(409, "23505", "duplicate key")).isInstanceOf(ConflictException.class).hasMessageContaining("23505");
        for (String code : new String[] {"23503", "22P02", "23514", "23502"}) {
            assertThat(map(400, code, "bad value")).as(code).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining(code).hasMessageNotContaining("row-secret");
        }
        assertThat(map(403, "42501", "permission denied for table memories")).isInstanceOf(PermissionDeniedException.class)
                .hasMessageContaining("migrations");
        assertThat(map(404, "PGRST202", "Could not find the function")).isInstanceOf(DataStoreException.class)
                .hasMessageContaining("V4");
        assertThat(map(500, "XX000", "internal")).isExactlyInstanceOf(DataStoreException.class);
    }

    @Test
    @DisplayName("401 and PGRST30x become AuthenticationExceptions with a typed reason")
    void authentication() {
        assertThat(((AuthenticationException) map(401, "PGRST303", "JWT expired")).reason()).isEqualTo(AuthFailureReason.EXPIRED);
        assertThat(((AuthenticationException) map(401, "PGRST301", "JWSError JWSInvalidSignature")).reason())
                .isEqualTo(AuthFailureReason.BAD_SIGNATURE);
        assertThat(((AuthenticationException) map(401, "PGRST301", "Expected 3 parts in JWT; got 2")).reason())
                .isEqualTo(AuthFailureReason.MALFORMED_TOKEN);
        assertThat(((AuthenticationException) map(401, "PGRST302", "Anonymous access is disabled")).reason())
                .isEqualTo(AuthFailureReason.MISSING_TOKEN);
        assertThat(map(401, "", "")).isInstanceOf(AuthenticationException.class).hasMessageContaining("sign in again");
    }

    @Test
    @DisplayName("a body that is not PostgREST's JSON still maps by status; long messages are cut")
    void unreadableBodies() {
        assertThat(mapper.toException(mapper.parse(502, "<html>bad gateway</html>"), "GET x"))
                .isInstanceOf(DataStoreException.class).hasMessageContaining("HTTP 502").hasMessageNotContaining("html");
        String longMessage = "x".repeat(5000);
        assertThat(map(500, "XX000", longMessage).getMessage()).hasSizeLessThan(600);
    }
}
