package co.omegamax.platform.adapter.supabase.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgREST's vertical filter {@code select=}: {@code *} or a list of {@code [alias:]column[::type]}. Resource
 * embedding ({@code rel(…)}), JSON paths and aggregates are not supported by the gateway and answer PGRST100.
 */
final class SelectList {
    private static final Pattern ITEM = Pattern.compile(
            "(?:([^:,()]+):(?!:))?([^:,()]+)(?:::([A-Za-z_][A-Za-z0-9_]*(?:\\[\\])?))?");

    private SelectList() {
    }

    /**
     * @param select    the {@code select} parameter (null or blank = {@code *})
     * @param table     the table whose columns may be named
     * @param qualifier SQL that qualifies the columns (a table or CTE name)
     * @return the SQL select list
     */
    static String sql(String select, SchemaCache.Table table, String qualifier) {
        if (select == null || select.isBlank() || select.equals("*")) {
            return qualifier + ".*";
        }
        List<String> items = new ArrayList<>();
        for (String raw : select.split(",")) {
            String item = raw.trim();
            if (item.equals("*")) {
                items.add(qualifier + ".*");
                continue;
            }
            if (item.contains("(") || item.contains("->")) {
                throw PgrstError.parse("select (" + select + ")", "\"" + item + "\": resource embedding, JSON paths"
                        + " and aggregates are not supported by the local gateway; select plain columns");
            }
            Matcher m = ITEM.matcher(item);
            if (!m.matches()) {
                throw PgrstError.parse("select (" + select + ")", "unexpected \"" + item + "\"");
            }
            String column = table.column(m.group(2)).name();
            String sql = qualifier + "." + Sql.ident(column);
            if (m.group(3) != null) {
                sql += "::" + m.group(3);
            }
            items.add(sql + " AS " + Sql.ident(m.group(1) != null ? m.group(1) : column));
        }
        return String.join(", ", items);
    }
}
