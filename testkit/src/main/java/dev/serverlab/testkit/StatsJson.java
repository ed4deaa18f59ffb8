package dev.serverlab.testkit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one counter out of the flat JSON object {@code GET /stats} serves,
 * e.g. {@code {"accepted":3,"active":1,...}}, so tests can watch a server
 * from the outside, as a client would.
 */
public final class StatsJson {

    private StatsJson() {
    }

    /** The value of {@code field}, which must be present. */
    public static long field(String json, String field) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*(-?\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalArgumentException("no \"" + field + "\" in " + json);
        }
        return Long.parseLong(m.group(1));
    }
}
