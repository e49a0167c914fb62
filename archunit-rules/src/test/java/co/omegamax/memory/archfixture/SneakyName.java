package co.omegamax.memory.archfixture;

/** Fixture: memory code that only names a platform class in a string. */
public class SneakyName {
    /** The forbidden name. */
    public static final String HOOK = "co.omegamax.platform.tck.Hook";

    /** @return a non-constant copy so the string stays in this class file */
    public String hook() {
        return HOOK.trim();
    }
}
