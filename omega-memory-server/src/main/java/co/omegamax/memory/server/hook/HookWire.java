package co.omegamax.memory.server.hook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * The local protocol between {@code omega hook ...} (thin client) and a running {@code omega serve} /
 * {@code omega daemon}, over a Unix domain socket. JDK classes only, so the client stays fast.
 *
 * <pre>
 * request:  "OMEGA-HOOK/1 &lt;hook&gt;\n" "&lt;absolute database path&gt;\n" &lt;hook JSON bytes&gt; EOF (client shuts down output)
 * response: "OK\n" &lt;output bytes&gt; EOF        the hook's output (may be empty)
 *           "OTHER-DB\n" EOF                    the server serves another database: the client works in-process
 *           "ERR &lt;message&gt;\n" EOF             the server failed: the client fails open
 * </pre>
 */
public final class HookWire {
    /** Largest hook input accepted (bytes); larger inputs are refused (fail open). */
    public static final int MAX_INPUT = 1 << 20;
    /** Largest hook output accepted from the server (bytes). */
    public static final int MAX_OUTPUT = 1 << 20;
    /** Request header prefix. */
    public static final String MAGIC = "OMEGA-HOOK/1";
    /** Socket file name in the OMEGA home. */
    public static final String SOCKET_NAME = "omega.sock";

    private HookWire() {
    }

    /** {@code $OMEGA_SOCKET}, else {@code $OMEGA_HOME/omega.sock}, else {@code ~/.omega/omega.sock}. */
    public static Path socketPath(Map<String, String> env, Path userHome) {
        String s = env.get("OMEGA_SOCKET");
        if (s != null && !s.isBlank()) {
            return Path.of(s);
        }
        return home(env, userHome).resolve(SOCKET_NAME);
    }

    /** The database the CLI would use, resolved without reading config.yaml (same rules as OmegaHome). */
    public static Path database(Path dbOverride, Map<String, String> env, Path userHome) {
        if (dbOverride != null) {
            return dbOverride.toAbsolutePath().normalize();
        }
        String db = env.get("OMEGA_DB");
        Path p = db != null && !db.isBlank() ? Path.of(db) : home(env, userHome).resolve("memory.db");
        return p.toAbsolutePath().normalize();
    }

    private static Path home(Map<String, String> env, Path userHome) {
        String h = env.get("OMEGA_HOME");
        return h != null && !h.isBlank() ? Path.of(h) : userHome.resolve(".omega");
    }

    /** The request bytes. */
    public static byte[] request(HookKind kind, Path database, byte[] input) {
        byte[] head = (MAGIC + " " + kind.command() + "\n" + database.toAbsolutePath().normalize() + "\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + input.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(input, 0, all, head.length, input.length);
        return all;
    }

    /**
     * Connects within {@code connectTimeoutMillis}; {@code null} if nothing listens (no socket file, refused,
     * stale, or too slow). The returned channel is in blocking mode.
     */
    public static SocketChannel connect(Path socket, long connectTimeoutMillis) {
        SocketChannel ch = null;
        try {
            ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            ch.configureBlocking(false);
            if (!ch.connect(UnixDomainSocketAddress.of(socket))) {
                try (Selector sel = Selector.open()) {
                    ch.register(sel, SelectionKey.OP_CONNECT);
                    if (sel.select(Math.max(1, connectTimeoutMillis)) == 0 || !ch.finishConnect()) {
                        ch.close();
                        return null;
                    }
                }
            }
            ch.configureBlocking(true);
            return ch;
        } catch (IOException | RuntimeException e) {
            if (ch != null) {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // nothing to do
                }
            }
            return null;
        }
    }

    /** Writes all bytes. */
    public static void writeAll(SocketChannel ch, byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    /** Reads until EOF; fails if more than {@code max} bytes arrive. */
    public static byte[] readAll(InputStream in, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) >= 0) {
            if (out.size() + n > max) {
                throw new IOException("more than " + max + " bytes");
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    /** Reads until EOF from a channel; fails if more than {@code max} bytes arrive. */
    public static byte[] readAll(SocketChannel ch, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer buf = ByteBuffer.allocate(8192);
        while (ch.read(buf) >= 0) {
            buf.flip();
            if (out.size() + buf.remaining() > max) {
                throw new IOException("more than " + max + " bytes");
            }
            out.write(buf.array(), 0, buf.remaining());
            buf.clear();
        }
        return out.toByteArray();
    }

    /** Index just after the n-th newline, or -1. */
    static int afterLine(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == '\n') {
                return i + 1;
            }
        }
        return -1;
    }
}
