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
 *   <tr><td>{@link #MAX_METHOD_BYTES}</td><td>32 bytes, fixed</td><td>501 (RFC 9112 §3)</td></tr>
 *   <tr><td>{@link #MAX_CHUNK_LINE_BYTES}</td><td>4 KiB, fixed</td><td>400 (RFC 9112 §7.1.1)</td></tr>
 *   <tr><td>{@link #MAX_CHUNK_SIZE_HEX_DIGITS}</td><td>15 hex digits, fixed</td><td>400 (RFC 9112 §7.1)</td></tr>
 * </table>
 *
 * <p>The header limit also bounds a chunked body's trailer section (431).
 * The fixed limits are constants, not components: no stage has a reason to
 * move them, and each is far above anything a real client sends.
 *
 * @param maxRequestLineBytes   the request line, without its CRLF
 * @param maxHeaderSectionBytes all header lines together, CRLFs included
 * @param maxBodyBytes          the decoded body
 */
public record HttpLimits(int maxRequestLineBytes, int maxHeaderSectionBytes, long maxBodyBytes) {

    public static final int DEFAULT_MAX_REQUEST_LINE_BYTES = 8 * 1024;
    public static final int DEFAULT_MAX_HEADER_SECTION_BYTES = 64 * 1024;
    public static final long DEFAULT_MAX_BODY_BYTES = 16L * 1024 * 1024;

    /**
     * The longest method the parser reads as one. RFC 9112 §3: "A server that
     * receives a method longer than any that it implements SHOULD respond
     * with a 501"; the longest registered method is 17 bytes.
     */
    public static final int MAX_METHOD_BYTES = 32;

    /**
     * A chunk-size line, extensions included, without its CRLF. Chunk
     * extensions are ignored (RFC 9112 §7.1.1), so a line longer than this is
     * only a way to make the server buffer: 400. Go's net/http allows 4 KiB too.
     */
    public static final int MAX_CHUNK_LINE_BYTES = 4 * 1024;

    /**
     * Hex digits in one chunk size, leading zeros included: 15 fit a long
     * with room to add, and any size that long is far past the body limit.
     * More is refused as unreadable rather than parsed and overflowed.
     */
    public static final int MAX_CHUNK_SIZE_HEX_DIGITS = 15;

    public static final HttpLimits DEFAULTS = new HttpLimits(
            DEFAULT_MAX_REQUEST_LINE_BYTES, DEFAULT_MAX_HEADER_SECTION_BYTES, DEFAULT_MAX_BODY_BYTES);

    public HttpLimits {
        if (maxRequestLineBytes < 16 || maxHeaderSectionBytes < 16 || maxBodyBytes < 0) {
            throw new IllegalArgumentException("limits too small: " + maxRequestLineBytes
                    + ", " + maxHeaderSectionBytes + ", " + maxBodyBytes);
        }
    }
}
