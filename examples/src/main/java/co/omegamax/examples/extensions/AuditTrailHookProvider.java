package co.omegamax.examples.extensions;

import co.omegamax.memory.spi.HookEvent;
import co.omegamax.memory.spi.HookProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Objects;

/**
 * A custom lifecycle hook: appends one line per event to {@code audit.log} in the OMEGA home directory
 * ({@code $OMEGA_HOME}, else {@code ~/.omega}) — the time, the event and the memory id or session, never the
 * memory's text (which may hold something sensitive). Registered in
 * {@code META-INF/services/co.omegamax.memory.spi.HookProvider}; the engine calls it after each write or query
 * commits, on a thread of its own.
 */
public final class AuditTrailHookProvider implements HookProvider {
    /** File name of the audit trail inside the OMEGA home directory. */
    public static final String FILE_NAME = "audit.log";

    private final Path file;

    /** ServiceLoader constructor: the trail goes to {@code $OMEGA_HOME/audit.log} (default {@code ~/.omega}). */
    public AuditTrailHookProvider() {
        this(auditFile(System.getenv(), Path.of(System.getProperty("user.home"))));
    }

    /** @param file where to append the trail */
    public AuditTrailHookProvider(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /** @return the trail file for this environment: {@code $OMEGA_HOME/audit.log}, else {@code <home>/.omega/audit.log} */
    public static Path auditFile(Map<String, String> env, Path userHome) {
        String home = env.get("OMEGA_HOME");
        Path dir = home != null && !home.isBlank() ? Path.of(home) : userHome.resolve(".omega");
        return dir.resolve(FILE_NAME);
    }

    /** @return the file this hook appends to */
    public Path file() {
        return file;
    }

    @Override
    public void onEvent(HookEvent event) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Files.writeString(file, line(event) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** @return the audit line for an event: {@code <time> <event> <subject>} */
    static String line(HookEvent event) {
        String subject;
        if (event instanceof HookEvent.MemoryStored s) {
            subject = s.result().id() + " " + s.result().status();
        } else if (event instanceof HookEvent.MemorySuperseded s) {
            subject = s.oldId() + " by " + s.newId();
        } else if (event instanceof HookEvent.MemoryUpdated u) {
            subject = u.memory().id();
        } else if (event instanceof HookEvent.MemoryDeleted d) {
            subject = d.id();
        } else if (event instanceof HookEvent.QueryExecuted q) {
            subject = q.result().hits().size() + " hits";
        } else if (event instanceof HookEvent.SessionStarted s) {
            subject = String.valueOf(s.sessionId());
        } else if (event instanceof HookEvent.SessionStopped s) {
            subject = String.valueOf(s.sessionId());
        } else {
            subject = "";
        }
        return event.at() + " " + event.getClass().getSimpleName() + " " + subject;
    }

    @Override
    public String name() {
        return "examples-audit-trail";
    }
}
