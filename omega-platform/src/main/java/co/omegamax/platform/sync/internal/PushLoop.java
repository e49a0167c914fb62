package co.omegamax.platform.sync.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background pusher: one daemon thread, started on demand, that pushes batches while the outbox has
 * entries, waits with {@link Backoff} after a failure, and otherwise sleeps until woken or until the poll
 * interval passes. Only the holder of an exclusive lock on {@code <outbox>.lock} pushes, so several engines or
 * processes sharing one outbox do not push the same entries twice; the others keep trying to take over.
 */
public final class PushLoop {
    private static final Logger LOG = LoggerFactory.getLogger(PushLoop.class);

    /** What one push attempt did. */
    public enum Result {
        /** A batch was acknowledged; try the next one at once. */
        PUSHED,
        /** Nothing was waiting. */
        EMPTY,
        /** The target failed; back off. */
        FAILED
    }

    /** Pushes one batch. */
    public interface Step {
        /** @return what happened; never throws */
        Result pushOnce();
    }

    private final Path lockFile;
    private final Step step;
    private final Backoff backoff;
    private final Duration pollInterval;
    private final String threadName;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean wakeRequested;
    private boolean stopping;
    private Thread thread;
    private volatile boolean holding;
    private FileChannel channel;
    private FileLock fileLock;

    /**
     * @param lockFile     file whose lock makes this loop the outbox's pusher
     * @param step         the push
     * @param backoff      waits after failures
     * @param pollInterval longest idle sleep
     * @param threadName   name of the thread
     */
    public PushLoop(Path lockFile, Step step, Backoff backoff, Duration pollInterval, String threadName) {
        this.lockFile = lockFile;
        this.step = step;
        this.backoff = backoff;
        this.pollInterval = pollInterval;
        this.threadName = threadName;
    }

    /** Starts the thread if it is not running (no-op once stopped). */
    public void start() {
        lock.lock();
        try {
            if (thread != null || stopping) {
                return;
            }
            thread = new Thread(this::run, threadName);
            thread.setDaemon(true);
            thread.start();
        } finally {
            lock.unlock();
        }
    }

    /** Wakes an idle loop (not one that is backing off after a failure). */
    public void wake() {
        lock.lock();
        try {
            wakeRequested = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** @return true while this loop holds the outbox lock */
    public boolean isPushing() {
        return holding;
    }

    /** Stops the thread after the batch in flight (waits up to {@code grace}, then interrupts it). */
    public void stop(Duration grace) {
        Thread t;
        lock.lock();
        try {
            stopping = true;
            changed.signalAll();
            t = thread;
        } finally {
            lock.unlock();
        }
        if (t != null) {
            try {
                t.join(grace.toMillis());
                if (t.isAlive()) {
                    t.interrupt();
                    t.join(grace.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        release();
    }

    private void run() {
        int failures = 0;
        try {
            while (!isStopping()) {
                if (!holding && !tryLock()) {
                    await(pollInterval, true);
                    continue;
                }
                Result r = step.pushOnce();
                if (r == Result.FAILED) {
                    failures++;
                    await(backoff.delay(failures), false);
                } else {
                    failures = 0;
                    if (r == Result.EMPTY) {
                        await(pollInterval, true);
                    }
                }
            }
        } catch (RuntimeException | Error e) {
            LOG.error("the sync pusher stopped unexpectedly; local changes stay queued in the outbox and are pushed"
                    + " after a restart: {}", e.toString(), e);
        } finally {
            release();
        }
    }

    private boolean isStopping() {
        lock.lock();
        try {
            return stopping;
        } finally {
            lock.unlock();
        }
    }

    /** Sleeps up to {@code d}; returns early when stopping, or when woken if {@code wakeable}. */
    private void await(Duration d, boolean wakeable) {
        long deadline = System.nanoTime() + d.toNanos();
        lock.lock();
        try {
            while (!stopping && !(wakeable && wakeRequested)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                changed.await(left, TimeUnit.NANOSECONDS);
            }
            if (wakeable) {
                wakeRequested = false;
            }
        } catch (InterruptedException e) {
            stopping = true;
        } finally {
            lock.unlock();
        }
    }

    private synchronized boolean tryLock() {
        try {
            if (channel == null) {
                channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            }
            fileLock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            fileLock = null; // another engine of this JVM pushes this outbox
        } catch (IOException e) {
            LOG.warn("cannot lock {} to push the sync outbox ({}); retrying in {}", lockFile, e.getMessage(),
                    pollInterval);
            fileLock = null;
        }
        holding = fileLock != null;
        if (holding) {
            LOG.debug("this process now pushes the sync outbox ({})", lockFile);
        }
        return holding;
    }

    private synchronized void release() {
        holding = false;
        try {
            if (fileLock != null) {
                fileLock.release();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            LOG.debug("could not release {}: {}", lockFile, e.getMessage());
        } finally {
            fileLock = null;
            channel = null;
        }
    }
}
