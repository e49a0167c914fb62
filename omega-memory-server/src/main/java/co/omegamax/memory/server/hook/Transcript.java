package co.omegamax.memory.server.hook;

import co.omegamax.memory.server.internal.Json;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads the last user request and the last assistant text from a Claude Code transcript (JSON lines:
 * {@code {"type":"user","message":{"content":"..."}}}, {@code {"type":"assistant","message":{"content":[{"type":
 * "text","text":"..."}]}}}). Only the last {@link #TAIL_BYTES} of the file are read; unreadable lines are skipped.
 */
final class Transcript {
    /** How much of the end of the transcript is read. */
    static final int TAIL_BYTES = 512 * 1024;

    /** The last user request and assistant text, either possibly {@code null}. */
    record Last(String userText, String assistantText) {
    }

    private Transcript() {
    }

    static Last read(Path file) {
        if (file == null || !Files.isRegularFile(file) || !file.getFileName().toString().endsWith(".jsonl")) {
            return new Last(null, null);
        }
        String tail;
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long len = f.length();
            long start = Math.max(0, len - TAIL_BYTES);
            byte[] b = new byte[(int) (len - start)];
            f.seek(start);
            f.readFully(b);
            tail = new String(b, StandardCharsets.UTF_8);
            if (start > 0) {
                int nl = tail.indexOf('\n');
                tail = nl < 0 ? "" : tail.substring(nl + 1);
            }
        } catch (IOException e) {
            return new Last(null, null);
        }
        String user = null;
        String assistant = null;
        List<String> lines = tail.lines().toList();
        for (int i = lines.size() - 1; i >= 0 && (user == null || assistant == null); i--) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            Map<String, Object> o;
            try {
                o = Json.readObject(line);
            } catch (RuntimeException e) {
                continue;
            }
            if (Boolean.TRUE.equals(o.get("isMeta")) || !(o.get("message") instanceof Map<?, ?> msg)) {
                continue;
            }
            String text = text(msg.get("content"));
            if (text == null || text.isBlank()) {
                continue;
            }
            if (user == null && "user".equals(o.get("type")) && !text.startsWith("<")) {
                user = text;
            } else if (assistant == null && "assistant".equals(o.get("type"))) {
                assistant = text;
            }
        }
        return new Last(user, assistant);
    }

    /** A string content, or the text blocks of a content array (tool results and tool calls are not text). */
    private static String text(Object content) {
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof List<?> blocks) {
            StringBuilder sb = new StringBuilder();
            for (Object b : blocks) {
                if (b instanceof Map<?, ?> m && "text".equals(m.get("type")) && m.get("text") instanceof String t) {
                    sb.append(sb.length() == 0 ? "" : " ").append(t);
                }
            }
            return sb.toString();
        }
        return null;
    }
}
