package co.omegamax.platform.spi;

/** An argument was missing, malformed or out of range; {@link #field()} names it. Nothing was changed. */
public class InvalidInputException extends PlatformException {
    private static final long serialVersionUID = 1L;
    private final String field;

    /**
     * @param field  the argument or record component that was rejected, e.g. {@code "page.limit"}
     * @param reason why, phrased so the caller knows how to fix it
     */
    public InvalidInputException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
    }

    /** @return the rejected argument or component */
    public String field() {
        return field;
    }
}
