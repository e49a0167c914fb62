package co.omegamax.memory.server;

import co.omegamax.memory.EventType;
import co.omegamax.memory.ImportResult;
import co.omegamax.memory.Memory;
import co.omegamax.memory.MemoryException;
import co.omegamax.memory.MemoryHit;
import co.omegamax.memory.MemoryQuery;
import co.omegamax.memory.MemoryStats;
import co.omegamax.memory.NewMemory;
import co.omegamax.memory.QueryMode;
import co.omegamax.memory.QueryResult;
import co.omegamax.memory.Scope;
import co.omegamax.memory.StoreResult;
import co.omegamax.memory.server.internal.ClientSetup;
import co.omegamax.memory.server.internal.CoreTools;
import co.omegamax.memory.server.internal.Doctor;
import co.omegamax.memory.server.internal.ExtensionCommands;
import co.omegamax.memory.server.internal.Json;
import co.omegamax.memory.server.internal.Maintenance;
import co.omegamax.memory.server.internal.Views;
import co.omegamax.memory.server.internal.WriterOutputStream;
import co.omegamax.memory.server.hook.HookKind;
import co.omegamax.memory.server.hook.HookMain;
import co.omegamax.memory.server.hook.HookService;
import co.omegamax.memory.server.hook.HookSocketServer;
import co.omegamax.memory.server.hook.HookWire;
import co.omegamax.memory.spi.ExtensionConflictException;
import co.omegamax.memory.spi.HookedMemoryEngine;
import co.omegamax.memory.spi.Tool;
import co.omegamax.memory.spi.ToolRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The {@code omega} command line. Run {@code omega --help} for the commands. Exit codes: 0 success,
 * 1 a problem the message explains (bad input, unknown id, failed check), 2 bad usage.
 */
@Command(name = "omega", mixinStandardHelpOptions = true, versionProvider = OmegaCli.Version.class,
        description = "OMEGA: persistent memory for AI coding agents.",
        subcommands = {OmegaCli.Serve.class, OmegaCli.Store.class, OmegaCli.Remember.class, OmegaCli.QueryCmd.class,
                OmegaCli.Timeline.class, OmegaCli.Status.class, OmegaCli.DoctorCmd.class, OmegaCli.Export.class,
                OmegaCli.Import.class, OmegaCli.Backup.class, OmegaCli.Restore.class, OmegaCli.Consolidate.class,
                OmegaCli.Setup.class, OmegaCli.Tools.class, OmegaCli.Hook.class, OmegaCli.Daemon.class,
                CommandLine.HelpCommand.class})
public final class OmegaCli implements Callable<Integer> {

    @Option(names = "--db", scope = CommandLine.ScopeType.INHERIT, paramLabel = "FILE",
            description = "Memory database (default: $OMEGA_DB, else $OMEGA_HOME/memory.db, else ~/.omega/memory.db)")
    Path db;

    @Spec
    CommandLine.Model.CommandSpec spec;

    private final Map<String, String> env;
    private final Path userHome;
    private final ClassLoader extensions;

    /** The command line of this process. */
    public OmegaCli() {
        this(System.getenv(), Path.of(System.getProperty("user.home")), OmegaCli.class.getClassLoader());
    }

    /** A command line with an explicit environment, home directory and extension class loader (tests, embedding). */
    public OmegaCli(Map<String, String> env, Path userHome, ClassLoader extensions) {
        this.env = Map.copyOf(env);
        this.userHome = userHome;
        this.extensions = extensions;
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        CommandLine cl;
        try {
            cl = commandLine(new OmegaCli());
        } catch (ExtensionConflictException e) {
            System.err.println("omega: " + e.getMessage());
            System.exit(1);
            return;
        }
        System.exit(cl.execute(args));
    }

