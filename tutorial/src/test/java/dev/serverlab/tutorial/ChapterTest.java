package dev.serverlab.tutorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChapterTest {

    private static final String STALE = """
            # Chapter

            The loop:

            <!-- snippet: 02-sequential/src/main/java/Server.java#loop -->
            ```java
            while (true) {
                old();
            }
            ```

            More prose.
            """;

    @Test
    void findsAMarkerAndItsBlock() {
        Chapter chapter = Chapter.parse("ch.md", STALE);
        assertThat(chapter.includes()).singleElement().satisfies(include -> {
            assertThat(include.markerLine()).isEqualTo(5);
            assertThat(include.source()).isEqualTo("02-sequential/src/main/java/Server.java");
            assertThat(include.tag()).contains("loop");
            assertThat(include.ref()).isEqualTo("02-sequential/src/main/java/Server.java#loop");
            assertThat(include.code()).isEqualTo("while (true) {\n    old();\n}");
        });
    }

    @Test
    void aMarkerWithoutTagIncludesTheWholeFile() {
        Chapter chapter = Chapter.parse("ch.md", "<!-- snippet: serve -->\n```sh\nexec java\n```\n");
        assertThat(chapter.includes()).singleElement()
                .satisfies(include -> assertThat(include.tag()).isEqualTo(Optional.empty()));
    }

    @Test
    void rewritesAStaleBlockAndNothingElse() {
        Chapter chapter = Chapter.parse("ch.md", STALE);
        String rewritten = chapter.rewrite(Map.of(chapter.includes().getFirst(), "while (true) {\n    serve();\n}"));
        assertThat(rewritten).isEqualTo(STALE.replace("old();", "serve();"));
    }

    @Test
    void rewritingWithTheSameRegionChangesNothing() {
        Chapter chapter = Chapter.parse("ch.md", STALE);
        Chapter.Include include = chapter.includes().getFirst();
        assertThat(chapter.rewrite(Map.of(include, include.code()))).isEqualTo(STALE);
    }

    @Test
    void rewritingCanGrowOrShrinkABlock() {
        String text = "<!-- snippet: a#x -->\n```\n1\n```\n<!-- snippet: b#y -->\n~~~~\n```\n~~~~\n";
        Chapter chapter = Chapter.parse("ch.md", text);
        Map<Chapter.Include, String> regions = Map.of(
                chapter.includes().get(0), "1\n2\n3",
                chapter.includes().get(1), "");
        assertThat(chapter.rewrite(regions))
                .isEqualTo("<!-- snippet: a#x -->\n```\n1\n2\n3\n```\n<!-- snippet: b#y -->\n~~~~\n~~~~\n");
    }

    @Test
    void keepsWindowsLineEndings() {
        Chapter chapter = Chapter.parse("ch.md", "<!-- snippet: a#x -->\r\n```\r\nold\r\n```\r\n");
        assertThat(chapter.rewrite(Map.of(chapter.includes().getFirst(), "new\nnewer")))
                .isEqualTo("<!-- snippet: a#x -->\r\n```\r\nnew\r\nnewer\r\n```\r\n");
    }

    /** A block indented under a list item carries the region indented the same way. */
    @Test
    void anIndentedBlockHoldsTheRegionIndented() {
        Chapter chapter = Chapter.parse("ch.md", "1. Step\n   <!-- snippet: a#x -->\n   ```\n   a\n\n     b\n   ```\n");
        Chapter.Include include = chapter.includes().getFirst();
        assertThat(include.render("a\n\n  b")).isEqualTo(include.code());
    }

    /** A chapter may show the marker syntax itself inside a longer fence. */
    @Test
    void markersInsideAFencedBlockAreText() {
        String text = "````markdown\n<!-- snippet: nowhere.java#x -->\n```java\n```\n````\n";
        assertThat(Chapter.parse("ch.md", text).includes()).isEmpty();
    }

    @Test
    void aMarkerMustBeFollowedByAFencedBlock() {
        assertThatThrownBy(() -> Chapter.parse("ch.md", "text\n<!-- snippet: a#x -->\n\n```\nx\n```\n"))
                .isInstanceOf(SnippetException.class)
                .hasMessage("ch.md:2: snippet marker must be followed, on the next line, by a fenced code block");
    }

    @Test
    void aMarkerAtTheEndOfTheFileIsAnError() {
        assertThatThrownBy(() -> Chapter.parse("ch.md", "<!-- snippet: a#x -->"))
                .isInstanceOf(SnippetException.class)
                .hasMessageContaining("ch.md:1: snippet marker must be followed");
    }

    @Test
    void anUnclosedBlockIsAnError() {
        assertThatThrownBy(() -> Chapter.parse("ch.md", "<!-- snippet: a#x -->\n```java\nx\n`` \n"))
                .isInstanceOf(SnippetException.class)
                .hasMessage("ch.md:2: code block is never closed");
    }

    @Test
    void aMalformedMarkerIsAnError() {
        assertThatThrownBy(() -> Chapter.parse("ch.md", "<!-- snippet: a b -->\n```\n```\n"))
                .isInstanceOf(SnippetException.class)
                .hasMessageStartingWith("ch.md:1: malformed snippet marker");
    }

    @Test
    void otherCommentsAreIgnored() {
        assertThat(Chapter.parse("ch.md", "<!-- snippets are nice -->\n<!-- TODO -->\n").includes()).isEmpty();
    }
}
