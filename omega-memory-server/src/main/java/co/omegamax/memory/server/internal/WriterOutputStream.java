package co.omegamax.memory.server.internal;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Bytes to a {@link PrintWriter}, decoded as UTF-8 line by line and on {@link #flush()}; a multi-byte character
 * split across writes is kept until it is complete. {@link #close()} flushes but leaves the writer open.
 */
public final class WriterOutputStream extends OutputStream {
    private final PrintWriter writer;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    /** @param writer where decoded text goes (not closed by this stream) */
    public WriterOutputStream(PrintWriter writer) {
        this.writer = writer;
    }

    @Override
    public void write(int b) {
        pending.write(b);
        if (b == '\n') {
            flush();
        }
    }

    @Override
    public void flush() {
        byte[] bytes = pending.toByteArray();
        int complete = completeLength(bytes);
        if (complete > 0) {
            writer.write(new String(bytes, 0, complete, StandardCharsets.UTF_8));
            writer.flush();
            pending.reset();
            pending.write(bytes, complete, bytes.length - complete);
        }
    }

    @Override
    public void close() {
        flush();
    }

    /** Length of the prefix that ends on a character boundary (an unfinished trailing UTF-8 sequence is left out). */
    private static int completeLength(byte[] b) {
        int n = b.length;
        for (int back = 1; back <= Math.min(3, n); back++) {
            int lead = b[n - back] & 0xFF;
            if ((lead & 0xC0) == 0x80) {
                continue; // continuation byte: look further back for the lead byte
            }
            int needed = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
            return needed > back ? n - back : n;
        }
        return n;
    }
}
