package co.omegamax.platform.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import co.omegamax.platform.spi.CreateWorkspaceInput;
import co.omegamax.platform.spi.DataStore;
import co.omegamax.platform.spi.MemoryFilters;
import co.omegamax.platform.spi.MemoryInput;
import co.omegamax.platform.spi.MemoryRecord;
import co.omegamax.platform.spi.Page;
import co.omegamax.platform.spi.Workspace;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Memory search: word-shaped text goes through the search_vector GIN index (words as prefixes) plus ILIKE. */
class MemorySearchTest {
    private static final String U = "search-user";
    private final TestPostgres pg = TestPostgres.get();
    private DataStore store;
    private MemoryFilters all;

    @BeforeEach
    void setUp() {
        pg.truncateAll();
        store = PostgresDataStore.open(pg.appConfig(TestPostgres.DATABASE));
        Workspace ws = store.createWorkspace(U, CreateWorkspaceInput.named("W"));
        store.upsertMemories(U, List.of(
                MemoryInput.of("a", ws.id(), "decision", "Chose PostgreSQL for billing"),
                MemoryInput.of("b", ws.id(), "decision", "billing for PostgreSQL was chosen"),
                MemoryInput.of("c", ws.id(), "decision", "re-index the foo-bar table, see http://example.org/x")));
        all = MemoryFilters.workspace(ws.id());
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private List<String> ids(String search) {
        return store.getMemories(U, all.withSearch(search), Page.first(50)).stream().map(MemoryRecord::id).sorted().toList();
    }

    @Test
    @DisplayName("word-shaped search: words match as lexeme prefixes, and the text must still occur as typed")
    void wordSearch() {
        assertThat(ids("postgres")).containsExactly("a", "b");
        assertThat(ids("CHOSE postgres")).as("adjacent, in this order").containsExactly("a");
        assertThat(ids("billing  for")).as("whitespace is literal").isEmpty();
        assertThat(ids("bar")).as("hyphenated parts are lexemes").containsExactly("c");
    }

    @Test
    @DisplayName("punctuation falls back to ILIKE alone (substring)")
    void punctuationSearch() {
        assertThat(ids("le.org/")).containsExactly("c");
        assertThat(ids("foo-bar")).containsExactly("c");
        assertThat(ids("http://")).containsExactly("c");
    }

    @Test
    @DisplayName("documented limit: a word-shaped text inside a word (not at its start) is not found")
    void midWordIsNotFound() {
        assertThat(ids("SQL")).isEmpty();
        assertThat(ids("illing")).isEmpty();
        assertThat(ids("greSQL for")).as("the first word too").isEmpty();
        assertThat(ids("greSQL-for")).as("not word-shaped: plain substring search").isEmpty();
        assertThat(ids("PostgreSQL for")).containsExactly("a");
    }
}
