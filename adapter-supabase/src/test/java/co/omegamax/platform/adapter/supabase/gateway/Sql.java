package co.omegamax.platform.adapter.supabase.gateway;

import java.util.ArrayList;
import java.util.List;

/** SQL text under construction and its bound parameters (values never enter the text). */
final class Sql {
    final StringBuilder text = new StringBuilder();
    final List<String> params = new ArrayList<>();

    Sql add(String sqlText) {
        text.append(sqlText);
        return this;
    }

    /** Appends a {@code ?} bound to {@code value} (sent untyped, so PostgreSQL infers its type). */
    Sql param(String value) {
        text.append('?');
        params.add(value);
        return this;
    }

    Sql add(Sql other) {
        text.append(other.text);
        params.addAll(other.params);
        return this;
    }

    boolean isEmpty() {
        return text.length() == 0;
    }

    /** @return {@code name} as a quoted identifier (any {@code "} doubled) */
    static String ident(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
