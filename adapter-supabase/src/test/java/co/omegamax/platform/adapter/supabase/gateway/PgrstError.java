package co.omegamax.platform.adapter.supabase.gateway;

import co.omegamax.platform.tck.Jwts;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error answered the way PostgREST answers it: an HTTP status and the JSON body
 * {@code {"code","details","hint","message"}} (PostgreSQL's fields, or PostgREST's own {@code PGRSTxxx} codes).
 */
final class PgrstError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final String code;
    final String details;
    final String hint;

    PgrstError(int status, String code, String message, String details, String hint) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = details;
        this.hint = hint;
    }

    /** PGRST100: the query string could not be parsed (400). */
    static PgrstError parse(String what, String details) {
        return new PgrstError(400, "PGRST100", "\"failed to parse " + what + "\"", details, null);
    }

    /** PGRST102: invalid request body (400). */
    static PgrstError body(String message) {
        return new PgrstError(400, "PGRST102", message, null, null);
    }

    /** PGRST116: a single object was requested but not exactly one row came back (406). */
    static PgrstError notSingular(long rows) {
        return new PgrstError(406, "PGRST116", "Cannot coerce the result to a single JSON object",
                "The result contains " + rows + " rows", null);
    }

    /** PGRST205: the table is not in the schema cache (404). */
    static PgrstError noTable(String table) {
        return new PgrstError(404, "PGRST205", "Could not find the table 'public." + table + "' in the schema cache",
                null, null);
    }

    /** PGRST204: a payload or {@code columns} key names no column (400). */
    static PgrstError noColumn(String column, String table) {
        return new PgrstError(400, "PGRST204", "Could not find the '" + column + "' column of '" + table
                + "' in the schema cache", null, null);
    }

    /** 42703: a filter, select or order names no column (400), as PostgreSQL words it. */
    static PgrstError undefinedColumn(String table, String column) {
        return new PgrstError(400, "42703", "column " + table + "." + column + " does not exist", null, null);
    }

    /** @return the JSON body: PostgREST's four fields, or (for the API gateway's key check) message and hint */
    String json() {
        Map<String, Object> body = new LinkedHashMap<>();
        if (code != null) {
            body.put("code", code);
            body.put("details", details);
        }
        body.put("hint", hint);
        body.put("message", getMessage());
        return Jwts.json(body);
    }
}
