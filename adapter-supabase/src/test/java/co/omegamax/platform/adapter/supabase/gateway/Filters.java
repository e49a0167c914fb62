package co.omegamax.platform.adapter.supabase.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgREST's horizontal filters and ordering, turned into SQL over one table: {@code col=[not.]op.value} for
 * eq, neq, gt, gte, lt, lte, like, ilike, match, imatch, is, isdistinct, in, fts, plfts, phfts, wfts, cs, cd, ov, sl,
 * sr, nxr, nxl, adj; logic trees {@code or=(…)}, {@code and=(…)}, {@code not.or=(…)}, {@code not.and=(…)} nested to
 * any depth; {@code order=col[.asc|.desc][.nullsfirst|.nullslast],…}. Columns are checked against the schema cache
 * and quoted; values are bound parameters. Values inside {@code in.(…)} and logic trees may be double-quoted to
 * carry {@code , . : ( )}, with {@code \"} and {@code \\} escapes (PostgREST's "reserved characters" rules).
 */
final class Filters {
    /** Query parameters that are not column filters. */
    static final Set<String> RESERVED = Set.of("select", "order", "limit", "offset", "on_conflict", "columns",
            "or", "and", "not.or", "not.and");

    private static final Map<String, String> COMPARISONS = Map.ofEntries(Map.entry("eq", "="), Map.entry("neq", "<>"),
            Map.entry("gt", ">"), Map.entry("gte", ">="), Map.entry("lt", "<"), Map.entry("lte", "<="),
            Map.entry("like", "LIKE"), Map.entry("ilike", "ILIKE"), Map.entry("match", "~"), Map.entry("imatch", "~*"),
            Map.entry("isdistinct", "IS DISTINCT FROM"), Map.entry("cs", "@>"), Map.entry("cd", "<@"),
            Map.entry("ov", "&&"), Map.entry("sl", "<<"), Map.entry("sr", ">>"), Map.entry("nxr", "&<"),
            Map.entry("nxl", "&>"), Map.entry("adj", "-|-"));
    private static final Map<String, String> FTS = Map.of("fts", "to_tsquery", "plfts", "plainto_tsquery",
            "phfts", "phraseto_tsquery", "wfts", "websearch_to_tsquery");
    private static final Pattern FTS_OP = Pattern.compile("(fts|plfts|phfts|wfts)(?:\\(([A-Za-z_][A-Za-z0-9_]*)\\))?");

    private final SchemaCache.Table table;
    private final String qualifier;

    /**
     * @param table     the table filtered
     * @param qualifier SQL that qualifies its columns, e.g. {@code "public"."memories"}
     */
    Filters(SchemaCache.Table table, String qualifier) {
        this.table = table;
        this.qualifier = qualifier;
    }

    /** @return the conditions of every filter and logic parameter, joined with AND (empty if none) */
    Sql where(QueryString query) {
        List<Sql> conditions = new ArrayList<>();
        for (QueryString.Pair p : query.pairs()) {
            switch (p.key()) {
                case "or", "and", "not.or", "not.and" -> {
                    boolean negate = p.key().startsWith("not.");
                    String op = negate ? p.key().substring(4) : p.key();
                    Cursor c = new Cursor(p.value(), "logic tree");
                    Sql tree = group(c, op, negate);
                    if (!c.atEnd()) {
                        throw PgrstError.parse("logic tree (" + p.value() + ")", "unexpected \"" + c.rest()
                                + "\" after the closing parenthesis");
                    }
                    conditions.add(tree);
                }
                default -> {
                    if (!RESERVED.contains(p.key())) {
                        conditions.add(filter(p.key(), p.value(), false));
                    }
                }
            }
        }
        Sql where = new Sql();
        for (int i = 0; i < conditions.size(); i++) {
            where.add(i == 0 ? "" : " AND ").add(conditions.get(i));
        }
        return where;
    }

    /** @return {@code ORDER BY …} for an {@code order} parameter, or "" */
    String orderBy(String order) {
        if (order == null || order.isBlank()) {
            return "";
        }
        List<String> terms = new ArrayList<>();
        for (String term : order.split(",")) {
            String[] parts = term.trim().split("\\.");
            StringBuilder sql = new StringBuilder(column(parts[0]));
            for (int i = 1; i < parts.length; i++) {
                switch (parts[i]) {
                    case "asc" -> sql.append(" ASC");
                    case "desc" -> sql.append(" DESC");
                    case "nullsfirst" -> sql.append(" NULLS FIRST");
                    case "nullslast" -> sql.append(" NULLS LAST");
                    default -> throw PgrstError.parse("order (" + order + ")", "unexpected \"" + parts[i]
                            + "\": expecting \"asc\", \"desc\", \"nullsfirst\" or \"nullslast\"");
                }
            }
            terms.add(sql.toString());
        }
        return " ORDER BY " + String.join(", ", terms);
    }

    private String column(String name) {
        return qualifier + "." + Sql.ident(table.column(name).name());
    }

    /** One {@code col=expr} filter; {@code quoted} lets the value be a double-quoted string (inside logic trees). */
    private Sql filter(String columnName, String expression, boolean quoted) {
        String col = column(columnName);
        String expr = expression;
        boolean negate = false;
        if (expr.startsWith("not.")) {
            negate = true;
            expr = expr.substring(4);
        }
        int dot = expr.indexOf('.');
        if (dot < 0) {
            throw PgrstError.parse("filter (" + expression + ")", "expecting an operator and a value, e.g. eq.5");
        }
        String op = expr.substring(0, dot);
        String value = expr.substring(dot + 1);
        Sql sql = new Sql();
        Matcher fts = FTS_OP.matcher(op);
        if (op.equals("in")) {
            List<String> items = list(value, expression);
            if (items.isEmpty()) {
                sql.add("false");
            } else {
                sql.add(col).add(" IN (");
                for (int i = 0; i < items.size(); i++) {
                    sql.add(i == 0 ? "" : ", ").param(items.get(i));
                }
                sql.add(")");
            }
        } else if (op.equals("is")) {
            String v = quoted ? unquote(value) : value;
            sql.add(col).add(switch (v.toLowerCase(java.util.Locale.ROOT)) {
                case "null" -> " IS NULL";
                case "not_null" -> " IS NOT NULL";
                case "true" -> " IS TRUE";
                case "false" -> " IS FALSE";
                case "unknown" -> " IS UNKNOWN";
                default -> throw PgrstError.parse("filter (" + expression + ")",
                        "unexpected \"" + v + "\": expecting null, not_null, true, false or unknown");
            });
        } else if (fts.matches()) {
            String v = quoted ? unquote(value) : value;
            sql.add(col).add(" @@ ").add(FTS.get(fts.group(1))).add("(");
            if (fts.group(2) != null) {
                sql.param(fts.group(2)).add("::regconfig, ");
            }
            sql.param(v).add(")");
        } else if (COMPARISONS.containsKey(op)) {
            String v = quoted ? unquote(value) : value;
            if (op.equals("like") || op.equals("ilike")) {
                v = v.replace('*', '%');
            }
            sql.add(col).add(" ").add(COMPARISONS.get(op)).add(" ").param(v);
        } else {
            throw PgrstError.parse("filter (" + expression + ")", "unknown operator \"" + op + "\"");
        }
        return negate ? new Sql().add("NOT (").add(sql).add(")") : sql;
    }

    /** Parses {@code (a,"b,c",d)} of an {@code in} filter. */
    private static List<String> list(String value, String expression) {
        Cursor c = new Cursor(value, "filter (" + expression + ")");
        c.expect('(');
        List<String> items = new ArrayList<>();
        if (c.peek() == ')') {
            c.next();
        } else {
            while (true) {
                items.add(c.peek() == '"' ? c.quotedString() : c.until(",)"));
                char sep = c.next();
                if (sep == ')') {
                    break;
                }
                if (sep != ',') {
                    throw c.error("expecting \",\" or \")\"");
                }
            }
        }
        if (!c.atEnd()) {
            throw c.error("unexpected text after \")\"");
        }
        return items;
    }

    /** Parses {@code (item,item,…)} of a logic tree; each item a filter or a nested {@code [not.]and|or(…)}. */
    private Sql group(Cursor c, String op, boolean negate) {
        c.expect('(');
        List<Sql> items = new ArrayList<>();
        while (true) {
            items.add(item(c));
            char sep = c.next();
            if (sep == ')') {
                break;
            }
            if (sep != ',') {
                throw c.error("expecting \",\" or \")\"");
            }
        }
        Sql sql = new Sql().add(negate ? "NOT (" : "(");
        for (int i = 0; i < items.size(); i++) {
            sql.add(i == 0 ? "" : op.equals("or") ? " OR " : " AND ").add(items.get(i));
        }
        return sql.add(")");
    }

    private Sql item(Cursor c) {
        for (String nested : new String[] {"not.and(", "not.or(", "and(", "or("}) {
            if (c.startsWith(nested)) {
                boolean negate = nested.startsWith("not.");
                String op = nested.substring(negate ? 4 : 0, nested.length() - 1);
                c.skip(nested.length() - 1);
                return group(c, op, negate);
            }
        }
        String column = c.peek() == '"' ? c.quotedString() : c.until(".");
        c.expect('.');
        return filter(column, c.expression(), true);
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            Cursor c = new Cursor(v, "value");
            String s = c.quotedString();
            if (c.atEnd()) {
                return s;
            }
        }
        return v;
    }

    /** A position in a parameter value being parsed. */
    private static final class Cursor {
        private final String s;
        private final String what;
        private int i;

        Cursor(String s, String what) {
            this.s = s;
            this.what = what;
        }

        boolean atEnd() {
            return i >= s.length();
        }

        char peek() {
            return atEnd() ? '\0' : s.charAt(i);
        }

        char next() {
            if (atEnd()) {
                throw error("unexpected end of input");
            }
            return s.charAt(i++);
        }

        void expect(char ch) {
            if (next() != ch) {
                i--;
                throw error("expecting \"" + ch + "\"");
            }
        }

        boolean startsWith(String prefix) {
            return s.startsWith(prefix, i);
        }

        void skip(int n) {
            i += n;
        }

        String rest() {
            return s.substring(i);
        }

        /** Reads up to (not including) any of {@code stops}. */
        String until(String stops) {
            int start = i;
            while (!atEnd() && stops.indexOf(s.charAt(i)) < 0) {
                i++;
            }
            return s.substring(start, i);
        }

        /** Reads {@code "…"} with backslash escapes. */
        String quotedString() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                char ch = next();
                if (ch == '"') {
                    return b.toString();
                }
                b.append(ch == '\\' ? next() : ch);
            }
        }

        /** Reads one filter expression of a logic tree: up to a top-level "," or ")" (quotes and parens nest). */
        String expression() {
            int start = i;
            int depth = 0;
            while (!atEnd()) {
                char ch = s.charAt(i);
                if (ch == '"') {
                    quotedString();
                    continue;
                }
                if (ch == '(' || ch == '{' || ch == '[') {
                    depth++;
                } else if (ch == ')' || ch == '}' || ch == ']') {
                    if (depth == 0) {
                        break;
                    }
                    depth--;
                } else if (ch == ',' && depth == 0) {
                    break;
                }
                i++;
            }
            return s.substring(start, i);
        }

        PgrstError error(String message) {
            return PgrstError.parse(what, "at position " + i + " of \"" + s + "\": " + message);
        }
    }
}
