package co.omegamax.platform.adapter.supabase.gateway;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fixed-size pool of connections as the {@code authenticator} role (autocommit off; strings sent untyped, like
 * PostgREST's unknown-typed parameters, so PostgreSQL infers each value's type from its column). Connections are
 * opened on demand; one that fails a statement outside a transaction's rollback is discarded.
 */
final class ConnectionPool implements AutoCloseable {
    private final PGSimpleDataSource source = new PGSimpleDataSource();
    private final BlockingQueue<Connection> idle;
    private final List<Connection> all = new ArrayList<>();
    private final int size;
    private boolean closed;

    ConnectionPool(String url, String user, String password, int size) {
        source.setURL(url);
        source.setUser(user);
        source.setPassword(password);
        source.setStringType("unspecified");
        source.setApplicationName("local-postgrest-gateway");
        this.size = size;
        this.idle = new ArrayBlockingQueue<>(size);
    }

    /** A borrowed connection; closing it returns it to the pool (rolled back if a transaction is open). */
    final class Lease implements AutoCloseable {
        private final Connection connection;
        private boolean broken;

        private Lease(Connection connection) {
            this.connection = connection;
        }

        Connection connection() {
            return connection;
        }

        void markBroken() {
            broken = true;
        }

        @Override
        public void close() {
            giveBack(connection, broken);
        }
    }

    /** @return a connection (autocommit off); close the lease to give it back, rolled back */
    Lease lease() throws SQLException {
        Connection c = idle.poll();
        if (c == null) {
            synchronized (this) {
                if (closed) {
                    throw new SQLException("the gateway is closed", "08003");
                }
                if (all.size() < size) {
                    c = source.getConnection();
                    c.setAutoCommit(false);
                    all.add(c);
                }
            }
        }
        if (c == null) {
            try {
                c = idle.poll(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted waiting for a connection", "08004");
            }
            if (c == null) {
                throw new SQLException("timed out waiting for a pooled connection", "08004");
            }
        }
        return new Lease(c);
    }

    private void giveBack(Connection c, boolean broken) {
        try {
            if (!broken && !c.isClosed()) {
                c.rollback();
                idle.add(c);
                return;
            }
        } catch (SQLException e) {
            // fall through: discard
        }
        synchronized (this) {
            all.remove(c);
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // already unusable
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        for (Connection c : all) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        all.clear();
        idle.clear();
    }
}
