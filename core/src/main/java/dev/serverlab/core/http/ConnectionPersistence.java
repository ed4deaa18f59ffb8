package dev.serverlab.core.http;

/**
 * Decides whether a connection stays open after a response, and marks the
 * response to say so. This is protocol, not concurrency, so it lives here
 * once, for the blocking stages and the reactor alike.
 *
 * <table>
 *   <caption>Does the connection persist? (RFC 9112 §9.3)</caption>
 *   <tr><th>request</th><th>persists</th><th>response says</th></tr>
 *   <tr><td>HTTP/1.1</td><td>yes</td><td>nothing</td></tr>
 *   <tr><td>HTTP/1.1 with {@code Connection: close}</td><td>no</td><td>{@code Connection: close}</td></tr>
 *   <tr><td>HTTP/1.0</td><td>no</td><td>{@code Connection: close}</td></tr>
 *   <tr><td>HTTP/1.0 with {@code Connection: keep-alive}</td><td>yes</td><td>{@code Connection: keep-alive}</td></tr>
 *   <tr><td>any, server has keep-alive off</td><td>no</td><td>{@code Connection: close}</td></tr>
 * </table>
 */
public final class ConnectionPersistence {

    private ConnectionPersistence() {
    }

    /** Whether the connection may carry another request after answering this one. */
    // tag::persists[]
    public static boolean persists(RequestHead request, boolean serverKeepsAlive) {
        if (!serverKeepsAlive) {
            return false;
        }
        Headers h = request.headers();
        if (h.listsToken("Connection", "close")) {
            return false;
        }
        return request.version() == HttpVersion.HTTP_1_1 || h.listsToken("Connection", "keep-alive");
    }
    // end::persists[]

    /**
     * The response with its {@code Connection} header set for the decision:
     * {@code close} when closing, {@code keep-alive} when an HTTP/1.0 client
     * asked for it (1.0 clients assume close unless told otherwise).
     */
    public static Response mark(Response response, RequestHead request, boolean persists) {
        if (!persists) {
            return response.replacingHeader("Connection", "close");
        }
        if (request.version() == HttpVersion.HTTP_1_0) {
            return response.replacingHeader("Connection", "keep-alive");
        }
        return response;
    }

    /** A response that ends the connection, e.g. after a protocol error or in stages 01–05. */
    public static Response closing(Response response) {
        return response.replacingHeader("Connection", "close");
    }
}
