package co.omegamax.platform.adapter.archfixture.internal;

/** Fixture: an adapter's own internal class, which the adapter may use. */
public class OwnInternal {
    /** @return a value */
    public int value() {
        return 2;
    }
}
