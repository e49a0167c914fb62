package co.omegamax.memory;

import java.util.List;

/**
 * Outcome of {@link MemoryEngine#importFrom}.
 *
 * @param created memories created
 * @param deduplicated lines whose content was already stored
 * @param rejected lines that could not be imported
 * @param errors one message per rejected line, with its line number (at most 100 kept)
 */
public record ImportResult(int created, int deduplicated, int rejected, List<String> errors) {

    /** Copies the errors. */
    public ImportResult {
        errors = List.copyOf(errors);
    }
}
