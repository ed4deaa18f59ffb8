package dev.serverlab.core.http;

/**
 * The two protocol versions a serverlab server speaks (RFC 9112 §2.3).
 * They differ in one rule that matters here: whether a connection persists
 * by default (see {@link ConnectionPersistence}).
 */
public enum HttpVersion {
    HTTP_1_0("HTTP/1.0"),
    HTTP_1_1("HTTP/1.1");

    private final String text;

    HttpVersion(String text) {
        this.text = text;
    }

    /** The version as written on the wire, e.g. {@code HTTP/1.1}. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
