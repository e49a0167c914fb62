package co.omegamax.platform.adapter.supabase.internal;

import co.omegamax.platform.adapter.supabase.PermissionDeniedException;
import co.omegamax.platform.spi.AuthFailureReason;
import co.omegamax.platform.spi.AuthenticationException;
import co.omegamax.platform.spi.ConflictException;
import co.omegamax.platform.spi.DataStoreException;
import co.omegamax.platform.spi.InvalidInputException;
import co.omegamax.platform.spi.NotFoundException;
import co.omegamax.platform.spi.PlatformException;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a PostgREST error answer ({@code {"code", "message", "details", "hint"}} plus the HTTP status) into the SPI's
 * typed exceptions. The {@code details} field is never used: PostgreSQL puts row values there ("Failing row contains
 * …"), i.e. request data. Messages are cut to a bounded length.
 */
public final class ErrorMapper {
    private static final int MAX_TEXT = 240;
    private final Json json;

    /** @param json the JSON codec */
    public ErrorMapper(Json json) {
        this.json = json;
    }

    /** A parsed PostgREST error. @param status HTTP status @param code SQLSTATE or PGRST code, or "" @param message server message, or "" @param hint server hint, or "" */
    public record Failure(int status, String code, String message, String hint) {
        /** @return "HTTP 409, 23505: duplicate key … (hint: …)" without details */
        public String describe() {
            StringBuilder sb = new StringBuilder("HTTP ").append(status);
            if (!code.isEmpty()) {
                sb.append(", ").append(code);
            }
            if (!message.isEmpty()) {
                sb.append(": ").append(message);
            }
            if (!hint.isEmpty()) {
                sb.append(" (hint: ").append(hint).append(')');
            }
            return sb.toString();
        }
    }

    /** @return the parsed failure of an error answer (fields empty if the body is not PostgREST's JSON) */
    public Failure parse(int status, String body) {
        Object parsed = json.tryParse(body);
        if (parsed instanceof Map<?, ?> m) {
            return new Failure(status, text(m.get("code")), text(m.get("message")), text(m.get("hint")));
        }
        return new Failure(status, "", "", "");
    }

    private static String text(Object v) {
        if (v == null) {
            return "";
        }
        String s = String.valueOf(v).replaceAll("[\\r\\n\\t]+", " ").strip();
        return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT - 1) + "…";
    }

    /**
     * @param failure the parsed error
     * @param what    the operation, e.g. {@code "GET workspaces"} (no values)
     * @return the typed exception to throw
     */
    public PlatformException toException(Failure failure, String what) {
        String code = failure.code();
        String where = "Supabase " + what + " failed with " + failure.describe();
        if (code.equals("PGRST116")) {
            return new NotFoundException("row", what);
        }
        if (code.equals("23505")) {
            return new ConflictException(where + "; a row with these keys already exists for this user, use another id"
                    + " or slug");
        }
        if (code.equals("23503") || code.equals("22P02") || code.equals("23514") || code.equals("23502")
                || code.equals("22001") || code.equals("22003") || code.equals("22007") || code.equals("22008")
                || code.equals("22023") || code.equals("P0001") || code.equals("PGRST100") || code.equals("PGRST102")) {
            return new InvalidInputException("request", where + "; fix the value and retry");
        }
        if (code.equals("42501")) {
            return new PermissionDeniedException(where + "; the signed-in user's role lacks the privilege or a row-level"
                    + " security policy refused the write: apply the omega migrations (V1..V4) to the project and sign in"
                    + " as an 'authenticated' user");
        }
        if (failure.status() == 401 || code.startsWith("PGRST30")) {
            return new AuthenticationException(authReason(failure), where + "; Supabase did not accept the access token,"
                    + " sign in again (or refresh the session) and retry");
        }
        if (code.equals("PGRST202") || code.equals("PGRST205") || code.equals("42P01") || code.equals("42883")
                || code.equals("42703") || code.equals("PGRST204")) {
            return new DataStoreException(where + "; the project's schema is missing tables, columns or functions:"
                    + " apply the omega migrations (V1..V4, see adapter-supabase/README.md)", null);
        }
        if (failure.status() == 429 || failure.status() >= 500) {
            return new DataStoreException(where + "; Supabase is overloaded or unavailable, retry later", null);
        }
        return new DataStoreException(where, null);
    }

    private static AuthFailureReason authReason(Failure f) {
        String m = f.message().toLowerCase(Locale.ROOT);
        if (m.contains("expired")) {
            return AuthFailureReason.EXPIRED;
        }
        return switch (f.code()) {
            case "PGRST302" -> AuthFailureReason.MISSING_TOKEN;
            case "PGRST301" -> m.contains("signature") ? AuthFailureReason.BAD_SIGNATURE : AuthFailureReason.MALFORMED_TOKEN;
            case "PGRST303" -> m.contains("aud") ? AuthFailureReason.WRONG_AUDIENCE : AuthFailureReason.OTHER;
            default -> AuthFailureReason.OTHER;
        };
    }
}
