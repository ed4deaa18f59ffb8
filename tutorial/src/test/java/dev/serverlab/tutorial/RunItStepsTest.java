package dev.serverlab.tutorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunItStepsTest {

    @Test
    void aStepAndItsOutputWithProseBetween() {
        String text = """
                <!-- run-it -->
                ```sh
                curl -s http://localhost:4221/echo/hi
                ```
                It prints:
                <!-- run-it: output -->
                ```text
                hi
                ```
                """;
        assertThat(RunItSteps.parse("ch.md", text)).containsExactly(
                new RunItSteps.Step(1, "curl -s http://localhost:4221/echo/hi", Optional.of("hi")));
    }

    @Test
    void aStepWithoutOutputAndUnmarkedBlocksAreLeftOut() {
        String text = "```sh\nnot run\n```\n<!-- run-it -->\n```sh\nkill $pid\n```\n";
        assertThat(RunItSteps.parse("ch.md", text)).containsExactly(new RunItSteps.Step(4, "kill $pid", Optional.empty()));
    }

    @Test
    void anOutputBlockWithNoStepBeforeItIsAnError() {
        assertThatThrownBy(() -> RunItSteps.parse("ch.md", "<!-- run-it: output -->\n```\nhi\n```\n"))
                .isInstanceOf(SnippetException.class).hasMessage("ch.md:1: an output block must follow a run-it block");
    }

    @Test
    void aMisspeltMarkerIsAnError() {
        assertThatThrownBy(() -> RunItSteps.parse("ch.md", "<!-- run-it: outptu -->\n```\nhi\n```\n"))
                .isInstanceOf(SnippetException.class).hasMessageStartingWith("ch.md:1: malformed run-it marker");
    }

    @Test
    void aMarkerWithoutABlockIsAnError() {
        assertThatThrownBy(() -> RunItSteps.parse("ch.md", "<!-- run-it -->\nprose\n"))
                .isInstanceOf(SnippetException.class).hasMessageContaining("must be followed");
    }
}