    /**
     * A picocli command line for {@code cli} with OMEGA's error handling, including the subcommands of every
     * {@link co.omegamax.memory.spi.CommandProvider} visible to the extension class loader.
     *
     * @throws ExtensionConflictException if a provider's command name is taken by a built-in command or another provider
     */
    public static CommandLine commandLine(OmegaCli cli) {
        CommandLine cl = new CommandLine(cli);
        ExtensionCommands.register(cl, cli.extensions, cli.env, cli.userHome);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof MemoryException || e instanceof IOException || e instanceof IllegalArgumentException) {
                cmd.getErr().println("omega: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        return cl;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    OmegaHome home() {
        return OmegaHome.resolve(db, env, userHome);
    }

    HookedMemoryEngine openEngine() {
        return Engines.open(home().database(), extensions);
    }

    Path socketPath(Path override) {
        return override != null ? override : HookWire.socketPath(env, userHome);
    }

    /** Starts the hook socket for {@code engine}; null (logged) if another server owns it or binding fails. */
    HookSocketServer startHookSocket(Path socket, OmegaHome home, HookedMemoryEngine engine) {
        try {
            return new HookSocketServer(socket, home.database(), new HookService(engine, home.defaultScope())).start();
        } catch (IOException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(OmegaCli.class).warn("Claude Code hooks not served over a socket: {}",
                    e.getMessage());
            return null;
        }
    }

    ToolRegistry registry(OmegaHome home) {
        return ToolRegistry.discover(new CoreTools(home.database(), home.backups()), extensions);
    }

    /** The version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"omega " + version()};
        }
    }

    static String version() {
        String v = OmegaCli.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    abstract static class Sub implements Callable<Integer> {
        @ParentCommand
        OmegaCli root;
        @Spec
        CommandLine.Model.CommandSpec spec;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        PrintWriter err() {
            return spec.commandLine().getErr();
        }
    }

    abstract static class ScopedSub extends Sub {
        @Option(names = {"-p", "--project"}, description = "Project (default: default_project in config.yaml)")
        String project;
        @Option(names = {"-w", "--workspace"}, description = "Workspace (default: default_workspace in config.yaml)")
        String workspace;

        Scope scope(OmegaHome home) {
            return Scope.of(workspace != null ? workspace : home.defaultScope().workspace(),
                    project != null ? project : home.defaultScope().project());
        }
    }

    @Command(name = "serve", description = "Run the MCP server on stdio (for Claude Code, Cursor, ...) and serve "
            + "`omega hook` calls on a Unix socket. Logs go to stderr.")
    static final class Serve extends Sub {
        @Option(names = "--socket", paramLabel = "PATH",
                description = "Hook socket (default: $OMEGA_SOCKET, else $OMEGA_HOME/omega.sock)")
        Path socket;
        @Option(names = "--no-hook-socket", description = "Do not serve Claude Code hooks over the socket")
        boolean noSocket;

        @Override
        public Integer call() throws Exception {
            OmegaHome home = root.home();
            ToolRegistry registry = root.registry(home);
            registry.failures().forEach(f -> org.slf4j.LoggerFactory.getLogger(Serve.class)
                    .warn("tool provider skipped: {}", f));
            HookedMemoryEngine engine = root.openEngine();
            String session = "mcp-" + ProcessHandle.current().pid();
            java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();
            HookSocketServer hooks = noSocket ? null : root.startHookSocket(root.socketPath(socket), home, engine);
            Runnable stop = () -> {
                if (stopped.compareAndSet(false, true)) {
                    try {
                        if (hooks != null) {
                            hooks.close();
                        }
                        engine.sessionStopped(session, "mcp", home.defaultScope());
                    } finally {
                        engine.close();
                    }
                }
            };
            // a client that ends the server with SIGTERM instead of closing stdin still gets a clean stop
            Thread onSignal = new Thread(stop, "omega-shutdown");
            Runtime.getRuntime().addShutdownHook(onSignal);
            try {
                engine.sessionStarted(session, "mcp", home.defaultScope());
                new McpStdioServer(registry, engine, home.defaultScope(), version()).serve(System.in, System.out);
            } finally {
                stop.run();
                try {
                    Runtime.getRuntime().removeShutdownHook(onSignal);
                } catch (IllegalStateException e) {
                    // already shutting down
                }
            }
            return 0;
        }
    }

    @Command(name = "store", description = "Store one memory.")
    static final class Store extends ScopedSub {
        @Parameters(arity = "1..*", paramLabel = "TEXT", description = "The memory (words are joined with spaces)")
        List<String> words;
        @Option(names = {"-t", "--type"}, defaultValue = "memory",
                description = "Event type: ${COMPLETION-CANDIDATES}", completionCandidates = Types.class)
        String type;
        @Option(names = "--tag", description = "Tag (repeatable)")
        List<String> tags = new ArrayList<>();
        @Option(names = "--priority", description = "1 (lowest) .. 5 (highest)")
        Integer priority;
        @Option(names = "--json", description = "Print the result as JSON")
        boolean json;

        @Override
        public Integer call() {
            return storeAndPrint(String.join(" ", words), EventType.fromWireName(type));
        }

        int storeAndPrint(String text, EventType eventType) {
            OmegaHome home = root.home();
            NewMemory.Builder b = NewMemory.builder(text).eventType(eventType).tags(tags).scope(scope(home))
                    .agentType("cli");
            if (priority != null) {
                b.priority(priority);
            }
            try (HookedMemoryEngine engine = root.openEngine()) {
                StoreResult r = engine.store(b.build());
                if (json) {
                    out().println(Json.write(Views.storeResult(r)));
                } else {
                    out().println(r.status().name().toLowerCase(Locale.ROOT) + " " + (r.id() == null ? "" : r.id())
                            + " (" + r.reason() + ")");
                }
                return r.id() == null ? 1 : 0;
            }
        }
    }

    /** Event type names for help and completion. */
    static final class Types extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        Types() {
            for (EventType t : EventType.values()) {
                add(t.wireName());
            }
        }
    }

