package co.omegamax.platform.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.omegamax.platform.context.WorkspaceContext;
import co.omegamax.platform.spi.NotFoundException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Users, workspaces and projects never see or block each other's coordination records. */
class IsolationTest {
    @TempDir
    Path dir;
    SqliteWorld world;

    @BeforeEach
    void open() {
        world = new SqliteWorld(dir);
    }

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void anotherUserAnotherWorkspaceAndAnotherProjectAreSeparate() {
        WorkspaceContext aliceOther = world.workspaceOf(SqliteWorld.ALICE, "Side project");
        WorkspaceContext bob = world.workspaceOf(SqliteWorld.BOB, "Acme");
        WorkspaceContext aliceProject = world.projectOf(world.alice, "backend");
        CoordinationService main = world.service();
        CoordinationService other = world.service(aliceOther);
        CoordinationService bobs = world.service(bob);
        CoordinationService project = world.service(aliceProject);

        main.sessions().register("s-1", "alice-main", null);
        other.sessions().register("s-2", "alice-other", null);
        bobs.sessions().register("s-1", "bob-agent", null);
        project.sessions().register("s-3", "alice-backend", null);

        for (CoordinationService c : List.of(main, other, project)) {
            assertThat(c.sessions().list(true, true)).hasSize(1);
        }
        String[] ids = {"s-1", "s-2", "s-3"};
        CoordinationService[] services = {main, other, project};
        for (int i = 0; i < ids.length; i++) {
            assertThat(services[i].claims().claimFiles(ids[i], List.of("src/App.java"), null).get(0).granted())
                    .as("the same path in another workspace or project is another resource").isTrue();
        }
        assertThat(bobs.claims().claimFiles("s-1", List.of("src/App.java"), null).get(0).granted())
                .as("bob's s-1 is not alice's s-1").isTrue();
        assertThat(bobs.sessions().list(true, true)).singleElement()
                .satisfies(s -> assertThat(s.agentName()).isEqualTo("bob-agent"));

        assertThatThrownBy(() -> other.claims().claimFiles("s-1", List.of("x"), null))
                .as("a session of another workspace is unknown here").isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> main.messages().send("s-1", "s-3", "hi"))
                .as("a session of another project is unknown here").isInstanceOf(NotFoundException.class);

        TaskInfo t = main.tasks().create("s-1", "alice task", null, null, null);
        assertThat(bobs.tasks().list(null, true)).isEmpty();
        assertThat(project.tasks().list(null, true)).isEmpty();
        assertThatThrownBy(() -> bobs.tasks().claim("s-1", t.id())).isInstanceOf(NotFoundException.class);
        main.decisions().record("s-1", "alice decision", null, null);
        assertThat(bobs.decisions().list(null, 10)).isEmpty();
        assertThat(other.decisions().list(null, 10)).isEmpty();
    }
}
