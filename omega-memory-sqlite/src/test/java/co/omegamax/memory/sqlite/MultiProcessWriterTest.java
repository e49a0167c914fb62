package co.omegamax.memory.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import co.omegamax.memory.EventType;
import co.omegamax.memory.NewMemory;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several OS processes writing one database file at once lose nothing (WAL, busy timeout, retry). */
class MultiProcessWriterTest {
    private static final int PROCESSES = 3;
    private static final int PER_PROCESS = 150;

    @TempDir
    Path dir;

    /** Entry point of each child process: {@code <db> <writer> <count>}. */
    public static void main(String[] args) {
        int writer = Integer.parseInt(args[1]);
        int count = Integer.parseInt(args[2]);
        try (SqliteMemoryEngine engine = SqliteMemoryEngine.builder(Path.of(args[0])).withoutEmbeddings().build()) {
            for (int i = 0; i < count; i++) {
                engine.store(NewMemory.of("Session " + writer + "-" + i + " summary from process " + writer,
                        EventType.SESSION_SUMMARY));
            }
        }
    }

    @Test
    void concurrentProcessesLoseNoWrite() throws Exception {
        Path db = dir.resolve("multi.db");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> processes = new ArrayList<>();
        for (int w = 0; w < PROCESSES; w++) {
            processes.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    MultiProcessWriterTest.class.getName(), db.toString(), String.valueOf(w),
                    String.valueOf(PER_PROCESS))
                    .redirectErrorStream(true)
                    .redirectOutput(new File(dir.toFile(), "writer-" + w + ".log"))
                    .start());
        }
        for (Process p : processes) {
            assertThat(p.waitFor(3, TimeUnit.MINUTES)).as("writer finished in time").isTrue();
            assertThat(p.exitValue()).as("writer exit code").isZero();
        }
        try (SqliteMemoryEngine engine = SqliteMemoryEngine.builder(db).withoutEmbeddings().build()) {
            assertThat(engine.stats().total()).isEqualTo((long) PROCESSES * PER_PROCESS);
        }
    }
}
