package co.omegamax.platform.pgschema;

/**
 * The outcome of one {@link SchemaStep}.
 *
 * @param step     the step
 * @param ok       whether it succeeded
 * @param detail   what was found (never a password)
 * @param nextStep what to do next: the following step on success, the fix on failure
 */
public record StepResult(SchemaStep step, boolean ok, String detail, String nextStep) {
    /** @return a successful result */
    public static StepResult ok(SchemaStep step, String detail, String nextStep) {
        return new StepResult(step, true, detail, nextStep);
    }

    /** @return a failed result */
    public static StepResult failed(SchemaStep step, String detail, String nextStep) {
        return new StepResult(step, false, detail, nextStep);
    }

    @Override
    public String toString() {
        return step + (ok ? " ok: " : " FAILED: ") + detail + " — next: " + nextStep;
    }
}
