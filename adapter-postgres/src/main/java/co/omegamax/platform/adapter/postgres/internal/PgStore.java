package co.omegamax.platform.adapter.postgres.internal;

import co.omegamax.platform.jdbi.JdbiStore;
import co.omegamax.platform.jdbi.ScopedQuery;
import co.omegamax.platform.spi.DataStoreException;
import co.omegamax.platform.spi.WorkspaceKeyStore;
import java.time.Clock;
import java.util.regex.Pattern;

/**
 * {@link co.omegamax.platform.spi.DataStore} on PostgreSQL. All database work goes through {@link TenantScope},
 * which runs it in one transaction carrying the acting user's RLS context; the shared {@link JdbiStore} logic never
 * sees a raw handle, so every statement is also filtered by the acting user in SQL (the application-level filter;
 * RLS is the safety net under it). It is also the {@link WorkspaceKeyStore} of its database.
 */
public final class PgStore extends JdbiStore {
    private static final Pattern WORDS = Pattern.compile("[A-Za-z0-9]+(?:\\s+[A-Za-z0-9]+)*");

    private final String description;
    private final AutoCloseable pool;

    /**
     * @param scope       the tenant scope over the application role's pool
     * @param pool        closed with the store
     * @param description where the database lives (no credentials), for messages
     */
    public PgStore(TenantScope scope, AutoCloseable pool, String description, Clock clock) {
        super(scope, PgDialect.INSTANCE, clock, "PostgreSQL store " + description);
        this.pool = pool;
        this.description = description;
    }

    @Override
    protected void whereContentContains(ScopedQuery q, String search) {
        String prefixQuery = wordPrefixQuery(search);
        if (prefixQuery != null) {
            // word-shaped text: the GIN index on search_vector finds the candidate rows (each word as a
            // prefix of a lexeme), ILIKE keeps only those that really contain the text
            q.where("search_vector @@ to_tsquery('simple', :fts)").bind("fts", prefixQuery);
        }
        q.where("content ILIKE :search ESCAPE '\\'").bind("search", "%" + escapeLike(search) + "%");
    }

    /**
     * @return a {@code simple}-configuration tsquery requiring every word of {@code search} as a lexeme prefix
     *         ({@code w1:* & w2:*}), or null when the text is not only letters, digits and spaces (then the search
     *         is ILIKE alone: the full-text parser cannot express {@code %}, {@code _} or other punctuation)
     */
    static String wordPrefixQuery(String search) {
        String trimmed = search.strip();
        if (!WORDS.matcher(trimmed).matches()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (String word : trimmed.split("\\s+")) {
            if (!sb.isEmpty()) {
                sb.append(" & ");
            }
            sb.append(word).append(":*");
        }
        return sb.toString();
    }

    @Override
    protected void release() {
        try {
            pool.close();
        } catch (Exception e) {
            throw new DataStoreException("closing the connection pool of " + description + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "PostgresDataStore[" + description + "]";
    }
}
