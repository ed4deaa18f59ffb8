package dev.serverlab.core.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The IMF-fixdate form of the {@code Date} header (RFC 9110 §5.6.7),
 * e.g. {@code Sun, 06 Nov 1994 08:49:37 GMT}. Formatting a date costs far
 * more than the rest of a small response, so it is done once per second,
 * straight to the bytes the encoder copies.
 */
final class HttpDate {

    private record Cached(long second, byte[] bytes) {
    }

    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

    private static volatile Cached cached = new Cached(-1, new byte[0]);

    private HttpDate() {
    }

    /**
     * The current second's date as ISO-8859-1 bytes (ASCII, in fact). Shared
     * by every response of that second: callers copy it and never write to it.
     */
    static byte[] now() {
        long second = System.currentTimeMillis() / 1000;
        Cached c = cached;
        if (c.second() != second) {
            // Format the very second used as the cache key: reading the clock
            // again could cross a second boundary and cache the wrong text.
            c = new Cached(second, format(second).getBytes(StandardCharsets.ISO_8859_1));
            cached = c;
        }
        return c.bytes();
    }

    /** The IMF-fixdate for a count of seconds since the epoch. */
    static String format(long epochSecond) {
        return IMF_FIXDATE.format(Instant.ofEpochSecond(epochSecond).atZone(ZoneOffset.UTC));
    }
}
