package co.omegamax.platform.archfixture.internal;

/** Fixture: an internal class of some other module. */
public class Hidden {
    /** @return a value */
    public int value() {
        return 1;
    }
}
