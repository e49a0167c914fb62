package co.omegamax.platform.adapter.archfixture;

import co.omegamax.platform.archfixture.internal.Hidden;

/** Fixture: an adapter using another module's internal package. */
public class PeeksInternals {
    /** @return the hidden value */
    public int peek() {
        return new Hidden().value();
    }
}
