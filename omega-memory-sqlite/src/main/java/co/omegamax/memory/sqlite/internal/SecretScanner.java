package co.omegamax.memory.sqlite.internal;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Refuses content that looks like a credential, so secrets never land in a memory store. */
public final class SecretScanner {
    private record Rule(String name, Pattern pattern) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("private key", Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----")),
            new Rule("AWS access key id", Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b")),
            new Rule("GitHub token", Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{36,}\\b")),
            new Rule("OpenAI/Anthropic style API key", Pattern.compile("\\bsk-(?:ant-|proj-)?[A-Za-z0-9_-]{32,}\\b")),
            new Rule("Slack token", Pattern.compile("\\bxox[baprs]-[A-Za-z0-9-]{10,}\\b")),
            new Rule("JSON Web Token", Pattern.compile("\\beyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}")),
            new Rule("OMEGA workspace key", Pattern.compile("\\bomk_live_[A-Za-z0-9]{16,}\\b")));

    /** The kind of secret found, or empty. Never returns the secret itself. */
    public Optional<String> find(String content) {
        for (Rule rule : RULES) {
            if (rule.pattern().matcher(content).find()) {
                return Optional.of(rule.name());
            }
        }
        return Optional.empty();
    }
}
