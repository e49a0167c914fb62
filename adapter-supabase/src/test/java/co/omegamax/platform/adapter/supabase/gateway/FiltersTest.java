package co.omegamax.platform.adapter.supabase.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The filter grammar without a database: the SQL text holds only quoted identifiers, values are parameters. */
class FiltersTest {
    private static final SchemaCache.Table PEOPLE;

    static {
        Map<String, SchemaCache.Column> cols = new LinkedHashMap<>();
        for (String c : new String[] {"id", "name", "age", "tsv", "we\"ird"}) {
            cols.put(c, new SchemaCache.Column(c, "text", false));
        }
        PEOPLE = new SchemaCache.Table("people", cols, List.of("id"));
    }

    private static Sql where(String rawQuery) {
        return new Filters(PEOPLE, "t").where(QueryString.parse(rawQuery));
    }

    @Test
    void buildsNestedLogicWithBoundValues() {
        Sql sql = where("age=gte.18&or=(name.eq.%22a,b%22,and(age.lt.5,name.not.in.(x,%22y)z%22)))&select=id&order=id");
        assertThat(sql.toString()).isEqualTo("t.\"age\" >= ? AND (t.\"name\" = ? OR (t.\"age\" < ? AND NOT (t.\"name\" IN (?, ?))))");
        assertThat(sql.params).containsExactly("18", "a,b", "5", "x", "y)z");
    }

    @Test
    void topLevelValuesAreVerbatimAndIdentifiersAreQuoted() {
        Sql sql = where("name=eq.%22quoted%22&we%22ird=like.a*b");
        assertThat(sql.toString()).isEqualTo("t.\"name\" = ? AND t.\"we\"\"ird\" LIKE ?");
        assertThat(sql.params).containsExactly("\"quoted\"", "a%b");
        Sql fts = where("tsv=wfts(english).fat%20cats&name=not.is.null&id=in.(%22a%5C%22b%22,%22c%5C%5Cd%22)");
        assertThat(fts.toString()).isEqualTo("t.\"tsv\" @@ websearch_to_tsquery(?::regconfig, ?) AND NOT (t.\"name\" IS NULL)"
                + " AND t.\"id\" IN (?, ?)");
        assertThat(fts.params).containsExactly("english", "fat cats", "a\"b", "c\\d");
    }

    @Test
    void ordersAndRejectsWhatItCannotParse() {
        assertThat(new Filters(PEOPLE, "t").orderBy("age.desc.nullslast,name")).isEqualTo(
                " ORDER BY t.\"age\" DESC NULLS LAST, t.\"name\"");
        for (String bad : new String[] {"name=eq", "name=regex.x", "or=(name.eq.a", "or=(name.eq.a)x",
                "name=in.(a,b", "name=is.maybe"}) {
            assertThatThrownBy(() -> where(bad)).as(bad).isInstanceOf(PgrstError.class)
                    .satisfies(e -> assertThat(((PgrstError) e).code).isEqualTo("PGRST100"));
        }
        assertThatThrownBy(() -> where("nope=eq.1")).isInstanceOf(PgrstError.class)
                .satisfies(e -> assertThat(((PgrstError) e).code).isEqualTo("42703"));
        assertThatThrownBy(() -> new Filters(PEOPLE, "t").orderBy("name;drop")).isInstanceOf(PgrstError.class);
    }
}
