package co.omegamax.memory.sqlite.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Float vector helpers: little-endian BLOB encoding and cosine of unit vectors. */
public final class Vectors {
    private Vectors() {
    }

    /** Encodes as little-endian float32. */
    public static byte[] toBlob(float[] v) {
        ByteBuffer buf = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) {
            buf.putFloat(x);
        }
        return buf.array();
    }

    /** Decodes little-endian float32. */
    public static float[] fromBlob(byte[] blob) {
        ByteBuffer buf = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[blob.length / 4];
        for (int i = 0; i < v.length; i++) {
            v[i] = buf.getFloat();
        }
        return v;
    }

    /** Dot product, which is the cosine for unit vectors. */
    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }
}
