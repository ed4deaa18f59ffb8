package dev.serverlab.core.http;

import java.util.Optional;

/**
 * A complete request: its head and its whole decoded body. This is what the
 * application sees; it never sees how the bytes arrived.
 */
public record Request(RequestHead head, byte[] body) {

    public Request {
        body = body == null ? new byte[0] : body;
    }

    public String method() {
        return head.method();
    }

    public String target() {
        return head.target();
    }

    public String path() {
        return head.path();
    }

    public HttpVersion version() {
        return head.version();
    }

    public Headers headers() {
        return head.headers();
    }

    public Optional<String> header(String name) {
        return head.headers().first(name);
    }
}
