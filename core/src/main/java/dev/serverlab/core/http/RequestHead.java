package dev.serverlab.core.http;

/**
 * The request line and header section of one request (RFC 9112 §3, §5).
 *
 * @param method  the method token, case-sensitive ({@code GET} is not {@code Get})
 * @param target  the request target as sent, e.g. {@code /echo/hi?x=1}
 * @param version HTTP/1.0 or HTTP/1.1
 * @param headers the header fields in the order received
 */
public record RequestHead(String method, String target, HttpVersion version, Headers headers) {

    /**
     * The target's path, still percent-encoded: everything before {@code ?}.
     * For the absolute form a proxy would send ({@code http://host/p}), the
     * scheme and authority are dropped too (RFC 9112 §3.2.2).
     */
    public String path() {
        String t = target;
        int scheme = t.indexOf("://");
        if (scheme > 0 && !t.startsWith("/")) {
            int slash = t.indexOf('/', scheme + 3);
            t = slash < 0 ? "/" : t.substring(slash);
        }
        int q = t.indexOf('?');
        return q < 0 ? t : t.substring(0, q);
    }
}
