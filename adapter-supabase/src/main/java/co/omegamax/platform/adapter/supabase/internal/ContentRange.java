package co.omegamax.platform.adapter.supabase.internal;

import java.util.OptionalLong;

/** Parses PostgREST's {@code Content-Range} header: <code>first-last/total</code>, <code>&#42;/total</code> or <code>first-last/&#42;</code>. */
public final class ContentRange {
    private ContentRange() {
    }

    /** @return the total row count, or empty when absent or not counted ({@code *}) */
    public static OptionalLong total(String header) {
        if (header == null) {
            return OptionalLong.empty();
        }
        int slash = header.lastIndexOf('/');
        if (slash < 0) {
            return OptionalLong.empty();
        }
        String total = header.substring(slash + 1).strip();
        if (total.equals("*")) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(total));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
