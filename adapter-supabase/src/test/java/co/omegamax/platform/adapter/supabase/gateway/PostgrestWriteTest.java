package co.omegamax.platform.adapter.supabase.gateway;

import static co.omegamax.platform.adapter.supabase.gateway.GatewayJson.column;
import static co.omegamax.platform.adapter.supabase.gateway.GatewayJson.object;
import static co.omegamax.platform.adapter.supabase.gateway.GatewayJson.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Writes through the gateway: bulk insert, upsert, PATCH and DELETE with their Prefer variants. */
class PostgrestWriteTest {
    private static final LocalSupabase SUPABASE = LocalSupabase.shared();
    private Rest alice;
    private String workspaceId;

    @BeforeEach
    void seed() {
        SUPABASE.truncateAll();
        alice = new Rest(SUPABASE).as(SUPABASE.accessTokenFor("user-alice"));
        HttpResponse<String> ws = alice.post("/workspaces", "{\"user_id\":\"user-alice\",\"name\":\"Acme\",\"slug\":\"acme\"}",
                "Prefer", "return=representation", "Accept", "application/vnd.pgrst.object+json");
        assertThat(ws.statusCode()).as(ws.body()).isEqualTo(201);
        workspaceId = (String) object(ws.body()).get("id");
    }

    private String memory(String id, String content) {
        return "{\"user_id\":\"user-alice\",\"id\":\"" + id + "\",\"workspace_id\":\"" + workspaceId
                + "\",\"event_type\":\"lesson\",\"content\":\"" + content + "\"}";
    }

    private String contents() {
        return alice.get("/memories?select=id,content&order=id").body();
    }

    @Test
    void insertsOneObjectOrABulkArrayWithDefaultsFilledIn() {
        HttpResponse<String> minimal = alice.post("/memories", memory("a", "first"));
        assertThat(minimal.statusCode()).isEqualTo(201);
        assertThat(minimal.body()).isEmpty();
        assertThat(minimal.headers().firstValue("Content-Range")).hasValue("*/*");

        HttpResponse<String> bulk = alice.post("/memories", "[" + memory("b", "second") + "," + memory("c", "third") + "]",
                "Prefer", "return=representation");
        assertThat(bulk.statusCode()).isEqualTo(201);
        assertThat(bulk.headers().firstValue("Preference-Applied")).hasValue("return=representation");
        assertThat(column(bulk.body(), "id")).containsExactly("b", "c");
        Map<String, Object> b = rows(bulk.body()).get(0);
        assertThat(b.get("tags")).as("column default").isEqualTo(java.util.List.of());
        assertThat(b.get("metadata")).isEqualTo(Map.of());
        assertThat(b.get("project_id")).isNull();
        assertThat(column(contents(), "id")).containsExactly("a", "b", "c");

        HttpResponse<String> selected = alice.post("/memories?select=id,words:content", memory("d", "fourth"),
                "Prefer", "return=representation");
        assertThat(rows(selected.body()).get(0)).containsOnlyKeys("id", "words");

        HttpResponse<String> some = alice.post("/memories?columns=user_id,id,workspace_id,event_type,content",
                memory("e", "fifth").replace("}", ",\"memory_type\":\"ignored\"}"), "Prefer", "return=representation");
        assertThat(some.statusCode()).as(some.body()).isEqualTo(201);
        assertThat(rows(some.body()).get(0).get("memory_type")).as("not in columns=").isNull();

        HttpResponse<String> empty = alice.post("/memories", "[]", "Prefer", "return=representation");
        assertThat(empty.statusCode()).isEqualTo(201);
        assertThat(empty.body()).isEqualTo("[]");
    }

