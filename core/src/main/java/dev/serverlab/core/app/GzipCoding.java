package dev.serverlab.core.app;

import dev.serverlab.core.http.Headers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * The one content coding the demo application offers: whether a request's
 * {@code Accept-Encoding} accepts gzip (RFC 9110 §12.5.3), and the
 * compression itself.
 *
 * <p>Shortcut: only an explicit {@code gzip} element counts. A full server
 * would also honour {@code *} and the old alias {@code x-gzip}; the lesson
 * here is negotiation by weight, which {@code gzip;q=0} already shows.
 */
final class GzipCoding {

    /** RFC 9110 §12.4.2: at most three decimals, never above 1. */
    private static final Pattern QVALUE = Pattern.compile("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?");

    private GzipCoding() {
    }

    /**
     * Whether some {@code Accept-Encoding} element names gzip with a weight
     * above zero. {@code gzip;q=0} means "not gzip, please"; a weight we
     * cannot read is treated the same way, since the identity coding is
     * always a safe answer.
     */
    static boolean accepts(Headers headers) {
        for (String value : headers.all("Accept-Encoding")) {
            for (String element : value.split(",")) {
                String[] parts = element.split(";");
                if (parts[0].strip().equalsIgnoreCase("gzip") && weightAboveZero(parts)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean weightAboveZero(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].strip();
            if (param.toLowerCase(Locale.ROOT).startsWith("q=")) {
                String q = param.substring(2);
                return QVALUE.matcher(q).matches() && !q.matches("0(\\.0*)?");
            }
        }
        return true; // no weight means q=1
    }

    /** The body in gzip format (RFC 1952), as {@code Content-Encoding: gzip} promises. */
    static byte[] compress(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 2 + 32);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        } catch (IOException e) {
            // A ByteArrayOutputStream never fails; this would be a JDK bug.
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
