package co.omegamax.memory.archfixture;

import org.assertj.core.api.Assertions;

/** Fixture: memory code using a library no memory pom declares. */
public class UndeclaredLibrary {
    /** Uses AssertJ. */
    public void use() {
        Assertions.assertThat(1).isPositive();
    }
}