    @Command(name = "remember", description = "Remember a fact or preference permanently (store with type user_fact "
            + "unless --type says otherwise).")
    static final class Remember extends ScopedSub {
        @Parameters(arity = "1..*", paramLabel = "TEXT")
        List<String> words;
        @Option(names = {"-t", "--type"}, defaultValue = "user_fact", description = "Event type (default user_fact)")
        String type;
        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() {
            Store s = new Store();
            s.root = root;
            s.spec = spec;
            s.project = project;
            s.workspace = workspace;
            s.json = json;
            EventType t = EventType.fromWireName(type);
            if (t.ttl() != co.omegamax.memory.TtlClass.PERMANENT) {
                throw new co.omegamax.memory.InvalidQueryException("remember keeps memories permanently; "
                        + t.wireName() + " memories expire. Use `omega store --type " + t.wireName() + "` instead");
            }
            return s.storeAndPrint(String.join(" ", words), t);
        }
    }

    @Command(name = "query", description = "Recall memories by meaning and words.")
    static final class QueryCmd extends ScopedSub {
        @Parameters(arity = "1..*", paramLabel = "TEXT")
        List<String> words;
        @Option(names = {"-n", "--limit"}, defaultValue = "10")
        int limit;
        @Option(names = {"-t", "--type"}, description = "Only this event type (repeatable)")
        List<String> types = new ArrayList<>();
        @Option(names = "--phrase", description = "Match the exact phrase")
        boolean phrase;
        @Option(names = "--json", description = "Print hits as JSON (with scores and ranking reasons)")
        boolean json;

