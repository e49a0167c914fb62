package co.omegamax.platform.adapter.supabase.byos;

import co.omegamax.platform.spi.Validate;

/**
 * The outcome of one {@link ByosStep}, ready to show to the user. Texts never contain a key, password or token.
 *
 * @param step     the step
 * @param ok       whether it succeeded
 * @param detail   what was found or what went wrong
 * @param nextStep what to do next: the following step on success, the fix on failure
 */
public record ByosStepResult(ByosStep step, boolean ok, String detail, String nextStep) {
    /** Checks the components. */
    public ByosStepResult {
        Validate.notNull("step", step);
        Validate.notNull("detail", detail);
        Validate.notNull("nextStep", nextStep);
    }

    /** @return a successful result */
    public static ByosStepResult ok(ByosStep step, String detail, String nextStep) {
        return new ByosStepResult(step, true, detail, nextStep);
    }

    /** @return a failed result */
    public static ByosStepResult failed(ByosStep step, String detail, String nextStep) {
        return new ByosStepResult(step, false, detail, nextStep);
    }

    @Override
    public String toString() {
        return step + (ok ? " ok: " : " FAILED: ") + detail + " — next: " + nextStep;
    }
}
