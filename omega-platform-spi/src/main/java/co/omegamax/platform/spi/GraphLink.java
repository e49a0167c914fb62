package co.omegamax.platform.spi;

/**
 * A directed, weighted link to write between two memories or two tracked entities of the same workspace.
 * Writing a link that exists (same from, to, relation) replaces its weight.
 *
 * @param fromId   source id
 * @param toId     target id (different from source)
 * @param relation relation token, e.g. {@code related}, {@code works_at}
 * @param weight   weight in 0..1
 */
public record GraphLink(String fromId, String toId, String relation, double weight) {
    /** Validates the components. */
    public GraphLink {
        fromId = Validate.id("link.fromId", fromId);
        toId = Validate.id("link.toId", toId);
        relation = Validate.token("link.relation", relation);
        if (fromId.equals(toId)) {
            throw new InvalidInputException("link.toId", "must differ from link.fromId (no self links)");
        }
        if (!(weight >= 0.0 && weight <= 1.0)) {
            throw new InvalidInputException("link.weight", "must be between 0 and 1, was " + weight);
        }
    }
}