        @Override
        public Integer call() {
            MemoryQuery.Builder q = MemoryQuery.builder().text(String.join(" ", words)).limit(limit)
                    .mode(phrase ? QueryMode.PHRASE : QueryMode.HYBRID).scope(scope(root.home()));
            types.forEach(t -> q.eventTypes(EventType.fromWireName(t)));
            try (HookedMemoryEngine engine = root.openEngine()) {
                QueryResult r = engine.query(q.build());
                if (json) {
                    out().println(Json.pretty(Views.queryResult(r)));
                } else if (r.hits().isEmpty()) {
                    out().println("nothing found" + (r.abstainReason() == null ? "" : ": " + r.abstainReason()));
                } else {
                    for (MemoryHit h : r.hits()) {
                        out().printf(Locale.ROOT, "%.3f  %s  [%s]  %s%n", h.score(), h.memory().id(),
                                h.memory().eventType().wireName(), oneLine(h.memory().content()));
                    }
                }
                return 0;
            }
        }
    }

    static String oneLine(String s) {
        String t = s.replaceAll("\\s+", " ").strip();
        return t.length() > 160 ? t.substring(0, 157) + "..." : t;
    }

    @Command(name = "timeline", description = "Memories newest first.")
    static final class Timeline extends ScopedSub {
        @Option(names = {"-n", "--limit"}, defaultValue = "20")
        int limit;
        @Option(names = {"-t", "--type"}, description = "Only this event type (repeatable)")
        List<String> types = new ArrayList<>();
        @Option(names = "--since", description = "Only memories at or after this date (2026-05-01) or instant")
        String since;
        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() {
            MemoryQuery.Builder q = MemoryQuery.builder().mode(QueryMode.TIMELINE).limit(limit).scope(scope(root.home()))
                    .between(since == null ? null : parseTime(since), null);
            types.forEach(t -> q.eventTypes(EventType.fromWireName(t)));
            try (HookedMemoryEngine engine = root.openEngine()) {
                List<Memory> items = engine.timeline(q.build());
                if (json) {
                    out().println(Json.pretty(Map.of("memories", Views.memories(items))));
                } else {
                    DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
                    for (Memory m : items) {
                        out().printf("%s  %s  [%s]  %s%n", f.format(m.validFrom()), m.id(), m.eventType().wireName(),
                                oneLine(m.content()));
                    }
                }
                return 0;
            }
        }
    }

