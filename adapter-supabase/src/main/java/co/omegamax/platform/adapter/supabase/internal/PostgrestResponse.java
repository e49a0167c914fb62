package co.omegamax.platform.adapter.supabase.internal;

import java.util.OptionalLong;

/**
 * A successful PostgREST answer.
 *
 * @param status       HTTP status (2xx)
 * @param body         the body text ("" when empty)
 * @param contentRange the Content-Range header, or null
 */
public record PostgrestResponse(int status, String body, String contentRange) {

    /** @return the total after the slash of Content-Range (<code>0-24/3573</code>, <code>&#42;/0</code>), if the server counted */
    public OptionalLong total() {
        return ContentRange.total(contentRange);
    }

    @Override
    public String toString() {
        return "PostgrestResponse[status=" + status + ", contentRange=" + contentRange + "]";
    }
}
