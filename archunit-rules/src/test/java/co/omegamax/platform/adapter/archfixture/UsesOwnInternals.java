package co.omegamax.platform.adapter.archfixture;

import co.omegamax.platform.adapter.archfixture.internal.OwnInternal;

/** Fixture: an adapter using its own internal package (allowed). */
public class UsesOwnInternals {
    /** @return the value */
    public int use() {
        return new OwnInternal().value();
    }
}
