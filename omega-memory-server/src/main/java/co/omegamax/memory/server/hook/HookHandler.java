package co.omegamax.memory.server.hook;

/** Turns the hook JSON Claude Code sent into the text the hook prints (empty: print nothing). */
@FunctionalInterface
public interface HookHandler {
    /**
     * Handles one hook call.
     *
     * @param kind the hook
     * @param input the JSON Claude Code wrote to the hook's stdin (UTF-8, at most {@link HookWire#MAX_INPUT} bytes)
     * @return what to print on stdout, possibly empty
     * @throws Exception on any failure; the caller fails open
     */
    String handle(HookKind kind, byte[] input) throws Exception;
}
