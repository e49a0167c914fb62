package co.omegamax.memory.sqlite;

import co.omegamax.memory.Embedder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** Shared test fixtures: one real bge-small model per test JVM, and a clock tests can move. */
final class TestModels {
    private static final AtomicReference<OnnxEmbedder> BGE = new AtomicReference<>();

    private TestModels() {
    }

    /** The real bundled model, loaded once for every test class. */
    static Embedder bge() {
        OnnxEmbedder e = BGE.get();
        if (e == null) {
            BGE.compareAndSet(null, OnnxEmbedder.bgeSmallEnV15Quantized());
            e = BGE.get();
        }
        return e;
    }

    /** A clock whose time tests can advance. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
