package dev.serverlab.tutorial;

/**
 * A chapter or a source whose snippet markup is broken: a missing file or
 * tag, an unclosed tag, a marker with no code block under it. Refreshing the
 * snippets cannot fix these; a person has to.
 */
final class SnippetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    SnippetException(String message) {
        super(message);
    }
}
