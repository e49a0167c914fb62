package co.omegamax.memory.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.omegamax.memory.server.fixture.ClashingCommandProvider;
import co.omegamax.memory.server.fixture.GreetCommandProvider;
import co.omegamax.memory.spi.CommandProvider;
import co.omegamax.memory.spi.CommandRegistry;
import co.omegamax.memory.spi.ExtensionConflictException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code omega} picks up {@link CommandProvider}s by ServiceLoader, lists them in help, and rejects name clashes. */
class CommandExtensionTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    private Run omega(ClassLoader loader, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = OmegaCli.commandLine(new OmegaCli(Map.of("OMEGA_HOME", dir.resolve("home").toString(),
                "GREETER", "the fixture"), dir.resolve("user"), loader));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** A loader that also sees a services file listing {@code providers} (fixture classes of the test classpath). */
    private ClassLoader withServices(String... providers) throws IOException {
        Path services = dir.resolve("extra/META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(CommandProvider.class.getName()), String.join("\n", providers) + "\n");
        return new URLClassLoader(new URL[] {dir.resolve("extra").toUri().toURL()}, getClass().getClassLoader());
    }

    @Test
    void discoveredCommandRunsWithItsArgumentsUnparsedAndTheCliEnvironment() {
        Run r = omega(getClass().getClassLoader(), GreetCommandProvider.NAME, "--name", "Ada", "-x", "plain");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("hello --name,Ada,-x,plain from the fixture at " + dir.resolve("user")
                + " \u2713" + System.lineSeparator());

        Run failed = omega(getClass().getClassLoader(), GreetCommandProvider.NAME, "--fail");
        assertThat(failed.code()).isEqualTo(3);
        assertThat(failed.err()).contains("greet: asked to fail");
    }

    @Test
    void helpListsTheCommandWithItsDescription() {
        Run help = omega(getClass().getClassLoader(), "help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("store").contains(GreetCommandProvider.NAME)
                .contains("Greets whoever its arguments name (test fixture).");
        Run without = omega(new ExtensionDiscoveryTest.WithoutTestServices(getClass().getClassLoader()), "help");
        assertThat(without.out()).contains("store").doesNotContain(GreetCommandProvider.NAME);
    }

    @Test
    void aNameTakenByABuiltInCommandOrAnotherProviderFailsNamingBoth() throws IOException {
        assertThatThrownBy(() -> omega(withServices(ClashingCommandProvider.ClaimsStore.class.getName()), "help"))
                .isInstanceOf(ExtensionConflictException.class)
                .hasMessageContaining("'store'").hasMessageContaining("built-in")
                .hasMessageContaining(ClashingCommandProvider.ClaimsStore.class.getName());
        assertThatThrownBy(() -> omega(withServices(ClashingCommandProvider.ClaimsGreet.class.getName()), "help"))
                .isInstanceOf(ExtensionConflictException.class)
                .hasMessageContaining("'" + GreetCommandProvider.NAME + "'")
                .hasMessageContaining(GreetCommandProvider.class.getName())
                .hasMessageContaining(ClashingCommandProvider.ClaimsGreet.class.getName());
    }

    @Test
    void registryOrdersByNameAndSkipsInvalidNames() {
        CommandRegistry r = CommandRegistry.of(Set.of("store"), List.of(new ClashingCommandProvider("zeta"),
                new ClashingCommandProvider("Bad Name"), new ClashingCommandProvider("alpha")));
        assertThat(r.commands()).extracting(CommandProvider::name).containsExactly("alpha", "zeta");
        assertThat(r.failures()).singleElement().satisfies(f -> assertThat(f.message()).contains("'Bad Name'"));
        assertThat(r.command("zeta")).isPresent();
        assertThat(r.command("store")).isEmpty();
    }
}
