package co.omegamax.memory.spi.archfixture;

import org.assertj.core.api.Assertions;

/** Fixture: an API-module class with a third-party import. */
public class ApiWithThirdParty {
    /** Uses AssertJ. */
    public void use() {
        Assertions.assertThat("x").isNotEmpty();
    }
}
