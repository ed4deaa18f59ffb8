package dev.serverlab.testkit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One response exactly as it came off the wire: status line, header fields
 * (names lower-cased, repeats kept), and body bytes.
 */
public record RawResponse(String version, int status, String reason, Map<String, List<String>> headers,
                          byte[] body) {

    /** The first value of a header, if present (name case-insensitive). */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Every value of a header, in order. */
    public List<String> headerValues(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** True if the server announced it will close the connection. */
    public boolean saysClose() {
        return headerValues("connection").stream()
                .anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("close"));
    }

    @Override
    public String toString() {
        return version + " " + status + " " + reason + " " + headers + " (" + body.length + " body bytes)";
    }
}
