package dev.serverlab.core.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The IMF-fixdate form of the {@code Date} header (RFC 9110 §5.6.7),
 * e.g. {@code Sun, 06 Nov 1994 08:49:37 GMT}. Formatting a date costs far
 * more than the rest of a small response, so it is done once per second.
 */
final class HttpDate {

    private record Cached(long second, String text) {
    }

    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

    private static volatile Cached cached = new Cached(-1, "");

    private HttpDate() {
    }

    static String now() {
        long second = System.currentTimeMillis() / 1000;
        Cached c = cached;
        if (c.second() != second) {
            // Format the very second used as the cache key: reading the clock
            // again could cross a second boundary and cache the wrong text.
            c = new Cached(second, format(second));
            cached = c;
        }
        return c.text();
    }

    /** The IMF-fixdate for a count of seconds since the epoch. */
    static String format(long epochSecond) {
        return IMF_FIXDATE.format(Instant.ofEpochSecond(epochSecond).atZone(ZoneOffset.UTC));
    }
}
