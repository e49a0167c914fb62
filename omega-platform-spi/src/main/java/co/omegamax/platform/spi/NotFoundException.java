package co.omegamax.platform.spi;

/**
 * The referenced row does not exist <em>for the acting user</em>. A row owned by another user is reported
 * exactly like a row that does not exist, so the exception never reveals other tenants' data.
 */
public class NotFoundException extends PlatformException {
    private static final long serialVersionUID = 1L;
    private final String kind;
    private final String id;

    /**
     * @param kind what was looked up, e.g. {@code "workspace"}
     * @param id   the id or slug that was not found
     */
    public NotFoundException(String kind, String id) {
        super(kind + " '" + id + "' was not found for this user; list the user's " + kind
                + "s to get a valid id");
        this.kind = kind;
        this.id = id;
    }

    /** @return what was looked up, e.g. {@code "workspace"} */
    public String kind() {
        return kind;
    }

    /** @return the id or slug that was not found */
    public String id() {
        return id;
    }
}
