package co.omegamax.memory.server.hook;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code omega hook <session-start|prompt|post-edit|stop>}: a Claude Code hook. Reads the hook JSON from
 * stdin (at most 1 MB), sends it to a running {@code omega serve} / {@code omega daemon} over the Unix
 * socket and prints its answer; when no server listens it does the work in-process (words-only engine,
 * no model load). It always exits 0: on any error, or when the deadline passes, it prints nothing and
 * logs one line to stderr.
 *
 * <p>This class and the client path use JDK classes only (no picocli, Jackson, engine or model), so the
 * thin client costs little more than JVM start-up. {@code bin/omega hook ...} runs this class directly.
 *
 * <p>Options: {@code --deadline-ms N} (default {@code $OMEGA_HOOK_DEADLINE_MS}, else 1500),
 * {@code --socket PATH} (default {@code $OMEGA_SOCKET}, else {@code $OMEGA_HOME/omega.sock}),
 * {@code --db FILE}, {@code --no-socket} (always in-process), {@code --no-fallback} (socket only).
 */
public final class HookMain {
    /** Default hard deadline of a hook call. */
    public static final long DEFAULT_DEADLINE_MILLIS = 1500;
    /** How long to wait for the server to accept. */
    public static final long CONNECT_TIMEOUT_MILLIS = 50;

    private HookMain() {
    }

    /**
     * How one hook call runs.
     *
     * @param socket the server's socket
     * @param database the database the caller means (the server must serve the same one)
     * @param deadlineMillis hard deadline for the whole call, stdin included
     * @param useSocket try the server first
     * @param fallback creates the in-process handler, or {@code null} for none
     */
    public record Options(Path socket, Path database, long deadlineMillis, boolean useSocket,
                          Callable<HookHandler> fallback) {
    }

    /** Entry point of {@code bin/omega hook ...}; always exits 0. */
    public static void main(String[] args) {
        String out = "";
        try {
            out = run(args, System.in, System.err, System.getenv(), Path.of(System.getProperty("user.home")));
        } catch (RuntimeException e) {
            System.err.println("omega hook: " + e);
        }
        if (!out.isEmpty()) {
            System.out.print(out);
        }
        System.out.flush();
        System.exit(0);
    }

    /** Parses the arguments and runs the hook; returns what to print (possibly empty). Never throws. */
    public static String run(String[] args, InputStream stdin, PrintStream err, Map<String, String> env, Path userHome) {
        HookKind kind = args.length == 0 ? null : HookKind.of(args[0]);
        if (kind == null) {
            err.println("omega hook: usage: omega hook <session-start|prompt|post-edit|stop> [--deadline-ms N] "
                    + "[--socket PATH] [--db FILE] [--no-socket] [--no-fallback]");
            return "";
        }
        long deadline = DEFAULT_DEADLINE_MILLIS;
        String d = env.get("OMEGA_HOOK_DEADLINE_MS");
        Path socket = HookWire.socketPath(env, userHome);
        Path db = null;
        boolean useSocket = true;
        boolean fallback = true;
        try {
            if (d != null && !d.isBlank()) {
                deadline = Long.parseLong(d.strip());
            }
            for (int i = 1; i < args.length; i++) {
                String a = args[i];
                String v = a.contains("=") ? a.substring(a.indexOf('=') + 1) : null;
                String name = v == null ? a : a.substring(0, a.indexOf('='));
                switch (name) {
                    case "--deadline-ms" -> deadline = Long.parseLong(v != null ? v : args[++i]);
                    case "--socket" -> socket = Path.of(v != null ? v : args[++i]);
                    case "--db" -> db = Path.of(v != null ? v : args[++i]);
                    case "--no-socket" -> useSocket = false;
                    case "--no-fallback" -> fallback = false;
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
        } catch (RuntimeException e) {
            err.println("omega hook " + kind.command() + ": bad option (" + e.getMessage() + "); doing nothing");
            return "";
        }
        Path database = HookWire.database(db, env, userHome);
        Callable<HookHandler> inProcess = fallback ? inProcessFactory(database, env, userHome) : null;
        return run(kind, stdin, err, new Options(socket, database, deadline, useSocket, inProcess));
    }

    /** Runs one hook call within the deadline; returns what to print (possibly empty). Never throws. */
    public static String run(HookKind kind, InputStream stdin, PrintStream err, Options o) {
        AtomicReference<String> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                result.set(work(kind, stdin, o));
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "omega-hook");
        worker.setDaemon(true);
        worker.start();
        try {
            worker.join(Math.max(1, o.deadlineMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (worker.isAlive()) {
            worker.interrupt();
            err.println("omega hook " + kind.command() + ": gave up after " + o.deadlineMillis() + " ms");
            return "";
        }
        Throwable t = failure.get();
        if (t instanceof java.lang.reflect.InvocationTargetException ite && ite.getCause() != null) {
            t = ite.getCause();
        }
        if (t != null) {
            String m = t.getMessage();
            err.println("omega hook " + kind.command() + ": " + t.getClass().getSimpleName()
                    + (m == null ? "" : ": " + m.lines().findFirst().orElse("")));
            return "";
        }
        String r = result.get();
        return r == null ? "" : r;
    }

    private static String work(HookKind kind, InputStream stdin, Options o) throws Exception {
        byte[] input;
        try {
            input = HookWire.readAll(stdin, HookWire.MAX_INPUT);
        } catch (IOException e) {
            throw new IOException("hook input not read: " + e.getMessage(), e);
        }
        if (o.useSocket()) {
            SocketChannel ch = HookWire.connect(o.socket(), CONNECT_TIMEOUT_MILLIS);
            if (ch != null) {
                byte[] reply;
                try (ch) {
                    HookWire.writeAll(ch, HookWire.request(kind, o.database(), input));
                    ch.shutdownOutput();
                    reply = HookWire.readAll(ch, HookWire.MAX_OUTPUT + 4096);
                }
                int body = HookWire.afterLine(reply, 0);
                String status = new String(reply, 0, body < 0 ? reply.length : body - 1, StandardCharsets.UTF_8);
                if (status.equals("OK")) {
                    return new String(reply, body, reply.length - body, StandardCharsets.UTF_8);
                }
                if (!status.equals("OTHER-DB")) {
                    throw new IOException("server: " + status);
                }
                // the server serves another database: work in-process on ours
            }
        }
        if (o.fallback() == null) {
            return "";
        }
        HookHandler h = o.fallback().call();
        try {
            return h.handle(kind, input);
        } finally {
            if (h instanceof AutoCloseable c) {
                c.close();
            }
        }
    }

    /**
     * The in-process handler. The JVM resolves {@code InProcessHooks} only when the lambda runs, so the
     * thin-client path never loads engine classes (and no reflection is needed).
     */
    private static Callable<HookHandler> inProcessFactory(Path database, Map<String, String> env, Path userHome) {
        return () -> InProcessHooks.open(database, env, userHome);
    }
}
