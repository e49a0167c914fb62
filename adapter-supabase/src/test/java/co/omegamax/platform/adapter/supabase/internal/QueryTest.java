package co.omegamax.platform.adapter.supabase.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** PostgREST URL grammar: filters, quoting of reserved characters, order, paging, upsert conflict target. */
class QueryTest {
    private static final HttpUrl REST = HttpUrl.get("https://abcd.supabase.co/rest/v1/");

    @Test
    @DisplayName("eq, is, like, select, order, limit/offset and on_conflict encode as PostgREST expects")
    void plainParameters() {
        HttpUrl url = Query.table(REST, "memories").eq("user_id", "user-a").eq("workspace_id", "w.1:(x)").isNull("project_id")
                .select("id,workspace_id").order("created_at.desc,id.asc").page(50, 100).url();
        assertThat(url.encodedPath()).isEqualTo("/rest/v1/memories");
        assertThat(url.queryParameter("user_id")).isEqualTo("eq.user-a");
        assertThat(url.queryParameter("workspace_id")).as("eq takes the rest verbatim").isEqualTo("eq.w.1:(x)");
        assertThat(url.queryParameter("project_id")).isEqualTo("is.null");
        assertThat(url.queryParameter("select")).isEqualTo("id,workspace_id");
        assertThat(url.queryParameter("order")).isEqualTo("created_at.desc,id.asc");
        assertThat(url.queryParameter("limit")).isEqualTo("50");
        assertThat(url.queryParameter("offset")).isEqualTo("100");
        assertThat(Query.table(REST, "memories").page(10, 0).url().queryParameter("offset")).isNull();
        assertThat(Query.table(REST, "memories").onConflict("user_id", "id").url().queryParameter("on_conflict"))
                .isEqualTo("user_id,id");
        assertThat(Query.rpc(REST, "omega_memory_graph").url().encodedPath()).isEqualTo("/rest/v1/rpc/omega_memory_graph");
    }

    @Test
    @DisplayName("in.(…) quotes values with , . : ( ) \" \\ or blanks, escapes \" and \\, and leaves plain ones bare")
    void inListQuoting() {
        HttpUrl url = Query.table(REST, "memories").in("id", List.of("plain-1", "a,b", "v1.2", "k:v", "f(x)",
                "say \"hi\"", "back\\slash", "null", "")).url();
        assertThat(url.queryParameter("id")).isEqualTo(
                "in.(plain-1,\"a,b\",\"v1.2\",\"k:v\",\"f(x)\",\"say \\\"hi\\\"\",\"back\\\\slash\",\"null\",\"\")");
        assertThat(url.encodedQuery()).as("percent-encoded on the wire").doesNotContain("\"").contains("%22");
    }

    @Test
    @DisplayName("or=(…) conditions quote their values the same way")
    void orConditions() {
        HttpUrl url = Query.table(REST, "workspaces").or(Query.condition("slug", "eq", "acme"),
                Query.condition("slug", "like", "acme-*"), Query.condition("name", "eq", "A, Inc.")).url();
        assertThat(url.queryParameter("or")).isEqualTo("(slug.eq.acme,slug.like.acme-*,name.eq.\"A, Inc.\")");
    }

    @Test
    @DisplayName("names, order clauses and select lists that could inject grammar are refused")
    void namesAreChecked() {
        assertThatThrownBy(() -> Query.table(REST, "memories;drop")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Query.table(REST, "m").eq("user_id&x", "a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Query.table(REST, "m").order("id.asc;x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Query.table(REST, "m").select("id,owner:user_id")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Query.condition("slug", "in", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Query.table(REST, "m").in("id", List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("the log description names resource and parameters, never values")
    void describeHasNoValues() {
        Query q = Query.table(REST, "memories").eq("user_id", "user-secret").in("id", List.of("id-secret"));
        assertThat(q.describe("GET")).isEqualTo("GET memories [user_id,id]");
    }

    @Test
    @DisplayName("Content-Range totals: counted, uncounted and empty ranges")
    void contentRange() {
        assertThat(ContentRange.total("0-24/3573")).hasValue(3573);
        assertThat(ContentRange.total("*/0")).hasValue(0);
        assertThat(ContentRange.total("0-24/*")).isEmpty();
        assertThat(ContentRange.total(null)).isEmpty();
        assertThat(ContentRange.total("garbage")).isEmpty();
    }
}