    static Instant parseTime(String s) {
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e2) {
                throw new co.omegamax.memory.InvalidQueryException("'" + s + "' is not a date (2026-05-01) or an "
                        + "instant (2026-05-01T10:00:00Z)");
            }
        }
    }

    @Command(name = "status", description = "Where the database is and what it holds.")
    static final class Status extends Sub {
        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() {
            OmegaHome home = root.home();
            try (HookedMemoryEngine engine = root.openEngine()) {
                MemoryStats s = engine.stats();
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("database", home.database().toAbsolutePath().toString());
                v.put("home", home.home().toAbsolutePath().toString());
                v.put("default_workspace", home.defaultScope().workspace());
                v.put("default_project", home.defaultScope().project());
                v.putAll(Views.stats(s));
                if (json) {
                    out().println(Json.pretty(v));
                } else {
                    out().println("database:  " + v.get("database"));
                    out().println("memories:  " + s.active() + " active, " + s.total() + " total, " + s.edges() + " links");
                    out().println("by type:   " + v.get("by_type"));
                    out().println("vectors:   " + s.withVectors() + (s.degraded() ? " (DEGRADED: words only)"
                            : " (" + s.embeddingModel() + ", " + s.dimension() + " dims)"));
                    out().println("size:      " + s.databaseBytes() + " bytes");
                }
                return 0;
            }
        }
    }

    @Command(name = "doctor", description = "Check the database, full-text index, vectors, model and embedding "
            + "dimension, and say how to fix what fails.")
    static final class DoctorCmd extends Sub {
        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() {
            List<Doctor.Check> checks = Doctor.run(root.home().database());
            boolean ok = checks.stream().allMatch(Doctor.Check::ok);
            if (json) {
                out().println(Json.pretty(Map.of("ok", ok, "checks", checks)));
            } else {
                for (Doctor.Check c : checks) {
                    out().printf("%s %-9s %s%n", c.ok() ? "[ok]  " : "[FAIL]", c.name(), c.detail());
                    if (!c.ok()) {
                        out().println("         fix: " + c.fix());
                    }
                }
            }
            return ok ? 0 : 1;
        }
    }

    @Command(name = "export", description = "Write every memory as JSON lines to a new file (mode 0600).")
    static final class Export extends Sub {
        @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE")
        Path file;
        @Option(names = "--force", description = "Overwrite an existing file")
        boolean force;

        @Override
        public Integer call() throws IOException {
            if (Files.exists(file) && !force) {
                throw new IOException(file + " exists; pass --force to overwrite it");
            }
            try (HookedMemoryEngine engine = root.openEngine()) {
                long n = CoreTools.export(engine, file);
                out().println("exported " + n + " memories to " + file.toAbsolutePath());
                return 0;
            }
        }
    }

    @Command(name = "import", description = "Read memories from a JSON-lines export (duplicates are merged).")
    static final class Import extends Sub {
        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() throws IOException {
            if (!Files.isRegularFile(file)) {
                throw new IOException("no such file: " + file);
            }
            try (HookedMemoryEngine engine = root.openEngine(); InputStream in = Files.newInputStream(file)) {
                ImportResult r = engine.importFrom(in);
                out().println("created " + r.created() + ", deduplicated " + r.deduplicated() + ", rejected "
                        + r.rejected());
                r.errors().forEach(e -> err().println("  " + e));
                return r.rejected() == 0 ? 0 : 1;
            }
        }
    }

    @Command(name = "backup", description = "Copy the live database consistently (SQLite VACUUM INTO) to a new file (mode 0600).")
    static final class Backup extends Sub {
        @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Target (default: ~/.omega/backups/memory-<time>.db)")
        Path file;

        @Override
        public Integer call() {
            OmegaHome home = root.home();
            if (!Files.exists(home.database())) {
                throw new co.omegamax.memory.StorageException("no database at " + home.database() + " to back up");
            }
            Path target = file != null ? file : home.backups().resolve("memory-" + DateTimeFormatter
                    .ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now()) + ".db");
            long bytes = Maintenance.backup(home.database(), target);
            out().println("backed up " + home.database() + " to " + target.toAbsolutePath() + " (" + bytes + " bytes)");
            return 0;
        }
    }

    @Command(name = "restore", description = "Replace the database with a backup made by `omega backup`. Stop "
            + "`omega serve` first. The current database is kept as <name>.before-restore-<millis>.")
    static final class Restore extends Sub {
        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() {
            OmegaHome home = root.home();
            Path previous = Maintenance.restore(file, home.database());
            out().println("restored " + file + " to " + home.database()
                    + (previous == null ? "" : "; the previous database is at " + previous));
            return 0;
        }
    }

    @Command(name = "consolidate", description = "Purge expired memories and compact the database.")
    static final class Consolidate extends Sub {
        @Override
        public Integer call() {
            int purged;
            try (HookedMemoryEngine engine = root.openEngine()) {
                purged = engine.purgeExpired();
            }
            long[] sizes = Maintenance.compact(root.home().database());
            out().println("purged " + purged + " expired memories; database " + sizes[0] + " -> " + sizes[1] + " bytes");
            return 0;
        }
    }

    @Command(name = "setup", description = "Register `omega serve` as an MCP server in Claude Code or Cursor "
            + "(adds mcpServers.omega; keeps every other entry; safe to run again).")
    static final class Setup extends Sub {
        @Option(names = "--client", defaultValue = "claude-code",
                description = "claude-code (~/.claude.json), claude-code-project (./.mcp.json) or cursor (~/.cursor/mcp.json)")
        String client;
        @Option(names = "--config", paramLabel = "FILE", description = "Write to this file instead")
        Path config;
        @Option(names = "--command", description = "Command the client runs (default: this launcher, or java -jar <jar>)")
        String command;
        @Option(names = "--no-hooks", description = "Do not add the Claude Code hooks (session-start, prompt, post-edit, "
                + "stop) to ~/.claude/settings.json (claude-code) or ./.claude/settings.json (claude-code-project)")
        boolean noHooks;
        @Option(names = "--settings", paramLabel = "FILE", description = "Write the hooks to this settings file instead")
        Path settings;

        @Override
        public Integer call() throws IOException {
            Path file = config != null ? config
                    : ClientSetup.configFile(client, root.userHome, Path.of("").toAbsolutePath());
            List<String> args = new ArrayList<>();
            String cmd = command;
            if (cmd == null) {
                String launcher = System.getProperty("omega.launcher");
                if (launcher != null && !launcher.isBlank()) {
                    cmd = Path.of(launcher).toAbsolutePath().toString();
                } else {
                    cmd = Path.of(System.getProperty("java.home"), "bin", "java").toString();
                    args.add("-jar");
                    args.add(jarPath());
                }
            }
            args.add("serve");
            Map<String, String> envs = new LinkedHashMap<>();
            if (root.db != null) {
                envs.put("OMEGA_DB", root.db.toAbsolutePath().toString());
            }
            ClientSetup.Outcome o = ClientSetup.install(file, "omega", ClientSetup.entry(cmd, args, envs));
            out().println(switch (o) {
                case CREATED -> "created " + file + " with the omega MCP server";
                case UPDATED -> "added the omega MCP server to " + file + " (other entries kept)";
                case UNCHANGED -> "omega is already registered in " + file + "; nothing changed";
            });
            Path hooksFile = settings != null ? settings
                    : ClientSetup.hooksFile(client, root.userHome, Path.of("").toAbsolutePath());
            if (!noHooks && hooksFile != null) {
                String prefix = (root.db == null ? "" : "OMEGA_DB=" + shellQuote(root.db.toAbsolutePath().toString())
                        + " ") + hookCommand();
                List<ClientSetup.HookEntry> entries = new ArrayList<>();
                for (HookKind k : HookKind.values()) {
                    entries.add(new ClientSetup.HookEntry(k.claudeEvent(),
                            k == HookKind.POST_EDIT ? "Edit|Write|MultiEdit" : null, prefix + " " + k.command(), 10,
                            k.command()));
                }
                ClientSetup.Outcome h = ClientSetup.installHooks(hooksFile, entries);
                out().println(switch (h) {
                    case CREATED -> "created " + hooksFile + " with the omega Claude Code hooks";
                    case UPDATED -> "added the omega Claude Code hooks to " + hooksFile + " (other hooks kept)";
                    case UNCHANGED -> "the omega Claude Code hooks are already in " + hooksFile + "; nothing changed";
                });
            }
            return 0;
        }

        /** The hook command up to the hook name: {@code <cmd> hook}, or the fast hook main class of the jar. */
        private String hookCommand() {
            if (command != null) {
                return command + " hook";
            }
            String launcher = System.getProperty("omega.launcher");
            if (launcher != null && !launcher.isBlank()) {
                return shellQuote(Path.of(launcher).toAbsolutePath().toString()) + " hook";
            }
            return shellQuote(Path.of(System.getProperty("java.home"), "bin", "java").toString())
                    + " -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp " + shellQuote(jarPath()) + " "
                    + HookMain.class.getName();
        }

        static String shellQuote(String s) {
            return s.matches("[A-Za-z0-9_./:=@%+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
        }

        private static String jarPath() {
            try {
                return Path.of(OmegaCli.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
            } catch (java.net.URISyntaxException | RuntimeException e) {
                throw new IllegalArgumentException("cannot find the omega jar; pass --command", e);
            }
        }
    }

    @Command(name = "tools", description = "List the MCP tools this installation offers (core and extensions).")
    static final class Tools extends Sub {
        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() {
            OmegaHome home = root.home();
            ToolRegistry r = root.registry(home);
            if (json) {
                List<Map<String, Object>> list = new ArrayList<>();
                for (Tool t : r.tools()) {
                    Map<String, Object> v = new LinkedHashMap<>();
                    v.put("name", t.name());
                    v.put("provider", r.owner(t.name()).orElse(""));
                    v.put("description", t.description());
                    list.add(v);
                }
                out().println(Json.pretty(Map.of("tools", list, "failures",
                        r.failures().stream().map(Object::toString).toList())));
            } else {
                for (Tool t : r.tools()) {
                    out().printf("%-20s %s%n", t.name(), r.owner(t.name()).orElse(""));
                }
                r.failures().forEach(f -> err().println("skipped: " + f));
            }
            return 0;
        }
    }

    @Command(name = "hook", description = "Claude Code hook: reads the hook JSON on stdin and prints the hook output. "
            + "HOOK is session-start (briefing), prompt (capture preferences/decisions/lessons, surface memories), "
            + "post-edit (memories about the edited file) or stop (session summary). Uses a running `omega serve` / "
            + "`omega daemon` over its socket, else works in-process. Always exits 0.")
    static final class Hook extends Sub {
        @Parameters(index = "0", paramLabel = "HOOK", description = "session-start, prompt, post-edit or stop")
        String kind;
        @Option(names = "--deadline-ms", description = "Give up silently after this many ms (default "
                + "$OMEGA_HOOK_DEADLINE_MS, else 1500)")
        Long deadline;
        @Option(names = "--socket", paramLabel = "PATH")
        Path socket;
        @Option(names = "--no-socket", description = "Do not try the server")
        boolean noSocket;
        @Option(names = "--no-fallback", description = "Only the server; print nothing when none runs")
        boolean noFallback;

        @Override
        public Integer call() {
            List<String> args = new ArrayList<>(List.of(kind));
            if (deadline != null) {
                args.add("--deadline-ms=" + deadline);
            }
            args.add("--socket=" + root.socketPath(socket));
            if (root.db != null) {
                args.add("--db=" + root.db);
            }
            if (noSocket) {
                args.add("--no-socket");
            }
            if (noFallback) {
                args.add("--no-fallback");
            }
            java.io.PrintStream errStream = new java.io.PrintStream(new WriterOutputStream(err()), true,
                    java.nio.charset.StandardCharsets.UTF_8);
            String output = HookMain.run(args.toArray(String[]::new), System.in, errStream, root.env, root.userHome);
            out().print(output);
            out().flush();
            return 0;
        }
    }

    @Command(name = "daemon", description = "Serve `omega hook` calls on the Unix socket (no MCP), keeping the "
            + "model loaded, until stopped (Ctrl-C / SIGTERM). Use it when no `omega serve` runs.")
    static final class Daemon extends Sub {
        @Option(names = "--socket", paramLabel = "PATH",
                description = "Hook socket (default: $OMEGA_SOCKET, else $OMEGA_HOME/omega.sock)")
        Path socket;

        @Override
        public Integer call() throws Exception {
            OmegaHome home = root.home();
            HookedMemoryEngine engine = root.openEngine();
            HookSocketServer server;
            try {
                server = new HookSocketServer(root.socketPath(socket), home.database(),
                        new HookService(engine, home.defaultScope())).start();
            } catch (IOException e) {
                engine.close();
                throw e;
            }
            java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();
            Runnable stop = () -> {
                if (stopped.compareAndSet(false, true)) {
                    try {
                        server.close();
                    } finally {
                        engine.close();
                        done.countDown();
                    }
                }
            };
            Runtime.getRuntime().addShutdownHook(new Thread(stop, "omega-daemon-shutdown"));
            err().println("omega daemon: serving hooks on " + server.socket() + " for " + home.database());
            done.await();
            return 0;
        }
    }
}
