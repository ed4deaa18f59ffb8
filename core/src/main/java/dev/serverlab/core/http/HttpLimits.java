package dev.serverlab.core.http;

/**
 * Size limits the parser enforces, so that no request can make a server
 * buffer without bound.
 *
 * <table>
 *   <caption>Limits and the answer when a request exceeds them</caption>
 *   <tr><th>limit</th><th>default</th><th>answer when exceeded</th></tr>
 *   <tr><td>{@code maxRequestLineBytes}</td><td>8 KiB</td><td>414 (RFC 9112 §3)</td></tr>
 *   <tr><td>{@code maxHeaderSectionBytes}</td><td>64 KiB</td><td>431 (RFC 6585 §5)</td></tr>
 *   <tr><td>{@code maxBodyBytes}</td><td>16 MiB</td><td>413</td></tr>
 * </table>
 *
 * <p>The request-line limit also bounds a chunk-size line, and the header
 * limit also bounds a chunked body's trailer section.
 *
 * @param maxRequestLineBytes   the request line, without its CRLF
 * @param maxHeaderSectionBytes all header lines together, CRLFs included
 * @param maxBodyBytes          the decoded body
 */
public record HttpLimits(int maxRequestLineBytes, int maxHeaderSectionBytes, long maxBodyBytes) {

    public static final int DEFAULT_MAX_REQUEST_LINE_BYTES = 8 * 1024;
    public static final int DEFAULT_MAX_HEADER_SECTION_BYTES = 64 * 1024;
    public static final long DEFAULT_MAX_BODY_BYTES = 16L * 1024 * 1024;

    public static final HttpLimits DEFAULTS = new HttpLimits(
            DEFAULT_MAX_REQUEST_LINE_BYTES, DEFAULT_MAX_HEADER_SECTION_BYTES, DEFAULT_MAX_BODY_BYTES);

    public HttpLimits {
        if (maxRequestLineBytes < 16 || maxHeaderSectionBytes < 16 || maxBodyBytes < 0) {
            throw new IllegalArgumentException("limits too small: " + maxRequestLineBytes
                    + ", " + maxHeaderSectionBytes + ", " + maxBodyBytes);
        }
    }
}
