package co.omegamax.memory.archfixture;

/** Fixture: memory code that reaches the platform by reflection, with a ClassNotFoundException fallback. */
public class ReflectiveLeak {
    /** @return whether the platform is present */
    public static boolean platformPresent() {
        try {
            Class.forName(String.join(".", "co", "omegamax", "plat" + "form", "spi", "DataStore"));
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