    @Test
    void headersOnlyAnswersALocation() {
        HttpResponse<String> r = alice.post("/memories", memory("loc", "x"), "Prefer", "return=headers-only");
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.headers().firstValue("Location")).hasValue("/memories?user_id=eq.user-alice&id=eq.loc");
    }

    @Test
    void upsertsOnThePrimaryKeyOrNamedUniqueColumns() {
        alice.post("/memories", "[" + memory("a", "old a") + "," + memory("b", "old b") + "]");
        HttpResponse<String> conflict = alice.post("/memories", memory("a", "dup"));
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(object(conflict.body())).containsEntry("code", "23505");

        HttpResponse<String> merged = alice.post("/memories", "[" + memory("a", "new a") + "," + memory("c", "new c") + "]",
                "Prefer", "resolution=merge-duplicates,return=representation");
        assertThat(merged.statusCode()).as(merged.body()).isEqualTo(201);
        assertThat(merged.headers().firstValue("Preference-Applied")).hasValueSatisfying(v -> assertThat(v)
                .contains("resolution=merge-duplicates").contains("return=representation"));
        assertThat(column(contents(), "content")).containsExactly("new a", "old b", "new c");

        HttpResponse<String> ignored = alice.post("/memories", "[" + memory("b", "ignored") + "," + memory("d", "new d") + "]",
                "Prefer", "resolution=ignore-duplicates", "Prefer", "return=representation");
        assertThat(column(ignored.body(), "id")).as("only the inserted row comes back").containsExactly("d");
        assertThat(column(contents(), "content")).containsExactly("new a", "old b", "new c", "new d");

        HttpResponse<String> bySlug = alice.post("/workspaces?on_conflict=user_id,slug",
                "{\"user_id\":\"user-alice\",\"name\":\"Acme Renamed\",\"slug\":\"acme\"}",
                "Prefer", "resolution=merge-duplicates,return=representation");
        assertThat(bySlug.statusCode()).as(bySlug.body()).isEqualTo(201);
        assertThat(rows(bySlug.body()).get(0)).containsEntry("id", workspaceId).containsEntry("name", "Acme Renamed");
    }

    @Test
    void rejectsBodiesPostgrestRejects() {
        HttpResponse<String> mixed = alice.post("/memories", "[" + memory("a", "x") + ",{\"id\":\"b\"}]");
        assertThat(mixed.statusCode()).isEqualTo(400);
        assertThat(object(mixed.body())).containsEntry("code", "PGRST102").containsEntry("message",
                "All object keys must match");
        assertThat(object(alice.post("/memories", "{not json").body())).containsEntry("code", "PGRST102");
        HttpResponse<String> unknown = alice.post("/memories", memory("a", "x").replace("}", ",\"colour\":1}"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(object(unknown.body())).containsEntry("code", "PGRST204")
                .containsEntry("message", "Could not find the 'colour' column of 'memories' in the schema cache");
        assertThat(column(contents(), "id")).isEmpty();
    }

    @Test
    void patchesAndDeletesFilteredRows() {
        alice.post("/memories", "[" + memory("a", "one") + "," + memory("b", "two") + "," + memory("c", "three") + "]");

        HttpResponse<String> patched = alice.patch("/memories?id=in.(a,b)", "{\"content\":\"changed\"}");
        assertThat(patched.statusCode()).isEqualTo(204);
        assertThat(patched.body()).isEmpty();
        assertThat(column(contents(), "content")).containsExactly("changed", "changed", "three");

        HttpResponse<String> represented = alice.patch("/memories?id=eq.c&select=id,content",
                "{\"content\":\"patched\",\"tags\":[\"x\"]}", "Prefer", "return=representation");
        assertThat(represented.statusCode()).isEqualTo(200);
        assertThat(represented.body()).isEqualTo("[{\"id\":\"c\",\"content\":\"patched\"}]");
        assertThat(represented.headers().firstValue("Content-Range")).hasValue("0-0/*");

        HttpResponse<String> tooMany = alice.patch("/memories?id=neq.zzz", "{\"content\":\"all\"}", "Prefer",
                "return=representation", "Accept", "application/vnd.pgrst.object+json");
        assertThat(tooMany.statusCode()).isEqualTo(406);
        assertThat(object(tooMany.body())).containsEntry("code", "PGRST116");
        assertThat(column(contents(), "content")).as("rolled back").containsExactly("changed", "changed", "patched");

        HttpResponse<String> deleted = alice.delete("/memories?id=eq.a", "Prefer", "return=representation");
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(column(deleted.body(), "id")).containsExactly("a");
        HttpResponse<String> quiet = alice.delete("/memories?or=(id.eq.b,id.eq.nothing)");
        assertThat(quiet.statusCode()).isEqualTo(204);
        assertThat(column(contents(), "id")).containsExactly("c");
        HttpResponse<String> counted = alice.delete("/memories?id=eq.c", "Prefer", "count=exact");
        assertThat(counted.headers().firstValue("Content-Range")).hasValue("0-0/1");
    }
}
