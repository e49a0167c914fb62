/**
 * Extension points of the memory engine, discovered by {@link java.util.ServiceLoader}.
 *
 * <ul>
 *   <li>{@link co.omegamax.memory.spi.ToolProvider} adds tools to the MCP server; the
 *       {@link co.omegamax.memory.spi.ToolRegistry} holds the core tools first and then every provider's
 *       tools.</li>
 *   <li>{@link co.omegamax.memory.spi.HookProvider} receives {@link co.omegamax.memory.spi.HookEvent}s
 *       (memory stored, updated, superseded, deleted; query executed; session started and stopped). The
 *       {@link co.omegamax.memory.spi.HookedMemoryEngine} decorator fires them after the write returned,
 *       so a slow or failing hook can never lose that write. Before the first event it hands each provider the
 *       engine through {@link co.omegamax.memory.spi.HookProvider#attach}, for reading what is already stored.</li>
 *   <li>{@link co.omegamax.memory.spi.RetrievalProvider} adds {@link co.omegamax.memory.spi.ScoreModifier}s
 *       and per-event-type {@link co.omegamax.memory.spi.RetrievalProfile}s to ranking.</li>
 *   <li>{@link co.omegamax.memory.spi.CommandProvider} adds a subcommand to the {@code omega} command line; the
 *       {@link co.omegamax.memory.spi.CommandRegistry} rejects a name used twice or by a built-in command.</li>
 * </ul>
 *
 * <p><b>Discovery order</b> (the same for every kind of provider): providers are sorted by
 * {@code order()} ascending, then by {@code name()}, then by class name; ServiceLoader's own order (which
 * depends on the classpath) never decides. A provider whose class cannot be loaded or instantiated, or
 * whose methods throw while it is being registered, is reported through {@link java.lang.System.Logger}
 * and in the registry's {@code failures()}, and skipped; the rest still load.
 *
 * <p>This package depends on the JDK only.
 */
package co.omegamax.memory.spi;
