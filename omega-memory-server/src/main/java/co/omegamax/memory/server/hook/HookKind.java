package co.omegamax.memory.server.hook;

import java.util.Locale;

/** The Claude Code hooks OMEGA serves: the subcommand name and the Claude Code event it answers. */
public enum HookKind {
    /** {@code SessionStart}: the welcome briefing as additional context. */
    SESSION_START("session-start", "SessionStart"),
    /** {@code UserPromptSubmit}: capture preferences, decisions, lessons; surface relevant memories. */
    PROMPT("prompt", "UserPromptSubmit"),
    /** {@code PostToolUse} (Edit, Write, MultiEdit): surface memories about the edited file. */
    POST_EDIT("post-edit", "PostToolUse"),
    /** {@code SessionEnd} (or {@code Stop}): store a small session summary. */
    STOP("stop", "SessionEnd");

    private final String command;
    private final String claudeEvent;

    HookKind(String command, String claudeEvent) {
        this.command = command;
        this.claudeEvent = claudeEvent;
    }

    /** The subcommand name, e.g. {@code post-edit}. */
    public String command() {
        return command;
    }

    /** The Claude Code event name this hook is registered for. */
    public String claudeEvent() {
        return claudeEvent;
    }

    /** Parses a subcommand name; {@code null} if unknown. */
    public static HookKind of(String name) {
        if (name == null) {
            return null;
        }
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (HookKind k : values()) {
            if (k.command.equals(n)) {
                return k;
            }
        }
        return null;
    }
}
