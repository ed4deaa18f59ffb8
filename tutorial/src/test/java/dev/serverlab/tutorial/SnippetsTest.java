package dev.serverlab.tutorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SnippetsTest {

    private static final String SOURCE = """
            class Server {
                void run() {
                    // tag::loop[]
                    while (true) {
                        // tag::accept[]
                        Socket s = server.accept();
                        // end::accept[]
                        serve(s);
                    }
                    // end::loop[]
                }
            }
            """;

    /** A region is the lines between its markers, indentation shared by all of them removed. */
    @Test
    void extractsARegionAndStripsItsCommonIndentation() {
        assertThat(Snippets.parse("Server.java", SOURCE).region("accept"))
                .isEqualTo("Socket s = server.accept();");
    }

    /** Markers of a region nested inside another are not part of the outer region's text. */
    @Test
    void leavesNestedMarkerLinesOut() {
        assertThat(Snippets.parse("Server.java", SOURCE).region("loop")).isEqualTo("""
                while (true) {
                    Socket s = server.accept();
                    serve(s);
                }""");
    }

    @Test
    void regionsMayOverlap() {
        String source = """
                // tag::a[]
                one
                // tag::b[]
                two
                // end::a[]
                three
                // end::b[]
                """;
        Snippets snippets = Snippets.parse("x", source);
        assertThat(snippets.region("a")).isEqualTo("one\ntwo");
        assertThat(snippets.region("b")).isEqualTo("two\nthree");
    }

    /** Blank lines do not count towards the common indentation and come out empty. */
    @Test
    void blankLinesInsideARegionComeOutEmpty() {
        String source = "  // tag::t[]\n    a();\n  \n      b();\n  // end::t[]\n";
        assertThat(Snippets.parse("x", source).region("t")).isEqualTo("a();\n\n  b();");
    }

    @Test
    void stripsOnlyTheIndentationAllLinesShare() {
        assertThat(Snippets.stripCommonIndent(List.of("\t\tx", "\t y", "\t\t\tz")))
                .containsExactly("\tx", " y", "\t\tz");
    }

    @Test
    void wholeFileIsTheFileWithoutItsMarkerLines() {
        assertThat(Snippets.parse("Server.java", SOURCE).wholeFile()).isEqualTo("""
                class Server {
                    void run() {
                        while (true) {
                            Socket s = server.accept();
                            serve(s);
                        }
                    }
                }""");
    }

    @Test
    void shellStyleMarkersWorkToo() {
        assertThat(Snippets.parse("serve", "# tag::run[]\nexec java \"$@\"\n# end::run[]\n").region("run"))
                .isEqualTo("exec java \"$@\"");
    }

    @Test
    void aMarkerMustBeALineOfItsOwn() {
        String source = "String s = \"// tag::t[]\";\n// tag::t[]\nx\n// end::t[]\n";
        assertThat(Snippets.parse("x", source).region("t")).isEqualTo("x");
    }

    @Test
    void missingTagNamesTheTagsThatExist() {
        assertThatThrownBy(() -> Snippets.parse("Server.java", SOURCE).region("acept"))
                .isInstanceOf(SnippetException.class)
                .hasMessage("Server.java has no tag 'acept'; it has accept, loop");
    }

    @Test
    void unclosedTagIsAnError() {
        assertThatThrownBy(() -> Snippets.parse("Server.java", "a\n// tag::t[]\nb\n"))
                .isInstanceOf(SnippetException.class)
                .hasMessage("Server.java:2: tag::t[] is never closed");
    }

    @Test
    void endWithoutTagIsAnError() {
        assertThatThrownBy(() -> Snippets.parse("Server.java", "a\n// end::t[]\n"))
                .isInstanceOf(SnippetException.class)
                .hasMessage("Server.java:2: end::t[] without tag::t[]");
    }

    @Test
    void aTagUsedTwiceIsAnError() {
        assertThatThrownBy(() -> Snippets.parse("x", "// tag::t[]\n// end::t[]\n// tag::t[]\n// end::t[]\n"))
                .isInstanceOf(SnippetException.class)
                .hasMessage("x:3: tag 't' is used twice");
    }

    @Test
    void windowsLineEndingsAreRead() {
        assertThat(Snippets.parse("x", "// tag::t[]\r\n  a\r\n  b\r\n// end::t[]\r\n").region("t"))
                .isEqualTo("a\nb");
    }
}
