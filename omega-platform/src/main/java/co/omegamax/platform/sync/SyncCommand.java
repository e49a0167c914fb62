package co.omegamax.platform.sync;

import co.omegamax.memory.spi.CommandContext;
import co.omegamax.memory.spi.CommandProvider;
import co.omegamax.platform.spi.PlatformConfig;
import co.omegamax.platform.sync.internal.SyncSetup;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * {@code omega sync [status|push|dead-letters]}: shows the sync backlog and health, pushes the backlog now (in the
 * foreground, once; a running {@code omega serve} keeps pushing on its own), or lists parked records. Reads the same
 * configuration as {@link SyncHookProvider}.
 */
public final class SyncCommand implements CommandProvider {
    private static final String USAGE = "usage: omega sync [status|push|dead-letters]";

    /** For ServiceLoader. */
    public SyncCommand() {
    }

    @Override
    public String name() {
        return "sync";
    }

    @Override
    public String description() {
        return "Show the sync backlog and health, push it now, or list records the platform rejected.";
    }

    @Override
    public int run(List<String> args, CommandContext context) {
        String action = args.isEmpty() ? "status" : args.get(0);
        if (args.size() > 1 || !List.of("status", "push", "dead-letters", "help", "--help", "-h").contains(action)) {
            context.err().println(USAGE);
            return 2;
        }
        if (action.equals("help") || action.startsWith("-")) {
            context.out().println(USAGE);
            context.out().println("  status        backlog, dead letters, last success and last error (default)");
            context.out().println("  push          push the backlog to the sync target now");
            context.out().println("  dead-letters  records the target rejected, with the reason");
            return 0;
        }
        Optional<SyncSetup.Opened> opened;
        try {
            PlatformConfig config = config(context);
            opened = SyncSetup.open(config, loader(), context.userHome(), false);
        } catch (RuntimeException e) {
            context.err().println("sync cannot start: " + e.getMessage());
            return 1;
        }
        if (opened.isEmpty()) {
            context.out().println("sync is off; set 'sync: {enabled: true, datastore: <provider>}' in"
                    + " ~/.omega/config.yaml (or OMEGA_SYNC_ENABLED=true) to turn it on");
            return action.equals("status") ? 0 : 1;
        }
        try (SyncSetup.Opened o = opened.get()) {
            SyncEngine engine = o.engine();
            PrintStream out = context.out();
            switch (action) {
                case "push" -> {
                    int batches = engine.pushPending();
                    SyncStatus s = engine.status();
                    out.println("pushed " + batches + " batch(es); " + s.pending() + " change(s) still waiting");
                    if (s.consecutiveFailures() > 0) {
                        context.err().println("the last push failed: " + s.lastError());
                        return 1;
                    }
                }
                case "dead-letters" -> {
                    List<DeadLetter> dead = engine.deadLetters(500);
                    if (dead.isEmpty()) {
                        out.println("no dead letters");
                    }
                    dead.forEach(d -> out.println(d.parkedAt() + "  " + d.kind() + " " + d.recordId() + " ("
                            + d.operation() + "): " + d.reason()));
                }
                default -> print(out, o, engine.status());
            }
            return 0;
        } catch (RuntimeException e) {
            context.err().println("sync failed: " + e.getMessage());
            return 1;
        }
    }

    private static void print(PrintStream out, SyncSetup.Opened o, SyncStatus s) {
        out.println("target:        " + o.targetName() + ", workspace " + o.engine().context().workspaceId()
                + (o.engine().context().projectId() == null ? "" : ", project " + o.engine().context().projectId()));
        out.println("waiting:       " + s.pending());
        out.println("dead letters:  " + s.deadLettered());
        out.println("last success:  " + (s.lastSuccessAt() == null ? "never" : s.lastSuccessAt()));
    }

    private static PlatformConfig config(CommandContext context) {
        Properties props = new Properties();
        props.putAll(System.getProperties());
        props.setProperty("user.home", context.userHome().toString());
        return PlatformConfig.builder().systemProperties(props).environment(context.environment())
                .defaultConfigFile().build();
    }

    private static ClassLoader loader() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return cl != null ? cl : SyncCommand.class.getClassLoader();
    }
}
