package dev.serverlab.core.http;

import java.util.function.IntPredicate;

/** Character classes from RFC 9110 §5.6 and RFC 3986, as small predicates. */
final class HttpSyntax {

    private HttpSyntax() {
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    static boolean isHexDigit(int c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** tchar: letters, digits and {@code !#$%&'*+-.^_`|~} (RFC 9110 §5.6.2). */
    static boolean isTokenChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c)
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    static boolean isToken(String s) {
        // A plain loop, not allMatch: this runs on every header name of every request and response,
        // and a lambda passed through a shared helper is a call per character the JIT may not inline.
        for (int i = 0; i < s.length(); i++) {
            if (!isTokenChar(s.charAt(i))) {
                return false;
            }
        }
        return !s.isEmpty();
    }

    /** A URI scheme: a letter, then letters, digits, {@code +}, {@code -} or {@code .} (RFC 3986 §3.1). */
    static boolean isScheme(String s) {
        return !s.isEmpty() && Character.isLetter(s.charAt(0)) && s.charAt(0) < 0x80
                && allMatch(s, c -> (c < 0x80 && Character.isLetterOrDigit(c)) || c == '+' || c == '-' || c == '.');
    }

    /** Visible ASCII only: no spaces, controls or raw non-ASCII bytes. */
    static boolean isRequestTarget(String s) {
        for (int i = 0; i < s.length(); i++) { // a plain loop, as in isToken: every request has one
            char c = s.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                return false;
            }
        }
        return !s.isEmpty();
    }

    /** unreserved and sub-delims of RFC 3986 §2.2–2.3: what a host name may hold besides escapes. */
    static boolean isHostChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c)
                || "-._~!$&'()*+,;=".indexOf(c) >= 0;
    }

    /**
     * A valid {@code Host} value (RFC 9110 §7.2): {@code uri-host [ ":" port ]},
     * where uri-host is an IP literal in brackets or a reg-name (RFC 3986 §3.2.2)
     * and may be empty. Anything else (spaces, {@code /}, {@code @}) is refused.
     */
    static boolean isHost(String s) {
        int portColon;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 2 || !allMatch(s.substring(1, close), c -> isHostChar(c) || c == ':')) {
                return false;
            }
            portColon = close + 1;
            if (portColon < s.length() && s.charAt(portColon) != ':') {
                return false;
            }
        } else {
            portColon = s.indexOf(':');
            int hostEnd = portColon < 0 ? s.length() : portColon; // indices, not a substring: every request has a Host
            for (int i = 0; i < hostEnd; i++) {
                char c = s.charAt(i);
                if (c == '%') {
                    if (i + 2 >= hostEnd || !isHexDigit(s.charAt(i + 1)) || !isHexDigit(s.charAt(i + 2))) {
                        return false;
                    }
                    i += 2;
                } else if (!isHostChar(c)) {
                    return false;
                }
            }
        }
        for (int i = portColon + 1; portColon >= 0 && i < s.length(); i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Field values may hold visible characters, spaces, tabs and obs-text, never other controls. */
    static boolean isFieldValueChar(int c) {
        return c == '\t' || (c >= 0x20 && c != 0x7f);
    }

    static boolean isFieldValue(String s) {
        for (int i = 0; i < s.length(); i++) { // a plain loop, as in isToken: every value of every message
            if (!isFieldValueChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code s.chars().allMatch(p)} without the stream: the checks run on every
     * header of every request, and the stream's objects were a quarter of
     * stage 07's allocation per request (JFR, chapter 07).
     */
    private static boolean allMatch(String s, IntPredicate p) {
        for (int i = 0; i < s.length(); i++) {
            if (!p.test(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Strips optional whitespace (SP and HTAB) from both ends. */
    static String trimOws(String s) {
        return trimOws(s, 0);
    }

    /** {@code trimOws(s.substring(from))} in one copy instead of two: a header's value, from its line. */
    static String trimOws(String s, int from) {
        int to = s.length();
        while (from < to && (s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
            from++;
        }
        while (to > from && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '\t')) {
            to--;
        }
        return s.substring(from, to);
    }
}
