package co.omegamax.platform.adapter.supabase.gateway;

import static co.omegamax.platform.adapter.supabase.gateway.GatewayJson.column;
import static co.omegamax.platform.adapter.supabase.gateway.GatewayJson.object;
import static co.omegamax.platform.adapter.supabase.gateway.GatewayJson.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reads through the gateway: filters and quoting, logic trees, full-text search, ordering, pagination, counts. */
class PostgrestReadTest {
    private static final LocalSupabase SUPABASE = LocalSupabase.shared();
    private static Rest alice;
    private static String workspaceId;

    @BeforeAll
    static void seed() {
        SUPABASE.truncateAll();
        alice = new Rest(SUPABASE).as(SUPABASE.accessTokenFor("user-alice"));
        HttpResponse<String> ws = alice.post("/workspaces", "["
                + "{\"user_id\":\"user-alice\",\"name\":\"Acme Corp\",\"slug\":\"acme\",\"workspace_type\":\"business\"},"
                + "{\"user_id\":\"user-alice\",\"name\":\"Hi, there\",\"slug\":\"hi\",\"workspace_type\":\"client\"},"
                + "{\"user_id\":\"user-alice\",\"name\":\"Quote:\\\"\",\"slug\":\"quote\",\"workspace_type\":null},"
                + "{\"user_id\":\"user-alice\",\"name\":\"Zeta\",\"slug\":\"zeta\",\"workspace_type\":\"personal\"},"
                + "{\"user_id\":\"user-alice\",\"name\":\"beta\",\"slug\":\"beta\",\"workspace_type\":null}]",
                "Prefer", "return=representation");
        assertThat(ws.statusCode()).as(ws.body()).isEqualTo(201);
        workspaceId = (String) rows(ws.body()).get(0).get("id");
        HttpResponse<String> mem = alice.post("/memories", "["
                + "{\"user_id\":\"user-alice\",\"id\":\"m1\",\"workspace_id\":\"" + workspaceId + "\",\"event_type\":\"decision\","
                + "\"content\":\"We chose PostgreSQL for the ledger\",\"tags\":[\"db\",\"ledger\"]},"
                + "{\"user_id\":\"user-alice\",\"id\":\"m2\",\"workspace_id\":\"" + workspaceId + "\",\"event_type\":\"lesson\","
                + "\"content\":\"Never trust the cache after a deploy\",\"tags\":[\"ops\"]},"
                + "{\"user_id\":\"user-alice\",\"id\":\"m3\",\"workspace_id\":\"" + workspaceId + "\",\"event_type\":\"lesson\","
                + "\"content\":\"The ledger cache needs a TTL\",\"tags\":[\"ops\",\"ledger\"]}]");
        assertThat(mem.statusCode()).as(mem.body()).isEqualTo(201);
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static List<Object> names(String query) {
        HttpResponse<String> r = alice.get("/workspaces?select=name&order=name" + query);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return column(r.body(), "name");
    }

    @Test
    void comparesAndMatchesWithBoundValues() {
        assertThat(names("&slug=eq.acme")).containsExactly("Acme Corp");
        assertThat(names("&slug=neq.acme")).containsExactly("Hi, there", "Quote:\"", "Zeta", "beta");
        assertThat(names("&slug=gt.quote")).containsExactly("Zeta");
        assertThat(names("&slug=lte.beta")).containsExactly("Acme Corp", "beta");
        assertThat(names("&name=like.*t*")).containsExactly("Hi, there", "Quote:\"", "Zeta", "beta");
        assertThat(names("&name=ilike.a*")).containsExactly("Acme Corp");
        assertThat(names("&workspace_type=is.null")).containsExactly("Quote:\"", "beta");
        assertThat(names("&workspace_type=not.is.null")).containsExactly("Acme Corp", "Hi, there", "Zeta");
        assertThat(names("&name=eq." + q("Robert'); DROP TABLE workspaces;--"))).isEmpty();
        assertThat(names("&slug=gte.b&slug=lt.q")).as("repeated keys all apply").containsExactly("Hi, there", "beta");
        assertThat(names("&settings=cs." + q("{}"))).hasSize(5);
    }

    @Test
    void inListsFollowPostgrestQuotingRules() {
        assertThat(names("&slug=in.(acme,zeta)")).containsExactly("Acme Corp", "Zeta");
        assertThat(names("&name=in." + q("(\"Hi, there\",\"Quote:\\\"\")"))).containsExactly("Hi, there", "Quote:\"");
        assertThat(names("&name=not.in." + q("(\"Hi, there\",Zeta)"))).containsExactly("Acme Corp", "Quote:\"", "beta");
        assertThat(names("&slug=in.()")).isEmpty();
    }

    @Test
    void logicTreesNestAndNegate() {
        assertThat(names("&or=(slug.eq.acme,slug.eq.zeta)")).containsExactly("Acme Corp", "Zeta");
        assertThat(names("&or=" + q("(slug.eq.beta,and(workspace_type.eq.client,name.eq.\"Hi, there\"))")))
                .containsExactly("Hi, there", "beta");
        assertThat(names("&not.or=(slug.eq.acme,workspace_type.is.null)")).containsExactly("Hi, there", "Zeta");
        assertThat(names("&and=(slug.gte.b,not.and(slug.eq.hi,workspace_type.eq.client))")).containsExactly("Quote:\"",
                "Zeta", "beta");
        assertThat(names("&or=" + q("(name.in.(\"Hi, there\",Zeta),slug.eq.acme)"))).containsExactly("Acme Corp",
                "Hi, there", "Zeta");
    }

    @Test
    void fullTextSearchOnTheTsvectorColumn() {
        HttpResponse<String> fts = alice.get("/memories?select=id&order=id&search_vector=fts.ledger");
        assertThat(column(fts.body(), "id")).containsExactly("m1", "m3");
        assertThat(column(alice.get("/memories?select=id&order=id&search_vector=plfts(simple)." + q("ledger cache")).body(), "id"))
                .containsExactly("m3");
        assertThat(column(alice.get("/memories?select=id&order=id&search_vector=wfts(simple)." + q("cache -ledger"))
                .body(), "id")).containsExactly("m2");
        assertThat(column(alice.get("/memories?select=id&order=id&search_vector=not.fts(simple).ledger").body(), "id"))
                .containsExactly("m2");
        assertThat(column(alice.get("/memories?select=id&order=id&tags=cs." + q("[\"ledger\"]")).body(), "id"))
                .containsExactly("m1", "m3");
    }

    @Test
    void ordersWithDirectionsAndNullPlacement() {
        HttpResponse<String> r = alice.get("/workspaces?select=name,workspace_type&order=workspace_type.desc.nullslast,name.asc");
        assertThat(column(r.body(), "name")).containsExactly("Zeta", "Hi, there", "Acme Corp", "Quote:\"", "beta");
        r = alice.get("/workspaces?select=name&order=workspace_type.asc.nullsfirst,name.desc");
        assertThat(column(r.body(), "name")).containsExactly("beta", "Quote:\"", "Acme Corp", "Hi, there", "Zeta");
    }

    @Test
    void selectsRenamesAndCastsColumnsWithPostgresTypes() {
        HttpResponse<String> r = alice.get("/memories?select=key:id,tags,created_at,search_vector,ws:workspace_id::text&id=eq.m1");
        Map<String, Object> row = rows(r.body()).get(0);
        assertThat(row).containsOnlyKeys("key", "tags", "created_at", "search_vector", "ws");
        assertThat(row.get("tags")).isEqualTo(List.of("db", "ledger"));
        assertThat((String) row.get("created_at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d+\\+00:00");
        assertThat((String) row.get("search_vector")).contains("'ledger'");
        assertThat(row.get("ws")).isEqualTo(workspaceId);
        Map<String, Object> all = rows(alice.get("/workspaces?slug=eq.acme").body()).get(0);
        assertThat(all).containsKeys("id", "user_id", "name", "workspace_type", "slug", "settings", "created_at",
                "updated_at");
        assertThat(all.get("settings")).isEqualTo(Map.of());
    }

    @Test
    void paginatesWithLimitOffsetOrRangeAndReportsContentRange() {
        HttpResponse<String> page = alice.get("/workspaces?select=slug&order=slug&limit=2&offset=1");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Range")).hasValue("1-2/*");
        assertThat(column(page.body(), "slug")).containsExactly("beta", "hi");

        HttpResponse<String> counted = alice.get("/workspaces?select=slug&order=slug", "Range-Unit", "items",
                "Range", "0-1", "Prefer", "count=exact");
        assertThat(counted.statusCode()).isEqualTo(206);
        assertThat(counted.headers().firstValue("Content-Range")).hasValue("0-1/5");
        assertThat(counted.headers().firstValue("Preference-Applied")).hasValue("count=exact");
        assertThat(column(counted.body(), "slug")).containsExactly("acme", "beta");

        HttpResponse<String> all = alice.get("/workspaces?select=slug", "Prefer", "count=exact");
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.headers().firstValue("Content-Range")).hasValue("0-4/5");

        HttpResponse<String> openEnded = alice.get("/workspaces?select=slug&order=slug", "Range", "3-",
                "Prefer", "count=exact");
        assertThat(openEnded.statusCode()).isEqualTo(206);
        assertThat(openEnded.headers().firstValue("Content-Range")).hasValue("3-4/5");

        HttpResponse<String> none = alice.get("/workspaces?slug=eq.nothing", "Prefer", "count=exact");
        assertThat(none.statusCode()).isEqualTo(200);
        assertThat(none.body()).isEqualTo("[]");
        assertThat(none.headers().firstValue("Content-Range")).hasValue("*/0");

        HttpResponse<String> beyond = alice.get("/workspaces?offset=9", "Prefer", "count=exact");
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(object(beyond.body())).containsEntry("code", "PGRST103");
        assertThat(beyond.headers().firstValue("Content-Range")).isEmpty();
    }

    @Test
    void singleObjectOnlyForExactlyOneRow() {
        HttpResponse<String> one = alice.get("/workspaces?select=slug&slug=eq.acme", "Accept",
                "application/vnd.pgrst.object+json");
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(object(one.body())).containsEntry("slug", "acme");
        assertThat(one.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/vnd.pgrst.object+json"));
        for (String filter : new String[] {"slug=eq.nothing", "slug=neq.acme"}) {
            HttpResponse<String> notOne = alice.get("/workspaces?" + filter, "Accept",
                    "application/vnd.pgrst.object+json");
            assertThat(notOne.statusCode()).isEqualTo(406);
            assertThat(object(notOne.body())).containsEntry("code", "PGRST116");
        }
    }

    @Test
    void headAnswersTheHeadersWithoutABody() {
        HttpResponse<String> head = alice.send("HEAD", "/workspaces?limit=1", null, "Prefer", "count=exact");
        assertThat(head.statusCode()).isEqualTo(206);
        assertThat(head.headers().firstValue("Content-Range")).hasValue("0-0/5");
        assertThat(head.body()).isEmpty();
    }
}
