package co.omegamax.memory.archfixture;

import co.omegamax.platform.spi.DataStore;

/** Fixture: memory code that references the platform directly. */
public class PlatformLeak {
    /** The forbidden reference. */
    public DataStore store;
}
