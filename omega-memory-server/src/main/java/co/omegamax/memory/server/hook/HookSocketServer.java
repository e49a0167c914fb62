package co.omegamax.memory.server.hook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves Claude Code hooks to {@code omega hook ...} thin clients over a Unix domain socket (protocol in
 * {@link HookWire}). The socket file is created with mode 0600 (bound under a temporary name, restricted,
 * then renamed into place), a stale socket left by a dead server is replaced, a live one is left alone
 * ({@link #start} then throws), and the file is removed on {@link #close} if it is still ours.
 */
public final class HookSocketServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HookSocketServer.class);
    /** A connection that has not sent its request within this time is dropped. */
    static final long READ_TIMEOUT_MILLIS = 5000;

    private final Path socket;
    private final Path database;
    private final HookHandler handler;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private ServerSocketChannel server;
    private Object fileKey;
    private Thread acceptor;
    private volatile boolean closed;

    /**
     * A server for {@code handler}.
     *
     * @param socket the socket file
     * @param database the database this server serves; requests naming another one get {@code OTHER-DB}
     * @param handler does the work
     */
    public HookSocketServer(Path socket, Path database, HookHandler handler) {
        this.socket = socket.toAbsolutePath();
        this.database = database.toAbsolutePath().normalize();
        this.handler = Objects.requireNonNull(handler, "handler");
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(4, r -> daemon(r, "omega-hook-" + n.incrementAndGet()));
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "omega-hook-timer"));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** The socket file. */
    public Path socket() {
        return socket;
    }

    /**
     * Binds the socket and starts accepting.
     *
     * @throws IOException if another live server owns the socket, the path is not a socket, or binding fails
     */
    public synchronized HookSocketServer start() throws IOException {
        Path dir = socket.getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            try {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException e) {
                // not POSIX
            }
        }
        if (Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
            BasicFileAttributes a = Files.readAttributes(socket, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!a.isOther()) {
                throw new IOException(socket + " exists and is not a socket; move it away or pass another socket path");
            }
            SocketChannel probe = HookWire.connect(socket, 200);
            if (probe != null) {
                probe.close();
                throw new IOException("another omega server is listening on " + socket);
            }
            LOG.info("replacing stale hook socket {}", socket);
        }
        Path tmp = dir.resolve("." + socket.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        Files.deleteIfExists(tmp);
        ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.bind(UnixDomainSocketAddress.of(tmp), 32);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            try {
                Files.move(tmp, socket, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, socket, StandardCopyOption.REPLACE_EXISTING);
            }
            fileKey = Files.readAttributes(socket, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (IOException | RuntimeException e) {
            ch.close();
            Files.deleteIfExists(tmp);
            throw e;
        }
        server = ch;
        acceptor = daemon(this::acceptLoop, "omega-hook-accept");
        acceptor.start();
        LOG.info("serving Claude Code hooks on {}", socket);
        return this;
    }

    private void acceptLoop() {
        while (!closed) {
            SocketChannel c;
            try {
                c = server.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("hook socket accept failed: {}", e.toString());
                }
                return;
            }
            try {
                workers.execute(() -> serve(c));
            } catch (RejectedExecutionException e) {
                closeQuietly(c);
            }
        }
    }

    private void serve(SocketChannel c) {
        ScheduledFuture<?> guard = timer.schedule(() -> closeQuietly(c), READ_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        try (c) {
            byte[] req;
            try {
                req = HookWire.readAll(c, HookWire.MAX_INPUT + 8192);
            } finally {
                guard.cancel(false);
            }
            int l1 = HookWire.afterLine(req, 0);
            int l2 = l1 < 0 ? -1 : HookWire.afterLine(req, l1);
            if (l2 < 0) {
                reply(c, "ERR bad request");
                return;
            }
            String head = new String(req, 0, l1 - 1, StandardCharsets.UTF_8);
            String db = new String(req, l1, l2 - l1 - 1, StandardCharsets.UTF_8);
            HookKind kind = head.startsWith(HookWire.MAGIC + " ") ? HookKind.of(head.substring(HookWire.MAGIC.length() + 1))
                    : null;
            if (kind == null) {
                reply(c, "ERR bad request");
                return;
            }
            if (!Path.of(db).toAbsolutePath().normalize().equals(database)) {
                reply(c, "OTHER-DB");
                return;
            }
            byte[] input = new byte[req.length - l2];
            System.arraycopy(req, l2, input, 0, input.length);
            String out;
            try {
                out = handler.handle(kind, input);
            } catch (Exception | LinkageError e) {
                LOG.warn("hook {} failed: {}", kind.command(), e.toString());
                reply(c, "ERR " + e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).lines()
                        .findFirst().orElse(""));
                return;
            }
            reply(c, "OK\n" + (out == null ? "" : out));
        } catch (IOException e) {
            LOG.debug("hook connection dropped: {}", e.toString());
        }
    }

    private static void reply(SocketChannel c, String text) throws IOException {
        HookWire.writeAll(c, (text.endsWith("\n") || text.startsWith("OK\n") ? text : text + "\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static void closeQuietly(SocketChannel c) {
        try {
            c.close();
        } catch (IOException e) {
            // nothing to do
        }
    }

    /** Stops accepting, waits briefly for calls in progress and removes the socket file if it is still ours. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException e) {
            LOG.debug("closing hook socket: {}", e.toString());
        }
        workers.shutdown();
        try {
            workers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timer.shutdownNow();
        try {
            if (fileKey != null && Files.exists(socket, LinkOption.NOFOLLOW_LINKS) && fileKey.equals(Files
                    .readAttributes(socket, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey())) {
                Files.delete(socket);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + socket, e);
        }
    }
}
