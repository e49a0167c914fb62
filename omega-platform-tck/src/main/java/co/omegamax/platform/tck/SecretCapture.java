package co.omegamax.platform.tck;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures everything a test's code logs — java.util.logging (and {@link System.Logger}, which defaults to it) at
 * level ALL, and {@code System.out}/{@code System.err} (where SLF4J simple and most fallbacks write) — so a test can
 * assert that no secret was ever written. Output is still passed through. Install with {@link #start()}, remove with
 * {@link #close()}.
 */
public final class SecretCapture implements AutoCloseable {
    private final StringBuilder captured = new StringBuilder();
    private final Logger root = Logger.getLogger("");
    private final Level previousLevel = root.getLevel();
    private final Handler handler;
    private final PrintStream previousOut = System.out;
    private final PrintStream previousErr = System.err;
    private final List<Handler> loweredHandlers = new ArrayList<>();
    private final List<Level> loweredLevels = new ArrayList<>();

    private SecretCapture() {
        SimpleFormatter formatter = new SimpleFormatter();
        handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (captured) {
                    captured.append(formatter.format(record));
                    if (record.getParameters() != null) {
                        for (Object p : record.getParameters()) {
                            captured.append(' ').append(p);
                        }
                    }
                    if (record.getThrown() != null) {
                        captured.append(' ').append(record.getThrown());
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        handler.setLevel(Level.ALL);
    }

    /** @return a running capture */
    public static SecretCapture start() {
        SecretCapture c = new SecretCapture();
        c.root.setLevel(Level.ALL);
        for (Handler h : c.root.getHandlers()) { // keep console noise at its old level
            c.loweredHandlers.add(h);
            c.loweredLevels.add(h.getLevel());
            if (h.getLevel().intValue() < Level.INFO.intValue()) {
                h.setLevel(Level.INFO);
            }
        }
        c.root.addHandler(c.handler);
        System.setOut(new PrintStream(c.tee(c.previousOut), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(c.tee(c.previousErr), true, StandardCharsets.UTF_8));
        return c;
    }

    private OutputStream tee(PrintStream target) {
        return new OutputStream() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();

            @Override
            public synchronized void write(int b) {
                target.write(b);
                line.write(b);
                if (b == '\n') {
                    flushLine();
                }
            }

            @Override
            public synchronized void flush() {
                flushLine();
                target.flush();
            }

            private void flushLine() {
                synchronized (captured) {
                    captured.append(line.toString(StandardCharsets.UTF_8));
                }
                line.reset();
            }
        };
    }

    /** @return everything captured so far */
    public String text() {
        System.out.flush();
        System.err.flush();
        synchronized (captured) {
            return captured.toString();
        }
    }

    /** Logs a line through JUL; used by the kit's self-test to prove the capture works. */
    static void logForSelfTest(String message) {
        Logger.getLogger(SecretCapture.class.getName()).fine(message);
    }

    @Override
    public void close() {
        System.out.flush();
        System.err.flush();
        System.setOut(previousOut);
        System.setErr(previousErr);
        root.removeHandler(handler);
        root.setLevel(previousLevel);
        for (int i = 0; i < loweredHandlers.size(); i++) {
            loweredHandlers.get(i).setLevel(loweredLevels.get(i));
        }
    }
}
